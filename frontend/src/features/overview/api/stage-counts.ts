import { useQuery } from '@tanstack/react-query';

import { partnersListPartners, partnersStakeholderMap, type PartnerPublic, type StakeholderMap } from '@/client';
import { isApiError, unwrap } from '@/lib/problem';
import { STAGES, type Stage } from '@/lib/vocabulary';

export interface StageCount {
  stage: Stage;
  count: number;
}

export interface StageCounts {
  stages: StageCount[];
  total: number;
  /** Partners still missing influence or commitment; null when you may not read assessments. */
  unassessed: number | null;
}

/** Partners per engagement stage, in the stages' order (zero counts kept, so gaps show). */
export function countByStage(partners: readonly { stage: Stage }[]): StageCount[] {
  const counts = new Map<Stage, number>(STAGES.map((stage) => [stage, 0]));
  for (const partner of partners) counts.set(partner.stage, (counts.get(partner.stage) ?? 0) + 1);
  return STAGES.map((stage) => ({ stage, count: counts.get(stage) ?? 0 }));
}

export function countsFromMap(map: StakeholderMap): StageCounts {
  const partners = [...map.points, ...map.unassessed];
  return { stages: countByStage(partners), total: partners.length, unassessed: map.unassessed.length };
}

async function everyPartner(network: string, signal: AbortSignal): Promise<PartnerPublic[]> {
  const partners: PartnerPublic[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await unwrap(partnersListPartners({ path: { network }, query: { limit: 200, cursor: cursor ?? undefined }, signal }));
    partners.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return partners;
}

// The stakeholder map lists every partner of the network with its stage in one call: the
// overview counts from it (an aggregate endpoint would scale better; see the README). The
// map is built from the assessments, which only coordinators may read unless the network
// shares them (403): then the stages are counted from the directory instead.
export function useStageCounts(network: string) {
  return useQuery({
    queryKey: ['networks', network, 'partners', 'stage-counts'],
    queryFn: async ({ signal }): Promise<StageCounts> => {
      try {
        return countsFromMap(await unwrap(partnersStakeholderMap({ path: { network }, signal })));
      } catch (error) {
        if (!isApiError(error, 403)) throw error;
        const partners = await everyPartner(network, signal);
        return { stages: countByStage(partners), total: partners.length, unassessed: null };
      }
    },
  });
}
