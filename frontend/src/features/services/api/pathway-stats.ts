import type { StatsAnswer, StatsRow } from '@/client';
import type { StatsSearch } from '@/features/referrals/api/stats-search';
import { statDisplay } from '@/features/referrals/components/stats-model';

/**
 * The statistics the map's referrals overlay shows: the network's, by pathway, for one whole
 * year. The same search is the statistics screen's link, so the screen opens on these figures.
 */
export function pathwayStatsSearch(year: number): StatsSearch {
  return { group_by: 'pathway', period: 'year', year };
}

/**
 * Each pathway's row of the answer, by pathway id. The answer has a row for every pathway
 * that carried a referral in the year, so a pathway without one had none.
 */
export function pathwayFigures(answer: Pick<StatsAnswer, 'rows'>): ReadonlyMap<string, StatsRow> {
  const byPathway = new Map<string, StatsRow>();
  for (const row of answer.rows) if (row.group.kind === 'pathway' && row.group.id) byPathway.set(row.group.id, row);
  return byPathway;
}

/** A line's width: thin by default, up to this for the busiest pathway's published total. */
export const EDGE_WIDTH = 2;
export const BUSIEST_EDGE_WIDTH = 8;
/** A line named in a health finding is at least this wide (and coloured). */
export const FINDING_EDGE_WIDTH = 5;
export const FINDING_MARK = '⚠';

/** How a pathway's line is drawn: its label, whether its total is hidden for privacy, its width. */
export interface EdgeLook {
  label: string;
  suppressed: boolean;
  width: number;
}

export interface EdgeLookOptions {
  /** The pathways named in a health finding (shown when the findings overlay is on). */
  flagged: ReadonlySet<string>;
  /** Each pathway's row for the year, when the referrals overlay is on and its figures are in. */
  figures?: ReadonlyMap<string, StatsRow>;
  /** A count in the reader's language. */
  formatNumber: (value: number) => string;
  /** The word that stands for a total hidden for privacy ("hidden"). */
  hiddenWord: string;
}

/**
 * Each pathway's line. Its label is the finding marker, then its referral total: the number
 * the API published (rounded), the hidden word where the total is suppressed — never a number,
 * never 0 — and nothing where the pathway had no referrals. Width grows with the published
 * total (by its square root, so one busy pathway does not dwarf the rest); a hidden total
 * leaves the line thin, since its size is what is withheld.
 */
export function edgeLooks(pathwayIds: readonly string[], { flagged, figures, formatNumber, hiddenWord }: EdgeLookOptions): Map<string, EdgeLook> {
  const totals = new Map(pathwayIds.map((id) => [id, statDisplay(figures?.get(id)?.counts.total)]));
  const busiest = Math.max(0, ...[...totals.values()].map((shown) => (shown.kind === 'value' ? shown.value : 0)));
  const looks = new Map<string, EdgeLook>();
  for (const id of pathwayIds) {
    const total = totals.get(id)!;
    const parts = flagged.has(id) ? [FINDING_MARK] : [];
    let width = EDGE_WIDTH;
    if (total.kind === 'value') {
      parts.push(formatNumber(total.value));
      if (busiest > 0) width += (BUSIEST_EDGE_WIDTH - EDGE_WIDTH) * Math.sqrt(total.value / busiest);
    } else if (total.kind === 'suppressed') {
      parts.push(hiddenWord);
    }
    if (flagged.has(id)) width = Math.max(width, FINDING_EDGE_WIDTH);
    looks.set(id, { label: parts.join(' '), suppressed: total.kind === 'suppressed', width: Math.round(width * 10) / 10 });
  }
  return looks;
}

/** The years the overlay offers: this one and the few before, plus the one asked for if older. */
export function yearsOffered(thisYear: number, asked: number, count = 6): number[] {
  const years = Array.from({ length: count }, (_, index) => thisYear - index);
  if (!years.includes(asked)) years.push(asked);
  return years.sort((a, b) => b - a);
}
