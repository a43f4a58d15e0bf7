import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import {
  partnersChangeStage,
  partnersCreateContact,
  partnersCreatePartner,
  partnersDeleteContact,
  partnersGetAssessment,
  partnersGetPartner,
  partnersListContacts,
  partnersListPartners,
  partnersStageHistory,
  partnersStakeholderMap,
  partnersUpdateAssessment,
  partnersUpdateContact,
  partnersUpdatePartner,
  type AssessmentUpdate,
  type ContactCreate,
  type ContactUpdate,
  type PartnerCreate,
  type PartnerUpdate,
  type Stage,
} from '@/client';
import { etagOf, unwrap, unwrapWithEtag } from '@/lib/problem';

import { toListQuery, type PartnerSearch } from './search';

export const partnerKeys = {
  all: (network: string) => ['networks', network, 'partners'] as const,
  list: (network: string, search: PartnerSearch) => [...partnerKeys.all(network), 'list', search] as const,
  detail: (network: string, id: string) => [...partnerKeys.all(network), 'detail', id] as const,
  history: (network: string, id: string) => [...partnerKeys.detail(network, id), 'history'] as const,
  assessment: (network: string, id: string) => [...partnerKeys.detail(network, id), 'assessment'] as const,
  contacts: (network: string, id: string) => [...partnerKeys.detail(network, id), 'contacts'] as const,
  map: (network: string) => [...partnerKeys.all(network), 'stakeholder-map'] as const,
};

export function usePartnerList(network: string, search: PartnerSearch) {
  return useQuery({
    queryKey: partnerKeys.list(network, search),
    queryFn: ({ signal }) =>
      unwrap(partnersListPartners({ path: { network }, query: toListQuery(search), signal })),
    placeholderData: keepPreviousData,
  });
}

export function usePartner(network: string, partnerId: string) {
  return useQuery({
    queryKey: partnerKeys.detail(network, partnerId),
    queryFn: ({ signal }) => unwrapWithEtag(partnersGetPartner({ path: { network, partner_id: partnerId }, signal })),
  });
}

export function useStageHistory(network: string, partnerId: string) {
  return useQuery({
    queryKey: partnerKeys.history(network, partnerId),
    queryFn: ({ signal }) =>
      unwrap(partnersStageHistory({ path: { network, partner_id: partnerId }, query: { limit: 200 }, signal })),
  });
}

/** `enabled` false when the caller may not read it (the partner came without it). */
export function useAssessment(network: string, partnerId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: partnerKeys.assessment(network, partnerId),
    queryFn: ({ signal }) => unwrapWithEtag(partnersGetAssessment({ path: { network, partner_id: partnerId }, signal })),
  });
}

export function useContacts(network: string, partnerId: string) {
  return useInfiniteQuery({
    queryKey: partnerKeys.contacts(network, partnerId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ signal, pageParam }) =>
      unwrap(partnersListContacts({ path: { network, partner_id: partnerId }, query: { limit: 100, cursor: pageParam }, signal })),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useStakeholderMap(network: string) {
  return useQuery({
    queryKey: partnerKeys.map(network),
    queryFn: ({ signal }) => unwrap(partnersStakeholderMap({ path: { network }, signal })),
  });
}

export function useCreatePartner(network: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: PartnerCreate; idempotencyKey: string }) =>
      unwrap(partnersCreatePartner({ path: { network }, body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerKeys.all(network) }),
  });
}

export function useUpdatePartner(network: string, partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: PartnerUpdate; etag: string }) =>
      unwrapWithEtag(
        partnersUpdatePartner({ path: { network, partner_id: partnerId }, body, headers: { 'If-Match': etag } }),
      ),
    onSuccess: (result) => {
      queryClient.setQueryData(partnerKeys.detail(network, partnerId), result);
      void queryClient.invalidateQueries({ queryKey: partnerKeys.all(network) });
    },
  });
}

export function useChangeStage(network: string, partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ stage, note, etag, idempotencyKey }: { stage: Stage; note: string | null; etag: string; idempotencyKey: string }) =>
      unwrap(
        partnersChangeStage({
          path: { network, partner_id: partnerId },
          body: { stage, note },
          headers: { 'If-Match': etag, 'Idempotency-Key': idempotencyKey },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: partnerKeys.all(network) }),
  });
}

export function useUpdateAssessment(network: string, partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: AssessmentUpdate; etag: string }) =>
      unwrapWithEtag(
        partnersUpdateAssessment({ path: { network, partner_id: partnerId }, body, headers: { 'If-Match': etag } }),
      ),
    onSuccess: (result) => {
      queryClient.setQueryData(partnerKeys.assessment(network, partnerId), result);
      void queryClient.invalidateQueries({ queryKey: partnerKeys.detail(network, partnerId), exact: true });
      void queryClient.invalidateQueries({ queryKey: partnerKeys.map(network) });
    },
  });
}

export function useSaveContact(network: string, partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      input:
        | { kind: 'create'; body: ContactCreate; idempotencyKey: string }
        | { kind: 'update'; contactId: string; version: number; body: ContactUpdate },
    ) =>
      input.kind === 'create'
        ? unwrap(
            partnersCreateContact({
              path: { network, partner_id: partnerId },
              body: input.body,
              headers: { 'Idempotency-Key': input.idempotencyKey },
            }),
          )
        : unwrap(
            partnersUpdateContact({
              path: { network, partner_id: partnerId, contact_id: input.contactId },
              body: input.body,
              headers: { 'If-Match': etagOf(input.version) },
            }),
          ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: partnerKeys.contacts(network, partnerId) }),
  });
}

export function useDeleteContact(network: string, partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ contactId, version }: { contactId: string; version: number }) =>
      unwrap(
        partnersDeleteContact({
          path: { network, partner_id: partnerId, contact_id: contactId },
          headers: { 'If-Match': etagOf(version) },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: partnerKeys.contacts(network, partnerId) }),
  });
}
