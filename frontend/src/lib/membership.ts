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
  };
}

export function usePermissions(network: string): Permissions {
  return permissionsOf(useMembership(network));
}
