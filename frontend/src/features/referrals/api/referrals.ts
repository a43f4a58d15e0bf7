import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';

import {
  pathwaysListPathways,
  referralsGetReferral,
  referralsListReferrals,
  referralsMoveReferral,
  referralsSendReferral,
  servicesGetService,
  servicesListServices,
  type ReferralCreate,
  type ReferralPublic,
  type ReferralTransition,
  type ServicePublic,
} from '@/client';
import { useApiLanguage } from '@/lib/i18n';
import { etagOf, unwrap } from '@/lib/problem';

import { toListQuery, type Direction, type ReferralSearch } from './search';

export const referralKeys = {
  all: (network: string) => ['networks', network, 'referrals'] as const,
  lists: (network: string) => [...referralKeys.all(network), 'list'] as const,
  list: (network: string, search: ReferralSearch, direction: Direction) => [...referralKeys.lists(network), search, direction] as const,
  detail: (network: string, id: string) => [...referralKeys.all(network), 'detail', id] as const,
  directory: (network: string) => [...referralKeys.all(network), 'service-directory'] as const,
  service: (network: string, id: string) => [...referralKeys.all(network), 'service', id] as const,
  pathwaysFrom: (network: string, serviceId: string) => [...referralKeys.all(network), 'pathways-from', serviceId] as const,
};

/** One page of the inbox, as the URL asks; asked again every minute, since referrals arrive while the screen is open. */
export function useReferralList(network: string, search: ReferralSearch, direction: Direction, enabled = true) {
  return useQuery({
    queryKey: referralKeys.list(network, search, direction),
    queryFn: ({ signal }) => unwrap(referralsListReferrals({ path: { network }, query: toListQuery(search, direction), signal })),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
    enabled,
  });
}

export function useReferral(network: string, referralId: string, enabled = true) {
  return useQuery({
    queryKey: referralKeys.detail(network, referralId),
    queryFn: ({ signal }) => unwrap(referralsGetReferral({ path: { network, referral_id: referralId }, signal })),
    refetchInterval: 60_000,
    enabled,
  });
}

/** A service as a referral names it: its name and its partner's. */
export interface ServiceName {
  id: string;
  name: string;
  partner_id: string;
  partner_name: string;
  status: ServicePublic['status'];
  type: ServicePublic['type'];
}

const nameOf = (s: ServicePublic): ServiceName => ({ id: s.id, name: s.name, partner_id: s.partner_id, partner_name: s.partner_name, status: s.status, type: s.type });

/**
 * Every service of the network by id (referrals carry ids only), paged through like the
 * services feature's options: a network has a few hundred. `complete` is false when it
 * had more than the ten pages read; the names still missing are then asked one by one.
 */
export function useServiceDirectory(network: string, enabled = true) {
  return useQuery({
    queryKey: referralKeys.directory(network),
    queryFn: async ({ signal }) => {
      const items: ServiceName[] = [];
      let cursor: string | null | undefined;
      for (let page = 0; page < 10; page += 1) {
        const result = await unwrap(servicesListServices({ path: { network }, query: { limit: 200, cursor }, signal }));
        items.push(...result.items.map(nameOf));
        cursor = result.next_cursor;
        if (!cursor) break;
      }
      items.sort((a, b) => a.name.localeCompare(b.name) || a.partner_name.localeCompare(b.partner_name));
      return { items, byId: new Map(items.map((item) => [item.id, item])), complete: !cursor };
    },
    staleTime: 60_000,
    enabled,
  });
}

/** Names for the services these referrals name: from the directory, and one by one for any it does not hold. */
export function useServiceNames(network: string, serviceIds: readonly string[], enabled = true) {
  const directory = useServiceDirectory(network, enabled);
  const missing = useMemo(
    () => (directory.data ? [...new Set(serviceIds)].filter((id) => !directory.data.byId.has(id)) : []),
    [directory.data, serviceIds],
  );
  const singles = useQueries({
    queries: missing.map((id) => ({
      queryKey: referralKeys.service(network, id),
      queryFn: ({ signal }: { signal: AbortSignal }) => unwrap(servicesGetService({ path: { network, service_id: id }, signal })).then(nameOf),
      staleTime: 5 * 60_000,
    })),
  });
  const lookup = (id: string): ServiceName | undefined => directory.data?.byId.get(id) ?? singles.find((q) => q.data?.id === id)?.data;
  return { directory, lookup, pending: directory.isPending || singles.some((q) => q.isPending) };
}

/** The active pathways that start at a service: the ways a referral may go from it. */
export function usePathwaysFrom(network: string, serviceId: string | null) {
  return useQuery({
    queryKey: referralKeys.pathwaysFrom(network, serviceId ?? ''),
    queryFn: async ({ signal }) => {
      const page = await unwrap(pathwaysListPathways({ path: { network }, query: { service_id: serviceId, status: ['active'], limit: 200 }, signal }));
      return page.items
        .filter((pathway) => pathway.from_service.id === serviceId)
        .sort((a, b) => a.to_service.name.localeCompare(b.to_service.name) || a.to_service.partner_name.localeCompare(b.to_service.partner_name));
    },
    enabled: serviceId !== null,
    staleTime: 60_000,
  });
}

// The API's field messages (a reference that looks like a name, …) come in the language
// asked for: the interface's, not the browser's.
const languageHeader = (lang: string) => ({ 'Accept-Language': lang });

export function useSendReferral(network: string) {
  const queryClient = useQueryClient();
  const lang = useApiLanguage();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: ReferralCreate; idempotencyKey: string }) =>
      unwrap(referralsSendReferral({ path: { network }, body, headers: { 'Idempotency-Key': idempotencyKey, ...languageHeader(lang) } })),
    onSuccess: (created) => {
      queryClient.setQueryData(referralKeys.detail(network, created.id), created);
      void queryClient.invalidateQueries({ queryKey: referralKeys.lists(network) });
    },
  });
}

/** One step of the lifecycle, from the version read (If-Match): a stale version answers 412, an illegal step 409. */
export function useMoveReferral(network: string, referralId: string) {
  const queryClient = useQueryClient();
  const lang = useApiLanguage();
  return useMutation({
    mutationFn: ({ body, version }: { body: ReferralTransition; version: number }) =>
      unwrap(referralsMoveReferral({ path: { network, referral_id: referralId }, body, headers: { 'If-Match': etagOf(version), ...languageHeader(lang) } })),
    onSuccess: (moved: ReferralPublic) => {
      queryClient.setQueryData(referralKeys.detail(network, referralId), moved);
      void queryClient.invalidateQueries({ queryKey: referralKeys.lists(network) });
      if (moved.onward_referral_id) void queryClient.invalidateQueries({ queryKey: referralKeys.detail(network, moved.onward_referral_id) });
    },
  });
}
