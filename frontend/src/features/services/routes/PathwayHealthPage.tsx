import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Finding } from '@/client';
import { AnchorLink } from '@/components/links';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useNames } from '@/lib/use-names';
import { FINDING_KINDS } from '@/lib/vocabulary';

import type { PathwayHealthSearch } from '../api/search';
import { usePathwayHealth, useServiceOptions } from '../api/services';
import { ServicesNav } from '../components/ServicesNav';

export function PathwayHealthPage({ network, search = {} }: { network: string; search?: PathwayHealthSearch }) {
  const { t } = useTranslation();
  const health = usePathwayHealth(network);
  const codeNames = useNames();
  const services = useServiceOptions(network);
  const names = new Map((services.data ?? []).map((s) => [s.id, s.name]));
  const shown = search.kind?.length ? FINDING_KINDS.filter((kind) => search.kind?.includes(kind)) : FINDING_KINDS;
  const groups = shown.map((kind) => ({ kind, items: (health.data?.findings ?? []).filter((f) => f.kind === kind) })).filter((g) => g.items.length > 0);
  const describe = (finding: Finding) =>
    [finding.need && t(`need.${finding.need}`), finding.population && t(`population.${finding.population}`), finding.language && codeNames.language(finding.language), finding.area && codeNames.area(finding.area)].filter(Boolean).join(' · ');
  return (
    <>
      <PageHeader title={t('pathwayHealth.title')} description={t('pathwayHealth.description')} />
      <ServicesNav network={network} current="health" />
      {search.kind?.length ? (
        <Group gap="sm" mb="md" data-testid="finding-filter">
          <Text size="sm">{t('attentionFilters.findingsShown', { kinds: search.kind.map((kind) => t(`findingKind.${kind}`)).join(', ') })}</Text>
          <AnchorLink to="/n/$network/services/health" params={{ network }} size="sm">
            {t('attentionFilters.allFindings')}
          </AnchorLink>
        </Group>
      ) : null}
      <div aria-live="polite" aria-busy={health.isFetching}>
        {health.isPending && <LoadingState />}
        {health.isError && <ErrorState onRetry={() => void health.refetch()} />}
        {health.data && groups.length === 0 && <EmptyState title={t('pathwayHealth.emptyTitle')}>{t('pathwayHealth.emptyBody')}</EmptyState>}
        <Stack gap="lg">
          {groups.map((group) => (
            <Paper key={group.kind} withBorder p="lg" radius="md" component="section" aria-labelledby={`finding-${group.kind}`} data-testid={`finding-${group.kind}`}>
              <Title order={2} size="h4" id={`finding-${group.kind}`} mb="sm">
                {t(`findingKind.${group.kind}`)} <Text span c="dimmed" inherit fw={400}>({group.items.length})</Text>
              </Title>
              <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {group.items.map((finding, index) => (
                  <Stack key={index} component="li" gap={4} py="sm" style={{ borderTop: index === 0 ? undefined : '1px solid var(--mantine-color-gray-2)' }}>
                    {describe(finding) && <Text size="sm" fw={600}>{describe(finding)}</Text>}
                    <Text size="sm">{finding.reason}</Text>
                    {(finding.service_ids ?? []).length > 0 && (
                      <Group gap="xs">
                        {(finding.service_ids ?? []).map((id) => (
                          <AnchorLink key={id} to="/n/$network/services/$serviceId" params={{ network, serviceId: id }} size="sm">
                            {names.get(id) ?? t('pathwayHealth.service')}
                          </AnchorLink>
                        ))}
                      </Group>
                    )}
                  </Stack>
                ))}
              </Stack>
            </Paper>
          ))}
        </Stack>
      </div>
    </>
  );
}
