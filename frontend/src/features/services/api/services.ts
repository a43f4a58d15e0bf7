import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import {
  partnersListPartners,
  pathwaysCreatePathway,
  pathwaysDeletePathway,
  pathwaysFindRoutes,
  pathwaysGetPathway,
  pathwaysListPathways,
  pathwaysPathwayHealth,
  pathwaysUpdatePathway,
  servicesCapacityBoard,
  servicesCreateLocation,
  servicesCreateService,
  servicesDeleteLocation,
  servicesDeleteService,
  servicesGetService,
  servicesListServices,
  servicesPostCapacity,
  servicesUpdateLocation,
  servicesUpdateService,
  type LocationCreate,
  type LocationUpdate,
  type PathwayCreate,
  type PathwayUpdate,
  type PostedCapacity,
  type RouteQuery,
  type ServiceCreate,
  type ServiceUpdate,
} from '@/client';
import { useApiLanguage } from '@/lib/i18n';
import { etagOf, unwrap } from '@/lib/problem';

import { SERVICE_PAGE_SIZE, toRouteQuery, type RouteSearch, type ServiceSearch } from './search';

export const serviceKeys = {
  all: (network: string) => ['networks', network, 'services'] as const,
  list: (network: string, search: ServiceSearch) => [...serviceKeys.all(network), 'list', search] as const,
  options: (network: string) => [...serviceKeys.all(network), 'options'] as const,
  detail: (network: string, id: string) => [...serviceKeys.all(network), 'detail', id] as const,
  routes: (network: string, search: RouteSearch, lang: string) => [...serviceKeys.all(network), 'routes', search, lang] as const,
  health: (network: string, lang: string) => [...serviceKeys.all(network), 'health', lang] as const,
  pathways: (network: string) => [...serviceKeys.all(network), 'pathways'] as const,
  servicePathways: (network: string, serviceId: string) => [...serviceKeys.pathways(network), 'service', serviceId] as const,
  partnerPathways: (network: string, partnerId: string) => [...serviceKeys.pathways(network), 'partner', partnerId] as const,
  partnerServices: (network: string, partnerId: string) => [...serviceKeys.all(network), 'partner', partnerId] as const,
  pathway: (network: string, id: string) => [...serviceKeys.pathways(network), 'detail', id] as const,
  partnerOptions: (network: string) => [...serviceKeys.all(network), 'partner-options'] as const,
  board: (network: string) => [...serviceKeys.all(network), 'capacity-board'] as const,
};

/** The beds-tonight board, every page: it is printed whole (a network has a few hundred shelters at most). */
export function useCapacityBoard(network: string) {
  return useQuery({
    queryKey: serviceKeys.board(network),
    queryFn: async ({ signal }) => {
      const items = [];
      let cursor: string | null | undefined;
      for (let page = 0; page < 10; page += 1) {
        const result = await unwrap(servicesCapacityBoard({ path: { network }, query: { limit: 200, cursor }, signal }));
        items.push(...result.items);
        cursor = result.next_cursor;
        if (!cursor) break;
      }
      return { items, complete: !cursor };
    },
    refetchInterval: 5 * 60_000,
  });
}

