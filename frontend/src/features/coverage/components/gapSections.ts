import type { Gap, GapCandidate } from '@/client';

/** The gaps page's sections, worst first: roles nobody covers, roles only planned, roles in
 * progress, then the other kinds of gap in the API's order. */
export const GAP_SECTIONS = [
  'nobody',
  'planned',
  'in_progress',
  'review_overdue',
  'sector_without_active_partner',
  'active_partner_without_commitment',
] as const;
export type GapSection = (typeof GAP_SECTIONS)[number];

export function gapSection(gap: Gap): GapSection {
  if (gap.kind === 'role_not_in_place') {
    if (gap.coverage === 'planned') return 'planned';
    if (gap.coverage === 'in_progress') return 'in_progress';
    return 'nobody';
  }
  return gap.kind;
}

export function gapSections(items: Gap[]): { section: GapSection; items: Gap[] }[] {
  return GAP_SECTIONS.map((section) => ({ section, items: items.filter((gap) => gapSection(gap) === section) })).filter(
    (group) => group.items.length > 0,
  );
}

/** Whom to offer for a role that is a gap: the API's candidates (never a withdrawn or dormant
 * partner) that one may edit, less those already holding the role. */
export function candidatesFor(gap: Gap, candidates: GapCandidate[], canEdit: (partnerId: string) => boolean): GapCandidate[] {
  const holding = new Set(gap.holders?.map((holder) => holder.partner_id) ?? []);
  return candidates.filter((candidate) => canEdit(candidate.id) && !holding.has(candidate.id));
}
