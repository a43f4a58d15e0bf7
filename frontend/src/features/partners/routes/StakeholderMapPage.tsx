import { Badge, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconStarFilled } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { AnchorLink } from '@/components/links';
import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';

import { StageBadge } from '@/components/CodeBadges';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { isApiError } from '@/lib/problem';
import type { Sector } from '@/lib/vocabulary';

import { useStakeholderMap } from '../api/partners';
import { sectorColours, spreadPoints, type MapPoint } from '../components/map-points';

function PointTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: MapPoint }[] }) {
  const { t } = useTranslation();
  const point = active ? payload?.[0]?.payload : undefined;
  if (!point) return null;
  return (
    <Paper withBorder shadow="md" p="sm" radius="md" maw={280}>
      <Text fw={600} size="sm">
        {point.name}
      </Text>
      <Text size="xs">{t(`sector.${point.sector}`)}</Text>
      <Text size="xs">{t('map.stageLabel', { stage: t(`stage.${point.stage}`) })}</Text>
      <Text size="xs">
        {t('map.scores', { influence: point.influence, commitment: point.commitment })}
      </Text>
      {point.champion && <Text size="xs">{t('map.champion')}</Text>}
    </Paper>
  );
}

export function StakeholderMapPage({ network }: { network: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const map = useStakeholderMap(network);
  const colours = useMemo(() => sectorColours(map.data?.points ?? []), [map.data]);
  const points = useMemo(() => spreadPoints(map.data?.points ?? []), [map.data]);
  const bySector = useMemo(() => {
    const groups = new Map<Sector, MapPoint[]>();
    for (const point of points) groups.set(point.sector, [...(groups.get(point.sector) ?? []), point]);
    return [...groups.entries()];
  }, [points]);

  const open = (partnerId: string) => void navigate({ to: '/n/$network/partners/$partnerId', params: { network, partnerId } });

  const renderPoint = (props: unknown) => {
    const { cx, cy, payload } = props as { cx?: number; cy?: number; payload?: MapPoint };
    if (cx === undefined || cy === undefined || !payload) return <g />;
    const colour = `var(--mantine-color-${colours.get(payload.sector) ?? 'gray'}-7)`;
    const label = payload.acronym ?? payload.name.split(/\s+/).slice(0, 2).join(' ');
    return (
      <g
        role="link"
        tabIndex={0}
        aria-label={t('map.pointLabel', { name: payload.name, stage: t(`stage.${payload.stage}`) })}
        data-partner-id={payload.partner_id}
        style={{ cursor: 'pointer', outline: 'none' }}
        className="map-point"
        onClick={() => open(payload.partner_id)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            open(payload.partner_id);
          }
        }}
      >
        <circle cx={cx} cy={cy} r={payload.champion ? 9 : 7} fill={colour} stroke="white" strokeWidth={2} />
        <text x={cx + 11} y={cy + 4} fontSize={11} fill="var(--mantine-color-gray-8)" aria-hidden="true">
          {label.length > 14 ? `${label.slice(0, 13)}…` : label}
        </text>
      </g>
    );
  };

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
                  <div style={{ width: '100%', height: 480 }} data-testid="stakeholder-chart">
                    <ResponsiveContainer width="100%" height="100%">
                      <ScatterChart margin={{ top: 16, right: 24, bottom: 36, left: 8 }} accessibilityLayer={false}>
                        <CartesianGrid strokeDasharray="3 3" />
                        <XAxis
                          type="number"
                          dataKey="x"
                          domain={[0.5, 5.5]}
                          ticks={[1, 2, 3, 4, 5]}
                          allowDecimals={false}
                          name={t('map.commitment')}
                          label={{ value: t('map.commitmentAxis'), position: 'insideBottom', offset: -20, fill: 'var(--mantine-color-gray-8)' }}
                          tick={{ fill: 'var(--mantine-color-gray-8)' }}
                        />
                        <YAxis
                          type="number"
                          dataKey="y"
                          domain={[0.5, 5.5]}
                          ticks={[1, 2, 3, 4, 5]}
                          allowDecimals={false}
                          width={56}
                          name={t('map.influence')}
                          label={{ value: t('map.influenceAxis'), angle: -90, position: 'insideLeft', offset: 12, fill: 'var(--mantine-color-gray-8)' }}
                          tick={{ fill: 'var(--mantine-color-gray-8)' }}
                        />
                        <ReferenceLine x={3} stroke="var(--mantine-color-gray-5)" />
                        <ReferenceLine y={3} stroke="var(--mantine-color-gray-5)" />
                        <Tooltip content={<PointTooltip />} cursor={false} />
                        {bySector.map(([sector, data]) => (
                          <Scatter key={sector} name={t(`sector.${sector}`)} data={data} shape={renderPoint} isAnimationActive={false} />
                        ))}
                      </ScatterChart>
                    </ResponsiveContainer>
                  </div>
                  <Group gap="xs" mt="sm" px="xs" component="ul" style={{ listStyle: 'none', padding: 0 }} aria-label={t('map.legend')}>
                    {bySector.map(([sector]) => (
                      <Group component="li" key={sector} gap={6} wrap="nowrap">
                        <span
                          aria-hidden="true"
                          style={{
                            display: 'inline-block',
                            width: 12,
                            height: 12,
                            borderRadius: 6,
                            background: `var(--mantine-color-${colours.get(sector) ?? 'gray'}-7)`,
                          }}
                        />
                        <Text size="xs">{t(`sector.${sector}`)}</Text>
                      </Group>
                    ))}
                  </Group>
                </>
              )}
            </Paper>
          </Grid.Col>
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
