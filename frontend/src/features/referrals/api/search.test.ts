import { describe, expect, it } from 'vitest';

import { directionOf, overdueInboxSearch, parseReferralSearch, toListQuery, withFilters } from './search';

const OWN = '49b3ff02-d1c5-4e39-8223-7de41226fc22';
const OTHER = '59b3ff02-d1c5-4e39-8223-7de41226fc22';

describe('the inbox URL', () => {
  it('keeps known codes and ids only, once each', () => {
    expect(
      parseReferralSearch({
        direction: 'sent',
        status: ['sent', 'received', 'sent', 'lost'],
        urgency: 'immediate',
        overdue: 'true',
        partner_id: [OWN, 'not-an-id', OWN.toUpperCase()],
        cursor: 'abc',
      }),
    ).toEqual({ direction: 'sent', status: ['sent', 'received'], urgency: ['immediate'], overdue: 'true', partner_id: [OWN], cursor: ['abc'] });
  });

  it('drops what it does not understand', () => {
    expect(parseReferralSearch({ direction: 'sideways', overdue: 'yes', urgency: ['soon'] })).toEqual({});
  });

  it('goes back to the first page when a filter changes, leaving nothing empty behind', () => {
    expect(withFilters({ status: ['sent'], cursor: ['a', 'b'] }, { status: [], overdue: 'true' })).toEqual({ overdue: 'true' });
  });
});

describe('the direction shown', () => {
  it('is what a partner received, unless they ask for what they sent', () => {
    expect(directionOf({}, false)).toBe('received');
    expect(directionOf({ direction: 'sent' }, false)).toBe('sent');
  });

  it('is every referral for a coordinator, unless partners are chosen', () => {
    expect(directionOf({ direction: 'received' }, true)).toBe('all');
    expect(directionOf({ partner_id: [OWN] }, true)).toBe('all');
    expect(directionOf({ partner_id: [OWN], direction: 'received' }, true)).toBe('received');
  });

  it('is asked of the API as it names it, with the last cursor', () => {
    expect(toListQuery({ overdue: 'true', cursor: ['a', 'b'] }, 'all')).toMatchObject({ direction: undefined, overdue: true, cursor: 'b', limit: 25 });
    expect(toListQuery({}, 'sent')).toMatchObject({ direction: 'sent', overdue: undefined, cursor: undefined });
  });
});

describe("the overview's overdue referrals lead to", () => {
  const filters = (partners: string[]) => ({ partner_id: partners, overdue: ['true'] });

  it('a coordinator: what those partners received, past its time', () => {
    expect(overdueInboxSearch(filters([OTHER]), true, [])).toEqual({ partner_id: [OTHER], overdue: 'true', direction: 'received' });
  });

  it("the receiving partner's editors: what their partner received, past its time", () => {
    expect(overdueInboxSearch(filters([OWN]), false, [OWN])).toEqual({ partner_id: [OWN], overdue: 'true', direction: 'received' });
  });

  it("the sending partner's editors: what they sent, past its time (another partner cannot be asked for)", () => {
    expect(overdueInboxSearch(filters([OTHER]), false, [OWN])).toEqual({ overdue: 'true', direction: 'sent' });
  });

  it('an editor on both sides of a group of partners: every overdue referral of theirs', () => {
    expect(overdueInboxSearch(filters([OWN, OTHER]), false, [OWN])).toEqual({ overdue: 'true', direction: 'all' });
  });
});
