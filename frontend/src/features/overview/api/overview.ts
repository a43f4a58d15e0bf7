import { useQuery } from '@tanstack/react-query';

import { overviewNetworkOverview, type OverviewItem, type OverviewSeverity } from '@/client';
import { useApiLanguage } from '@/lib/i18n';
import { unwrap } from '@/lib/problem';

export const SEVERITIES: readonly OverviewSeverity[] = ['high', 'medium', 'low'];

export interface SeverityGroup {
  severity: OverviewSeverity;
  items: OverviewItem[];
}

/** Items by severity, most pressing first; severities with nothing in them are left out. */
export function groupBySeverity(items: readonly OverviewItem[]): SeverityGroup[] {
  return SEVERITIES.map((severity) => ({ severity, items: items.filter((item) => item.severity === severity) })).filter(
    (group) => group.items.length > 0,
  );
}

/** What needs attention now: one answer, each domain contributing its items (GET …/overview). */
export function useOverview(network: string) {
  const lang = useApiLanguage();
  return useQuery({
    queryKey: ['networks', network, 'overview', lang],
    queryFn: ({ signal }) => unwrap(overviewNetworkOverview({ path: { network }, query: { lang }, signal })),
    // Asked again whenever the screen opens: the browser revalidates it by ETag (304 while unchanged).
    staleTime: 0,
  });
}
