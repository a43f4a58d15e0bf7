import { Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconChecks, IconClock, IconFlag, IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { OverviewItem, OverviewSeverity } from '@/client';
import { AnchorLink } from '@/components/links';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { parseCoverageSearch } from '@/features/coverage/api/search';
import { parsePartnerSearch } from '@/features/partners/api/search';
import { overdueInboxSearch, parseReferralSearch } from '@/features/referrals/api/search';
import { parsePathwayHealthSearch, parseServiceSearch } from '@/features/services/api/search';
import { useMembership, usePermissions } from '@/lib/membership';

import { groupBySeverity, useOverview } from '../api/overview';

// Calm: colour and an icon and a word for each severity, never an alarm red.
const LOOK: Record<OverviewSeverity, { colour: string; icon: ReactNode }> = {
  high: { colour: 'orange', icon: <IconFlag size={18} aria-hidden="true" /> },
  medium: { colour: 'yellow', icon: <IconClock size={18} aria-hidden="true" /> },
  low: { colour: 'blue', icon: <IconInfoCircle size={18} aria-hidden="true" /> },
};

/** The link to the screen (and filters) where an item is fixed; filters are read as that screen reads its URL. */
function ItemLink({ network, item, children }: { network: string; item: OverviewItem; children: ReactNode }) {
  const filters = item.link.filters ?? {};
  const coordinator = useMembership(network)?.role === 'coordinator';
  const { referralPartnerIds } = usePermissions(network);
  const common = { params: { network }, fw: 600, 'data-testid': `attention-link-${item.kind}-${item.severity}` } as const;
  switch (item.link.screen) {
    case 'coverage_gaps':
      return <AnchorLink to="/n/$network/coverage/gaps" search={parseCoverageSearch(filters)} {...common}>{children}</AnchorLink>;
    case 'coverage':
      return <AnchorLink to="/n/$network/coverage" search={parseCoverageSearch(filters)} {...common}>{children}</AnchorLink>;
    case 'services':
      return <AnchorLink to="/n/$network/services" search={parseServiceSearch(filters)} {...common}>{children}</AnchorLink>;
    case 'pathway_health':
      return <AnchorLink to="/n/$network/services/health" search={parsePathwayHealthSearch(filters)} {...common}>{children}</AnchorLink>;
    case 'partners':
      return <AnchorLink to="/n/$network/partners" search={parsePartnerSearch(filters)} {...common}>{children}</AnchorLink>;
    case 'stakeholder_map':
      return <AnchorLink to="/n/$network/partners/map" {...common}>{children}</AnchorLink>;
    case 'areas':
      return <AnchorLink to="/n/$network/areas" {...common}>{children}</AnchorLink>;
    case 'referrals':
      return <AnchorLink to="/n/$network/referrals" search={item.kind === 'referrals_overdue' ? overdueInboxSearch(filters, coordinator, referralPartnerIds) : parseReferralSearch(filters)} {...common}>{children}</AnchorLink>;
  }
}

export function AttentionList({ network }: { network: string }) {
  const { t } = useTranslation();
  const overview = useOverview(network);
  const groups = groupBySeverity(overview.data?.items ?? []);

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="attention-title" data-testid="attention">
      <Title order={2} size="h4" id="attention-title" mb="md">
        {t('overview.attention.title')}
      </Title>
      <div aria-live="polite" aria-busy={overview.isFetching}>
        {overview.isPending && <LoadingState />}
        {overview.isError && <ErrorState onRetry={() => void overview.refetch()} />}
        {overview.data && groups.length === 0 && (
          <EmptyState title={t('overview.attention.emptyTitle')}>
            <Group gap={6} justify="center" component="span">
              <IconChecks size={16} aria-hidden="true" />
              {t('overview.attention.emptyBody')}
            </Group>
          </EmptyState>
        )}
        <Stack gap="lg">
          {groups.map((group) => (
            <section key={group.severity} aria-labelledby={`severity-${group.severity}`} data-testid={`severity-${group.severity}`}>
              <Group gap="xs" mb="xs">
                <ThemeIcon variant="light" color={LOOK[group.severity].colour} radius="xl" size={28} aria-hidden="true">
                  {LOOK[group.severity].icon}
                </ThemeIcon>
                <Title order={3} size="h5" id={`severity-${group.severity}`}>
                  {t(`overview.severity.${group.severity}`)}
                </Title>
              </Group>
              <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {group.items.map((item, index) => (
                  <li
                    key={`${item.kind}-${index}`}
                    style={{
                      borderLeft: `3px solid var(--mantine-color-${LOOK[item.severity].colour}-6)`,
                      paddingLeft: 12,
                      paddingBlock: 8,
                    }}
                  >
                    <ItemLink network={network} item={item}>
                      {/* One item per receiving partner: the API's title names it. A kind the
                          catalogue does not know yet also says the API's (localised) title. */}
                      {item.kind === 'referrals_overdue' ? item.title : t(`overview.kind.${item.kind}`, { count: item.count, defaultValue: item.title })}
                    </ItemLink>
                    <Text size="sm" c="dimmed">
                      {item.summary}
                    </Text>
                  </li>
                ))}
              </Stack>
            </section>
          ))}
        </Stack>
      </div>
    </Paper>
  );
}
