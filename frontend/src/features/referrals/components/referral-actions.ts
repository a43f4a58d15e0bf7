import type { ReferralPublic, ReferralTransition } from '@/client';
import type { ReferralStatus } from '@/lib/vocabulary';

/** What a person can do to a referral, one button each. */
export type ReferralAction = 'receive' | 'accept' | 'decline' | 'complete' | 'revoke';

export const ACTION_STATUS: Record<ReferralAction, ReferralTransition['status']> = {
  receive: 'received',
  accept: 'accepted',
  decline: 'declined',
  complete: 'completed',
  revoke: 'revoked',
};

// The API's lifecycle (referrals/lifecycle.py), by the side that takes each step: the
// receiving partner marks it received, answers it and completes it; the sending partner
// may revoke it until it is completed. Declined, completed, revoked and expired are final.
const RECEIVER_STEPS: Partial<Record<ReferralStatus, ReferralAction[]>> = {
  sent: ['receive'],
  received: ['accept', 'decline'],
  accepted: ['complete'],
};
const SENDER_STEPS: Partial<Record<ReferralStatus, ReferralAction[]>> = {
  sent: ['revoke'],
  received: ['revoke'],
  accepted: ['revoke'],
};

export const FINAL_STATUSES: readonly ReferralStatus[] = ['declined', 'completed', 'revoked', 'expired'];

type Ends = Pick<ReferralPublic, 'status' | 'sender' | 'receiver'>;

/** Which ends of the referral the caller works for (both, when a partner refers between its own services). */
export function sidesOf(referral: Pick<ReferralPublic, 'sender' | 'receiver'>, ownPartnerIds: readonly string[]) {
  return {
    sender: ownPartnerIds.includes(referral.sender.partner_id),
    receiver: ownPartnerIds.includes(referral.receiver.partner_id),
  };
}

/**
 * The steps the caller may take now: a partner editor's own partners (`ownPartnerIds`,
 * empty for coordinators and viewers, who move no referral) against the referral's status.
 * The API still decides; this only decides which buttons to show.
 */
export function referralActions(referral: Ends, ownPartnerIds: readonly string[]): ReferralAction[] {
  const sides = sidesOf(referral, ownPartnerIds);
  return [...(sides.receiver ? (RECEIVER_STEPS[referral.status] ?? []) : []), ...(sides.sender ? (SENDER_STEPS[referral.status] ?? []) : [])];
}

/** A step of the referral's history: what happened and when. */
export interface TimelineStep {
  status: ReferralStatus;
  at: string;
}

/** The steps the referral went through, in order (sent first). */
export function timelineOf(referral: Pick<ReferralPublic, 'sent_at' | 'received_at' | 'accepted_at' | 'declined_at' | 'completed_at' | 'revoked_at' | 'expired_at'>): TimelineStep[] {
  const steps: [ReferralStatus, string | null][] = [
    ['sent', referral.sent_at],
    ['received', referral.received_at],
    ['accepted', referral.accepted_at],
    ['declined', referral.declined_at],
    ['completed', referral.completed_at],
    ['revoked', referral.revoked_at],
    ['expired', referral.expired_at],
  ];
  return steps
    .filter((step): step is [ReferralStatus, string] => step[1] !== null)
    .map(([status, at]) => ({ status, at }))
    .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
}

/** Who acts next, in words for the timeline's last line; null once the referral is closed. */
export function waitingFor(status: ReferralStatus): 'receipt' | 'answer' | 'completion' | null {
  if (status === 'sent') return 'receipt';
  if (status === 'received') return 'answer';
  if (status === 'accepted') return 'completion';
  return null;
}
