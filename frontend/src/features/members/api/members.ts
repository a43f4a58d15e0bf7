import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import {
  authRedeemPasswordReset,
  invitationsAcceptInvitation,
  networksCreateInvitation,
  networksIssuePasswordReset,
  networksListInvitations,
  networksListMembers,
  networksWithdrawInvitation,
  partnersListPartners,
  type InvitationCreate,
} from '@/client';
import { meQuery } from '@/lib/membership';
import { etagOf, unwrap } from '@/lib/problem';

export const memberKeys = {
  all: (network: string) => ['networks', network, 'members'] as const,
  members: (network: string) => [...memberKeys.all(network), 'list'] as const,
  invitations: (network: string) => [...memberKeys.all(network), 'invitations', 'pending'] as const,
  partners: (network: string) => [...memberKeys.all(network), 'partner-options'] as const,
};

// A page of 100 at a time: the member list and the pending invitations show how many there
// are in all and load the next page on request, so none is left out silently.
const PAGE = 100;

export function useMembers(network: string) {
  return useInfiniteQuery({
    queryKey: memberKeys.members(network),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ signal, pageParam }) =>
      unwrap(networksListMembers({ path: { network }, query: { limit: PAGE, cursor: pageParam }, signal })),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function usePendingInvitations(network: string) {
  return useInfiniteQuery({
    queryKey: memberKeys.invitations(network),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ signal, pageParam }) =>
      unwrap(networksListInvitations({ path: { network }, query: { status: 'pending', limit: PAGE, cursor: pageParam }, signal })),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** The network's partners by name, for choosing the ones an editor may edit. */
export function usePartnerChoices(network: string, enabled: boolean) {
  return useQuery({
    queryKey: memberKeys.partners(network),
    enabled,
    queryFn: async ({ signal }) => {
      const items: { value: string; label: string }[] = [];
      let cursor: string | null | undefined;
      for (let page = 0; page < 10; page += 1) {
        const result = await unwrap(partnersListPartners({ path: { network }, query: { limit: 200, cursor, sort: 'name' }, signal }));
        items.push(...result.items.map((p) => ({ value: p.id, label: p.name })));
        cursor = result.next_cursor;
        if (!cursor) break;
      }
      return items;
    },
  });
}

export function useCreateInvitation(network: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // No Idempotency-Key: the API would keep the answer, one-time token included. A
    // retry answers 409 (already pending) and creates nothing twice.
    mutationFn: ({ body }: { body: InvitationCreate }) => unwrap(networksCreateInvitation({ path: { network }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: memberKeys.invitations(network) }),
  });
}

export function useWithdrawInvitation(network: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ invitationId, version }: { invitationId: string; version: number }) =>
      unwrap(
        networksWithdrawInvitation({
          path: { network, invitation_id: invitationId },
          headers: { 'If-Match': etagOf(version) },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: memberKeys.invitations(network) }),
  });
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ token, idempotencyKey }: { token: string; idempotencyKey: string }) =>
      unwrap(invitationsAcceptInvitation({ body: { token }, headers: { 'Idempotency-Key': idempotencyKey } })),
    // The new network appears in the switcher.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQuery.queryKey }),
  });
}

/** The token of an acceptance link: in the fragment (`#token=…`), never sent to a server. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && /^[A-Za-z0-9_-]{1,200}$/.test(token) ? token : null;
}

/** The full link to pass on, from the answer's path. */
export function acceptLink(origin: string, acceptPath: string): string {
  return `${origin}${acceptPath}`;
}

export function useIssuePasswordReset(network: string) {
  return useMutation({
    // No Idempotency-Key: the API would keep the answer, one-time token included. A retry
    // issues a new link and voids the one not received.
    mutationFn: ({ membershipId }: { membershipId: string }) =>
      unwrap(networksIssuePasswordReset({ path: { network, membership_id: membershipId } })),
  });
}

export function useRedeemPasswordReset() {
  return useMutation({
    mutationFn: ({ token, newPassword }: { token: string; newPassword: string }) =>
      unwrap(authRedeemPasswordReset({ body: { token, new_password: newPassword } })),
  });
}

/** "in 24 hours": how long until `iso`, in words of the reader's language. */
export function expiresInWords(iso: string, locale: string, now: number = Date.now()): string {
  const hours = Math.round((new Date(iso).getTime() - now) / 3_600_000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return hours >= 48 ? format.format(Math.round(hours / 24), 'day') : format.format(Math.max(hours, 0), 'hour');
}
