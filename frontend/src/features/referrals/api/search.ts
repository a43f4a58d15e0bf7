import type { ReferralsListReferralsData } from '@/client';
import { asList, asString, onlyCodes } from '@/lib/search-params';
import { REFERRAL_STATUSES, URGENCIES, type ReferralStatus, type Urgency } from '@/lib/vocabulary';

/** Which side of the caller's partners: what they received, what they sent, or both. */
export type Direction = 'received' | 'sent' | 'all';
export const DIRECTIONS: readonly Direction[] = ['received', 'sent', 'all'];

/**
 * The inbox's URL: plain repeated parameters named as the API names them
 * (`?direction=sent&status=sent&status=received&overdue=true&partner_id=…`) and the stack
 * of page cursors. Ids and codes only: nothing about anyone.
 */
export interface ReferralSearch {
  /** Left out: the caller's usual view (editors: received; coordinators: all). */
  direction?: Direction;
  status?: ReferralStatus[];
  urgency?: Urgency[];
  overdue?: 'true';
  partner_id?: string[];
  cursor?: string[];
}

export const REFERRAL_PAGE_SIZE = 25;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseReferralSearch(raw: Record<string, unknown>): ReferralSearch {
  const search: ReferralSearch = {};
  const direction = asString(raw.direction);
  if (direction && (DIRECTIONS as readonly string[]).includes(direction)) search.direction = direction as Direction;
  const status = onlyCodes(asList(raw.status), REFERRAL_STATUSES);
  if (status.length) search.status = status;
  const urgency = onlyCodes(asList(raw.urgency), URGENCIES);
  if (urgency.length) search.urgency = urgency;
  if (asString(raw.overdue) === 'true') search.overdue = 'true';
  // The API takes at most 50 partners.
  const partners = [...new Set(asList(raw.partner_id).map((id) => id.toLowerCase()).filter((id) => UUID.test(id)))].slice(0, 50);
  if (partners.length) search.partner_id = partners;
  const cursor = asList(raw.cursor).filter((c) => c.length <= 4096);
  if (cursor.length) search.cursor = cursor;
  return search;
}

/** The filters changed: back to the first page, and nothing empty left in the URL. */
export function withFilters(search: ReferralSearch, changes: Partial<ReferralSearch>): ReferralSearch {
  const merged: Record<string, unknown> = { ...search, ...changes, cursor: undefined };
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))) as ReferralSearch;
}

/** Status, urgency, overdue and partners set (the direction is a view, not a filter). */
export function activeFilterCount(search: ReferralSearch): number {
  return (search.status?.length ? 1 : 0) + (search.urgency?.length ? 1 : 0) + (search.overdue ? 1 : 0) + (search.partner_id?.length ? 1 : 0);
}

/**
 * The direction shown. A partner's editors start with what their partners received; a
 * coordinator with every referral. For a coordinator "received" and "sent" mean something
 * only about chosen partners: without any, every referral is shown.
 */
export function directionOf(search: ReferralSearch, coordinator: boolean): Direction {
  if (coordinator) return search.partner_id?.length ? (search.direction ?? 'all') : 'all';
  return search.direction ?? 'received';
}

type ListQuery = NonNullable<ReferralsListReferralsData['query']>;

export function toListQuery(search: ReferralSearch, direction: Direction): ListQuery {
  return {
    direction: direction === 'all' ? undefined : direction,
    partner_id: search.partner_id,
    status: search.status,
    urgency: search.urgency,
    overdue: search.overdue ? true : undefined,
    cursor: search.cursor?.[search.cursor.length - 1],
    limit: REFERRAL_PAGE_SIZE,
  };
}

/**
 * Where the overview's "referrals waiting past their time" item leads. The item counts the
 * referrals by receiving partner (`partner_id`, `overdue=true`). Coordinators and the
 * receiving partner's editors see them among that partner's received referrals. The
 * sending partner's editors cannot filter by a partner they do not work for (the API
 * answers nothing for it), so they see their own overdue referrals sent instead, among
 * which these are.
 */
export function overdueInboxSearch(filters: Record<string, unknown>, coordinator: boolean, ownPartnerIds: readonly string[]): ReferralSearch {
  const asked = parseReferralSearch(filters);
  const partners = asked.partner_id ?? [];
  if (partners.length === 0) return asked;
  if (coordinator) return { ...asked, direction: 'received' };
  const own = new Set(ownPartnerIds.map((id) => id.toLowerCase()));
  const foreign = partners.filter((id) => !own.has(id));
  if (foreign.length === 0) return { ...asked, direction: 'received' };
  const rest = withFilters(asked, { partner_id: undefined });
  return { ...rest, direction: foreign.length === partners.length ? 'sent' : 'all' };
}
