import { queryOptions, useQuery } from '@tanstack/react-query';

import { authReadMe, type Me, type MyMembership } from '@/client';

import { useSession } from './api';
import { unwrap } from './problem';

export const meQueryKey = ['me'] as const;

export const meQuery = queryOptions({
  queryKey: meQueryKey,
  queryFn: () => unwrap(authReadMe()),
  staleTime: 5 * 60_000,
});

export function useMe() {
  const session = useSession();
  return useQuery({ ...meQuery, enabled: session.status === 'signed-in' });
}

export function findMembership(me: Me | undefined, network: string): MyMembership | undefined {
  return me?.memberships.find((membership) => membership.network === network);
}

export function useMembership(network: string): MyMembership | undefined {
  return findMembership(useMe().data, network);
}

/** What a member may do, mirroring the API's rules (the API still decides). */
export interface Permissions {
  createPartner: boolean;
  editPartner: (partnerId: string) => boolean;
  moveStage: boolean;
  assess: boolean;
  /** Add roles to the catalogue, change their wording, retire them. */
  manageRoles: boolean;
  /** Take on, change or drop a partner's commitment to a role. */
  editCommitments: (partnerId: string) => boolean;
  /** Add a service at all (coordinators, and editors of at least one partner). */
  createService: boolean;
  /** Change a partner's services, their locations and capacity, and the pathways they send. */
  editServicesOf: (partnerId: string) => boolean;
  /** The partners whose services the member may create; null means every partner. */
  servicePartnerIds: string[] | null;
  /** Open the referral inboxes (coordinators every referral, editors their partners'); viewers see statistics only. */
  seeReferrals: boolean;
  /**
   * The partners the member sends and answers referrals for: a partner editor's own. Empty
   * for coordinators, who see every referral but move none (the partners' editors do).
   */
  referralPartnerIds: string[];
}

export function permissionsOf(membership: MyMembership | undefined): Permissions {
  const role = membership?.role;
  const coordinator = role === 'coordinator';
  return {
    createPartner: coordinator,
    editPartner: (partnerId) =>
      coordinator || (role === 'partner_editor' && (membership?.partner_ids ?? []).includes(partnerId)),
    moveStage: coordinator,
    assess: coordinator,
    manageRoles: coordinator,
    editCommitments: (partnerId) =>
      coordinator || (role === 'partner_editor' && (membership?.partner_ids ?? []).includes(partnerId)),
    createService: coordinator || (role === 'partner_editor' && (membership?.partner_ids ?? []).length > 0),
    editServicesOf: (partnerId) =>
      coordinator || (role === 'partner_editor' && (membership?.partner_ids ?? []).includes(partnerId)),
    servicePartnerIds: coordinator ? null : role === 'partner_editor' ? (membership?.partner_ids ?? []) : [],
    seeReferrals: coordinator || role === 'partner_editor',
    referralPartnerIds: role === 'partner_editor' ? (membership?.partner_ids ?? []) : [],
  };
}

export function usePermissions(network: string): Permissions {
  return permissionsOf(useMembership(network));
}