export function useServiceList(network: string, search: ServiceSearch) {
  return useQuery({
    queryKey: serviceKeys.list(network, search),
    queryFn: ({ signal }) =>
      unwrap(
        servicesListServices({
          path: { network },
          query: {
            q: search.q,
            type: search.type,
            status: search.status,
            capacity: search.capacity,
            area: search.area,
            cursor: search.cursor?.[search.cursor.length - 1],
            limit: SERVICE_PAGE_SIZE,
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Every service (for the route finder's entry point): a network has at most a few hundred. */
export function useServiceOptions(network: string) {
  return useQuery({
    queryKey: serviceKeys.options(network),
    queryFn: async ({ signal }) => {
      const items = [];
      let cursor: string | null | undefined;
      for (let page = 0; page < 10; page += 1) {
        const result = await unwrap(servicesListServices({ path: { network }, query: { limit: 200, cursor }, signal }));
        items.push(...result.items);
        cursor = result.next_cursor;
        if (!cursor) break;
      }
      return items;
    },
    staleTime: 60_000,
  });
}

export function useService(network: string, serviceId: string) {
  return useQuery({
    queryKey: serviceKeys.detail(network, serviceId),
    queryFn: ({ signal }) => unwrap(servicesGetService({ path: { network, service_id: serviceId }, signal })),
  });
}

export function usePostCapacity(network: string, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ status, beds_free, beds_total, idempotencyKey }: { status: PostedCapacity; beds_free: number | null; beds_total?: number; idempotencyKey: string }) =>
      unwrap(
        servicesPostCapacity({
          path: { network, service_id: serviceId },
          // A total left out keeps the last post's: the API checks beds free against it.
          body: beds_total === undefined ? { status, beds_free } : { status, beds_free, beds_total },
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: serviceKeys.all(network) }),
  });
}

/** Routes for the question in the URL; `lang` makes the API's explanations (fits, why, unmet) follow the UI language. */
export function useRoutes(network: string, search: RouteSearch) {
  const lang = useApiLanguage();
  const body = toRouteQuery(search);
  return useQuery({
    queryKey: serviceKeys.routes(network, search, lang),
    queryFn: ({ signal }) => unwrap(pathwaysFindRoutes({ path: { network }, query: { lang }, body: body as RouteQuery, signal })),
    enabled: body !== null,
  });
}

/** Pathway health, its findings' reasons in the UI language. */
export function usePathwayHealth(network: string, { enabled = true }: { enabled?: boolean } = {}) {
  const lang = useApiLanguage();
  return useQuery({
    queryKey: serviceKeys.health(network, lang),
    queryFn: ({ signal }) => unwrap(pathwaysPathwayHealth({ path: { network }, query: { lang }, signal })),
    enabled,
  });
}

/** Every pathway (the pathway map's edges), paged through like the service options. */
export function usePathwayList(network: string) {
  return useQuery({
    queryKey: serviceKeys.pathways(network),
    queryFn: async ({ signal }) => {
      const items = [];
      let cursor: string | null | undefined;
      for (let page = 0; page < 10; page += 1) {
        const result = await unwrap(pathwaysListPathways({ path: { network }, query: { limit: 200, cursor }, signal }));
        items.push(...result.items);
        cursor = result.next_cursor;
        if (!cursor) break;
      }
      return items;
    },
    staleTime: 60_000,
  });
}

/** The pathways from or to one service (its page lists them). */
export function useServicePathways(network: string, serviceId: string) {
  return useQuery({
    queryKey: serviceKeys.servicePathways(network, serviceId),
    queryFn: ({ signal }) => unwrap(pathwaysListPathways({ path: { network }, query: { service_id: serviceId, limit: 200 }, signal })),
  });
}

/** A partner's services and the pathways from or to any of them (its page lists both; a partner has tens at most). */
export function usePartnerServices(network: string, partnerId: string) {
  return useQuery({
    queryKey: serviceKeys.partnerServices(network, partnerId),
    queryFn: ({ signal }) => unwrap(servicesListServices({ path: { network }, query: { partner_id: partnerId, limit: 200 }, signal })),
  });
}

export function usePartnerPathways(network: string, partnerId: string) {
  return useQuery({
    queryKey: serviceKeys.partnerPathways(network, partnerId),
    queryFn: ({ signal }) => unwrap(pathwaysListPathways({ path: { network }, query: { partner_id: partnerId, limit: 200 }, signal })),
  });
}

export function usePathway(network: string, pathwayId: string) {
  return useQuery({
    queryKey: serviceKeys.pathway(network, pathwayId),
    queryFn: ({ signal }) => unwrap(pathwaysGetPathway({ path: { network, pathway_id: pathwayId }, signal })),
  });
}

/** Every partner's id, name and sector, for the service form's partner choice. */
export function usePartnerOptions(network: string) {
  return useQuery({
    queryKey: serviceKeys.partnerOptions(network),
    queryFn: async ({ signal }) => {
      const items: { id: string; name: string }[] = [];
      let cursor: string | null | undefined;
      for (let page = 0; page < 10; page += 1) {
        const result = await unwrap(partnersListPartners({ path: { network }, query: { limit: 200, cursor, sort: 'name' }, signal }));
        items.push(...result.items.map((p) => ({ id: p.id, name: p.name })));
        cursor = result.next_cursor;
        if (!cursor) break;
      }
      return items;
    },
    staleTime: 60_000,
  });
}

// Writes: a service, a location or a pathway changes the route graph, so every services
// query (lists, map, routes, health) is refreshed after one.

export function useCreateService(network: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: ServiceCreate; idempotencyKey: string }) =>
      unwrap(servicesCreateService({ path: { network }, body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serviceKeys.all(network) }),
  });
}

export function useUpdateService(network: string, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, version }: { body: ServiceUpdate; version: number }) =>
      unwrap(servicesUpdateService({ path: { network, service_id: serviceId }, body, headers: { 'If-Match': etagOf(version) } })),
    onSuccess: (result) => {
      queryClient.setQueryData(serviceKeys.detail(network, serviceId), result);
      void queryClient.invalidateQueries({ queryKey: serviceKeys.all(network) });
    },
  });
}

