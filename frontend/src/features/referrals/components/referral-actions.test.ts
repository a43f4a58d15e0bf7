import { describe, expect, it } from 'vitest';

import type { ReferralPublic } from '@/client';
import type { ReferralStatus } from '@/lib/vocabulary';

import { referralActions, timelineOf, waitingFor } from './referral-actions';

const SENDER = '49b3ff02-d1c5-4e39-8223-7de41226fc22';
const RECEIVER = '59b3ff02-d1c5-4e39-8223-7de41226fc22';
const NEITHER = '69b3ff02-d1c5-4e39-8223-7de41226fc22';

const referral = (status: ReferralStatus, from = SENDER, to = RECEIVER) =>
  ({
    status,
    sender: { service_id: 's1', service_type: 'shelter', partner_id: from },
    receiver: { service_id: 's2', service_type: 'crisis_centre', partner_id: to },
  }) as Pick<ReferralPublic, 'status' | 'sender' | 'receiver'>;

describe('what the receiving partner may do', () => {
  it('marks it received, then accepts or declines it, then completes it', () => {
    expect(referralActions(referral('sent'), [RECEIVER])).toEqual(['receive']);
    expect(referralActions(referral('received'), [RECEIVER])).toEqual(['accept', 'decline']);
    expect(referralActions(referral('accepted'), [RECEIVER])).toEqual(['complete']);
  });

  it('does nothing more once it is closed', () => {
    for (const status of ['declined', 'completed', 'revoked', 'expired'] as const) expect(referralActions(referral(status), [RECEIVER])).toEqual([]);
  });
});

describe('what the sending partner may do', () => {
  it('revokes it until it is completed, and takes none of the receiver’s steps', () => {
    expect(referralActions(referral('sent'), [SENDER])).toEqual(['revoke']);
    expect(referralActions(referral('received'), [SENDER])).toEqual(['revoke']);
    expect(referralActions(referral('accepted'), [SENDER])).toEqual(['revoke']);
    for (const status of ['declined', 'completed', 'revoked', 'expired'] as const) expect(referralActions(referral(status), [SENDER])).toEqual([]);
  });
});

describe('everyone else', () => {
  it('coordinators, viewers and other partners’ editors move no referral', () => {
    for (const status of ['sent', 'received', 'accepted'] as const) {
      expect(referralActions(referral(status), [])).toEqual([]);
      expect(referralActions(referral(status), [NEITHER])).toEqual([]);
    }
  });

  it('a partner referring between its own services takes both sides’ steps', () => {
    expect(referralActions(referral('received', SENDER, SENDER), [SENDER])).toEqual(['accept', 'decline', 'revoke']);
  });
});

describe('the timeline', () => {
  it('lists the steps taken, in the order they happened', () => {
    const steps = timelineOf({
      sent_at: '2026-03-01T09:00:00Z',
      received_at: '2026-03-01T09:10:00Z',
      accepted_at: null,
      declined_at: '2026-03-01T10:00:00Z',
      completed_at: null,
      revoked_at: null,
      expired_at: null,
    });
    expect(steps.map((s) => s.status)).toEqual(['sent', 'received', 'declined']);
  });

  it('says who is expected to act next while it is open', () => {
    expect(waitingFor('sent')).toBe('receipt');
    expect(waitingFor('received')).toBe('answer');
    expect(waitingFor('accepted')).toBe('completion');
    expect(waitingFor('completed')).toBeNull();
  });
});
