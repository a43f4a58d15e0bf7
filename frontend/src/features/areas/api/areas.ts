import { useMutation, useQueryClient } from '@tanstack/react-query';

import { areasCreateArea, areasDeleteArea, areasUpdateArea, type AreaCreate, type AreaUpdate } from '@/client';
import { areaKeys } from '@/lib/areas';
import { etagOf, unwrap } from '@/lib/problem';

/** Every write to the gazetteer refreshes every area name and picker of the network,
 * and the lists filtered by area (a region's districts changed). */
function useRefresh(network: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['networks', network] });
}

export function useCreateArea(network: string) {
  const refresh = useRefresh(network);
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: AreaCreate; idempotencyKey: string }) =>
      unwrap(areasCreateArea({ path: { network }, body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: () => void refresh(),
  });
}

export function useUpdateArea(network: string) {
  const refresh = useRefresh(network);
  return useMutation({
    mutationFn: ({ areaId, body, version }: { areaId: string; body: AreaUpdate; version: number }) =>
      unwrap(areasUpdateArea({ path: { network, area_id: areaId }, body, headers: { 'If-Match': etagOf(version) } })),
    onSuccess: () => void refresh(),
  });
}

export function useDeleteArea(network: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ areaId, version }: { areaId: string; version: number }) =>
      unwrap(areasDeleteArea({ path: { network, area_id: areaId }, headers: { 'If-Match': etagOf(version) } })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: areaKeys.all(network) }),
  });
}
