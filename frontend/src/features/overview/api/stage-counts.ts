import { useQuery } from '@tanstack/react-query';

import { partnersStakeholderMap, type StakeholderMap } from '@/client';
import { unwrap } from '@/lib/problem';
import { STAGES, type Stage } from '@/lib/vocabulary';

export interface StageCount {
  stage: Stage;
  count: number;
}

/** Partners per engagement stage, in the stages' order (zero counts kept, so gaps show). */
export function countByStage(map: StakeholderMap): StageCount[] {
  const counts = new Map<Stage, number>(STAGES.map((stage) => [stage, 0]));
  for (const point of [...map.points, ...map.unassessed]) counts.set(point.stage, (counts.get(point.stage) ?? 0) + 1);
  return STAGES.map((stage) => ({ stage, count: counts.get(stage) ?? 0 }));
}

// The stakeholder map lists every partner of the network with its stage in one call: the
// overview counts from it (an aggregate endpoint would scale better; see the README).
export function useStageCounts(network: string) {
  return useQuery({
    queryKey: ['networks', network, 'partners', 'stakeholder-map'],
    queryFn: ({ signal }) => unwrap(partnersStakeholderMap({ path: { network }, signal })),
    select: (map) => ({ stages: countByStage(map), total: map.points.length + map.unassessed.length, unassessed: map.unassessed.length }),
  });
}
