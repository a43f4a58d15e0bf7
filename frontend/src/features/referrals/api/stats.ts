import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { pathwaysListPathways, referralsReferralStats, type PathwayPublic } from '@/client';
import { unwrap } from '@/lib/problem';

import { referralKeys } from './referrals';
import { toStatsQuery, type StatsSearch } from './stats-search';

const statsKeys = {
  stats: (network: string, search: StatsSearch) => [...referralKeys.all(network), 'stats', search] as const,
  pathways: (network: string) => [...referralKeys.all(network), 'pathway-directory'] as const,
};

/** The referral statistics the URL asks for: the network's (suppressed, rounded) or one partner's own (exact). */
export function useReferralStats(network: string, search: StatsSearch, enabled = true) {
  return useQuery({
    queryKey: statsKeys.stats(network, search),
    queryFn: ({ signal }) => unwrap(referralsReferralStats({ path: { network }, query: toStatsQuery(search), signal })),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled,
  });
}

/** Every pathway of the network by id, whatever its status (the statistics count retired ones too). */
export function usePathwayDirectory(network: string, enabled = true) {
  return useQuery({
    queryKey: statsKeys.pathways(network),
    queryFn: async ({ signal }) => {
      const byId = new Map<string, PathwayPublic>();
      let cursor: string | null | undefined;
      for (let page = 0; page < 10; page += 1) {
        const result = await unwrap(pathwaysListPathways({ path: { network }, query: { limit: 200, cursor }, signal }));
        for (const pathway of result.items) byId.set(pathway.id, pathway);
        cursor = result.next_cursor;
        if (!cursor) break;
      }
      return byId;
    },
    staleTime: 60_000,
    enabled,
  });
}
