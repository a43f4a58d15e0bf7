import { Box, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { AnchorLink } from '@/components/links';

import { stageColour } from '@/components/CodeBadges';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useFormat } from '@/lib/format';
import { useMembership } from '@/lib/membership';

import { useStageCounts } from '../api/stage-counts';
import { AttentionList } from '../components/AttentionList';

export function OverviewPage({ network }: { network: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const membership = useMembership(network);
  const counts = useStageCounts(network);

  return (
    <>
      <PageHeader title={t('overview.title')} description={membership?.network_name} />
      <Stack gap="lg">
        <AttentionList network={network} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="stage-tile-title">
            <Group justify="space-between" mb="md" align="baseline">
              <Title order={2} size="h4" id="stage-tile-title">
                {t('overview.byStage')}
              </Title>
              {counts.data && (
                <AnchorLink to="/n/$network/partners" params={{ network }} size="sm">
                  {t('overview.allPartners', { count: counts.data.total })}
                </AnchorLink>
              )}
            </Group>
            {counts.isPending && <LoadingState />}
            {counts.isError && <ErrorState onRetry={() => void counts.refetch()} />}
            {counts.data && counts.data.total === 0 && (
              <EmptyState title={t('overview.noPartnersTitle')}>{t('overview.noPartnersBody')}</EmptyState>
            )}
            {counts.data && counts.data.total > 0 && (
              <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="stage-counts">
                {counts.data.stages.map(({ stage, count }) => (
                  <li key={stage}>
                    <AnchorLink
                      to="/n/$network/partners"
                      params={{ network }}
                      search={{ stage: [stage] }}
                      underline="never"
                      c="inherit"
                      display="block"
                      aria-label={t('overview.stageLink', { stage: t(`stage.${stage}`), count })}
                    >
                      <Group gap="sm" wrap="nowrap" py={4} px={6} style={{ borderRadius: 6 }} className="stage-row">
                        <Text size="sm" w={150} style={{ flexShrink: 0 }}>
                          {t(`stage.${stage}`)}
                        </Text>
                        <Box style={{ flex: 1, background: 'var(--mantine-color-gray-1)', borderRadius: 4, height: 14 }} aria-hidden="true">
                          <Box
                            style={{
                              width: `${(count / Math.max(1, ...counts.data.stages.map((s) => s.count))) * 100}%`,
                              minWidth: count > 0 ? 4 : 0,
                              height: '100%',
                              borderRadius: 4,
                              background: `var(--mantine-color-${stageColour(stage)}-6)`,
                            }}
                          />
                        </Box>
                        <Text size="sm" fw={600} w={36} ta="right">
                          {format.number(count)}
                        </Text>
                      </Group>
                    </AnchorLink>
                  </li>
                ))}
              </Stack>
            )}
          </Paper>
          <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="assess-tile-title">
            <Title order={2} size="h4" id="assess-tile-title" mb="md">
              {t('overview.assessmentTitle')}
            </Title>
            {counts.data && counts.data.unassessed === null && (
              <Text c="dimmed" data-testid="assessment-coordinators-only">
                {t('overview.assessmentCoordinatorsOnly')}
              </Text>
            )}
            {counts.data && counts.data.unassessed !== null && (
              <Stack gap="sm">
                <Text size="xl" fw={700}>
                  {format.number(counts.data.total - counts.data.unassessed)} / {format.number(counts.data.total)}
                </Text>
                <Text c="dimmed">{t('overview.assessedBody', { count: counts.data.unassessed })}</Text>
                <AnchorLink to="/n/$network/partners/map" params={{ network }}>
                  {t('overview.openMap')}
                </AnchorLink>
              </Stack>
            )}
            {counts.isPending && <LoadingState />}
          </Paper>
        </SimpleGrid>
      </Stack>
    </>
  );
}
