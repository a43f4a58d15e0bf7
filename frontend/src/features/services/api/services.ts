import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import {
  pathwaysFindRoutes,
  pathwaysListPathways,
  pathwaysPathwayHealth,
  servicesGetService,
  servicesListServices,
  servicesPostCapacity,
  type PostedCapacity,
  type RouteQuery,
} from '@/client';
import { unwrap } from '@/lib/problem';

import { SERVICE_PAGE_SIZE, toRouteQuery, type RouteSearch, type ServiceSearch } from './search';

export const serviceKeys = {
  all: (network: string) => ['networks', network, 'services'] as const,
  list: (network: string, search: ServiceSearch) => [...serviceKeys.all(network), 'list', search] as const,
  options: (network: string) => [...serviceKeys.all(network), 'options'] as const,
  detail: (network: string, id: string) => [...serviceKeys.all(network), 'detail', id] as const,
  routes: (network: string, search: RouteSearch) => [...serviceKeys.all(network), 'routes', search] as const,
  health: (network: string) => [...serviceKeys.all(network), 'health'] as const,
  pathways: (network: string) => [...serviceKeys.all(network), 'pathways'] as const,
};

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
    mutationFn: ({ status, beds_free, idempotencyKey }: { status: PostedCapacity; beds_free: number | null; idempotencyKey: string }) =>
      unwrap(
        servicesPostCapacity({
          path: { network, service_id: serviceId },
          body: { status, beds_free },
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: serviceKeys.all(network) }),
  });
}

export function useRoutes(network: string, search: RouteSearch) {
  const body = toRouteQuery(search);
  return useQuery({
    queryKey: serviceKeys.routes(network, search),
    queryFn: ({ signal }) => unwrap(pathwaysFindRoutes({ path: { network }, body: body as RouteQuery, signal })),
    enabled: body !== null,
  });
}

export function usePathwayHealth(network: string) {
  return useQuery({
    queryKey: serviceKeys.health(network),
    queryFn: ({ signal }) => unwrap(pathwaysPathwayHealth({ path: { network }, signal })),
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