export function useDeleteService(network: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ serviceId, version }: { serviceId: string; version: number }) =>
      unwrap(servicesDeleteService({ path: { network, service_id: serviceId }, headers: { 'If-Match': etagOf(version) } })),
    onSuccess: (_result, { serviceId }) => {
      queryClient.removeQueries({ queryKey: serviceKeys.detail(network, serviceId) });
      void queryClient.invalidateQueries({ queryKey: serviceKeys.all(network) });
    },
  });
}

export function useSaveLocation(network: string, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      input:
        | { kind: 'create'; body: LocationCreate; idempotencyKey: string }
        | { kind: 'update'; locationId: string; version: number; body: LocationUpdate },
    ) =>
      input.kind === 'create'
        ? unwrap(servicesCreateLocation({ path: { network, service_id: serviceId }, body: input.body, headers: { 'Idempotency-Key': input.idempotencyKey } }))
        : unwrap(
            servicesUpdateLocation({
              path: { network, service_id: serviceId, location_id: input.locationId },
              body: input.body,
              headers: { 'If-Match': etagOf(input.version) },
            }),
          ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: serviceKeys.all(network) }),
  });
}

export function useDeleteLocation(network: string, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ locationId, version }: { locationId: string; version: number }) =>
      unwrap(servicesDeleteLocation({ path: { network, service_id: serviceId, location_id: locationId }, headers: { 'If-Match': etagOf(version) } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: serviceKeys.all(network) }),
  });
}

export function useCreatePathway(network: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: PathwayCreate; idempotencyKey: string }) =>
      unwrap(pathwaysCreatePathway({ path: { network }, body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serviceKeys.all(network) }),
  });
}

export function useUpdatePathway(network: string, pathwayId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, version }: { body: PathwayUpdate; version: number }) =>
      unwrap(pathwaysUpdatePathway({ path: { network, pathway_id: pathwayId }, body, headers: { 'If-Match': etagOf(version) } })),
    onSuccess: (result) => {
      queryClient.setQueryData(serviceKeys.pathway(network, pathwayId), result);
      void queryClient.invalidateQueries({ queryKey: serviceKeys.all(network) });
    },
  });
}

export function useDeletePathway(network: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ pathwayId, version }: { pathwayId: string; version: number }) =>
      unwrap(pathwaysDeletePathway({ path: { network, pathway_id: pathwayId }, headers: { 'If-Match': etagOf(version) } })),
    onSuccess: (_result, { pathwayId }) => {
      queryClient.removeQueries({ queryKey: serviceKeys.pathway(network, pathwayId) });
      void queryClient.invalidateQueries({ queryKey: serviceKeys.all(network) });
    },
  });
}
