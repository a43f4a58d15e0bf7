import { Badge, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconStarFilled } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { AnchorLink } from '@/components/links';

import { StageBadge } from '@/components/CodeBadges';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { isApiError } from '@/lib/problem';

import { useStakeholderMap } from '../api/partners';
import { spreadPoints } from '../components/map-points';
import { StakeholderChart } from '../components/StakeholderChart';

export function StakeholderMapPage({ network }: { network: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const map = useStakeholderMap(network);
  const points = useMemo(() => spreadPoints(map.data?.points ?? []), [map.data]);
  // On a phone the picture is too small to read: the table below says the same.
  const narrow = useMediaQuery('(max-width: 37.5em)', false, { getInitialValueInEffect: false });

  const open = (partnerId: string) => void navigate({ to: '/n/$network/partners/$partnerId', params: { network, partnerId } });

  return (
    <>
      <PageHeader title={t('map.title')} description={t('map.description')} />
      {map.isPending && <LoadingState />}
      {map.isError &&
        (isApiError(map.error, 403) ? (
          <EmptyState title={t('map.coordinatorsOnlyTitle')}>{t('map.coordinatorsOnlyBody')}</EmptyState>
        ) : (
          <ErrorState onRetry={() => void map.refetch()} />
        ))}
      {map.data && (
        <Grid gap="lg">
          {!narrow && (
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Paper withBorder p={{ base: 'xs', sm: 'lg' }} radius="md" component="section" aria-labelledby="map-chart-title">
              <Title order={2} size="h4" id="map-chart-title" mb="xs" px="xs">
                {t('map.chartTitle')}
              </Title>
              {points.length === 0 ? (
                <EmptyState title={t('map.emptyTitle')}>{t('map.emptyBody')}</EmptyState>
              ) : (
                <>
                  <Text size="sm" c="dimmed" px="xs" mb="sm">
                    {t('map.howToRead')}
                  </Text>
                  <div style={{ width: '100%' }} data-testid="stakeholder-chart">
                    <StakeholderChart points={points} onOpen={open} />
                  </div>
                </>
              )}
            </Paper>
          </Grid.Col>
          )}
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="unassessed-title">
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4" id="unassessed-title">
                  {t('map.unassessedTitle')}
                </Title>
                <Badge color="gray" variant="light" styles={{ label: { color: 'var(--mantine-color-gray-9)' } }}>
                  {map.data.unassessed.length}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed" mb="sm">
                {t('map.unassessedBody')}
              </Text>
              {map.data.unassessed.length === 0 ? (
                <Text size="sm">{t('map.allAssessed')}</Text>
              ) : (
                <Stack gap={8} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="unassessed-list">
                  {map.data.unassessed.map((point) => (
                    <li key={point.partner_id}>
                      <AnchorLink to="/n/$network/partners/$partnerId" params={{ network, partnerId: point.partner_id }} size="sm" fw={600}>
                        {point.name}
                      </AnchorLink>
                      <Group gap={6} mt={2}>
                        <Text size="xs" c="dimmed">
                          {t(`sector.${point.sector}`)}
                        </Text>
                        <StageBadge stage={point.stage} />
                      </Group>
                    </li>
                  ))}
                </Stack>
              )}
            </Paper>
          </Grid.Col>
          <Grid.Col span={12}>
            <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="map-table-title">
              <Title order={2} size="h4" id="map-table-title" mb="sm">
                {t('map.tableTitle')}
              </Title>
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing="xs" striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('partners.columns.name')}</Table.Th>
                      <Table.Th>{t('partners.columns.sector')}</Table.Th>
                      <Table.Th>{t('partners.columns.stage')}</Table.Th>
                      <Table.Th>{t('map.influence')}</Table.Th>
                      <Table.Th>{t('map.commitment')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {[...(map.data.points ?? [])]
                      .sort((a, b) => (b.influence ?? 0) - (a.influence ?? 0) || (b.commitment ?? 0) - (a.commitment ?? 0))
                      .map((point) => (
                        <Table.Tr key={point.partner_id}>
                          <Table.Td>
                            <Group gap={4} wrap="nowrap">
                              <AnchorLink to="/n/$network/partners/$partnerId" params={{ network, partnerId: point.partner_id }} size="sm">
                                {point.name}
                              </AnchorLink>
                              {point.champion && <IconStarFilled size={12} aria-label={t('map.champion')} />}
                            </Group>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{t(`sector.${point.sector}`)}</Text>
                          </Table.Td>
                          <Table.Td>
                            <StageBadge stage={point.stage} />
                          </Table.Td>
                          <Table.Td>{point.influence}</Table.Td>
                          <Table.Td>{point.commitment}</Table.Td>
                        </Table.Tr>
                      ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
