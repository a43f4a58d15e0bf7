import { Alert, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconEyeOff, IconInfoCircle } from '@tabler/icons-react';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import type { StatsGroup } from '@/client';
import { AnchorLink } from '@/components/links';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useFormat } from '@/lib/format';
import { usePermissions } from '@/lib/membership';
import { isApiError } from '@/lib/problem';

import { useServiceDirectory } from '../api/referrals';
import { usePathwayDirectory, useReferralStats } from '../api/stats';
import { STATS_GROUPINGS, STATS_PERIODS, withStats, type StatsSearch } from '../api/stats-search';
import { StatsTable, type GroupName } from '../components/StatsTable';
import { buildStatsTable } from '../components/stats-model';

const YEARS_OFFERED = 6;

export function ReferralStatsPage({ network, search, onSearchChange }: { network: string; search: StatsSearch; onSearchChange: (next: StatsSearch) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const permissions = usePermissions(network);
  const thisYear = new Date().getUTCFullYear();
  const year = search.year ?? thisYear;
  const groupBy = search.group_by ?? 'to_partner';
  const stats = useReferralStats(network, search);
  const services = useServiceDirectory(network);
  const pathways = usePathwayDirectory(network, groupBy === 'pathway');

  const partnerNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const service of services.data?.items ?? []) names.set(service.partner_id, service.partner_name);
    for (const pathway of pathways.data?.values() ?? []) {
      names.set(pathway.from_service.partner_id, pathway.from_service.partner_name);
      names.set(pathway.to_service.partner_id, pathway.to_service.partner_name);
    }
    return names;
  }, [services.data, pathways.data]);

  const nameOf = useCallback(
    (group: StatsGroup): GroupName => {
      const partner = (id: string | null) => (id && partnerNames.get(id)) || t('referrals.partnerUnknown');
      switch (group.kind) {
        case 'total':
          return { name: t('referralStats.total') };
        case 'partner':
          return { name: partner(group.id) };
        case 'off_pathway':
          return { name: t('referralStats.offPathway', { partner: partner(group.id) }) };
        case 'pathway': {
          const pathway = group.id ? pathways.data?.get(group.id) : undefined;
          if (!pathway) return { name: t('referralStats.pathwayUnknown') };
          return {
            name: t('referralStats.pathwayName', { from: pathway.from_service.name, to: pathway.to_service.name }),
            detail: t('referralStats.pathwayName', { from: pathway.from_service.partner_name, to: pathway.to_service.partner_name }),
          };
        }
        case 'need':
          return { name: group.code ? t(`need.${group.code}`, { defaultValue: group.code }) : t('referralStats.total') };
        case 'network':
          return { name: group.code ?? '' };
      }
    },
    [partnerNames, pathways.data, t],
  );

  const model = useMemo(() => (stats.data ? buildStatsTable(stats.data, (group) => nameOf(group).name, format.locale) : null), [stats.data, nameOf, format.locale]);

  const ownPartners = permissions.referralPartnerIds;
  const whoseOptions = [
    { value: '', label: t('referralStats.whole') },
    ...ownPartners.map((id) => ({ value: id, label: t('referralStats.own', { partner: partnerNames.get(id) ?? t('referrals.partnerUnknown') }) })),
  ];
  const years = Array.from({ length: YEARS_OFFERED }, (_, index) => String(thisYear - index));
  if (!years.includes(String(year))) years.push(String(year));

  const answer = stats.data;
  const threshold = answer?.threshold ?? 10;
  const caption = t('referralStats.caption', { grouping: t(`referralStats.groupBy.${groupBy}`), year });

  return (
    <>
      <PageHeader
        title={t('referralStats.title')}
        description={t('referralStats.description')}
        actions={
          permissions.seeReferrals && (
            <AnchorLink to="/n/$network/referrals" params={{ network }}>
              {t('referralStats.toInbox')}
            </AnchorLink>
          )
        }
      />
      <SimpleGrid cols={{ base: 1, xs: 2, md: ownPartners.length ? 4 : 3 }} mb="md" data-testid="stats-controls">
        <Select
          label={t('referralStats.groupByLabel')}
          data={STATS_GROUPINGS.map((value) => ({ value, label: t(`referralStats.groupBy.${value}`) }))}
          value={groupBy}
          allowDeselect={false}
          onChange={(value) => value && onSearchChange(withStats(search, { group_by: value === 'to_partner' ? undefined : (value as StatsSearch['group_by']) }))}
        />
        <Select
          label={t('referralStats.periodLabel')}
          data={STATS_PERIODS.map((value) => ({ value, label: t(`referralStats.period.${value}`) }))}
          value={search.period ?? 'month'}
          allowDeselect={false}
          onChange={(value) => value && onSearchChange(withStats(search, { period: value === 'month' ? undefined : (value as StatsSearch['period']) }))}
        />
        <Select
          label={t('referralStats.yearLabel')}
          data={years}
          value={String(year)}
          allowDeselect={false}
          onChange={(value) => value && onSearchChange(withStats(search, { year: Number(value) === thisYear ? undefined : Number(value) }))}
        />
        {ownPartners.length > 0 && (
          <Select
            label={t('referralStats.whoseLabel')}
            data={whoseOptions}
            value={search.partner_id ?? ''}
            allowDeselect={false}
            onChange={(value) => onSearchChange(withStats(search, { partner_id: value || undefined }))}
            data-testid="stats-whose"
          />
        )}
      </SimpleGrid>

      {answer && (
        <Alert variant="light" color={answer.scope === 'network' ? 'gray' : 'blue'} icon={answer.scope === 'network' ? <IconEyeOff aria-hidden="true" /> : <IconInfoCircle aria-hidden="true" />} mb="md" data-testid="stats-legend">
          <Stack gap={4}>
            {answer.scope === 'network' ? (
              <>
                <Text size="sm">{t('referralStats.legendNetwork', { threshold, base: answer.rounding_base ?? 5 })}</Text>
                <Text size="sm" c="dimmed">
                  {t('referralStats.legendMarker')}
                </Text>
              </>
            ) : (
              <Text size="sm">{t('referralStats.legendPartner', { partner: partnerNames.get(search.partner_id ?? '') ?? t('referrals.partnerUnknown') })}</Text>
            )}
            {answer.networks.length > 1 && (
              <Text size="sm" c="dimmed">
                {t('referralStats.networks', { networks: answer.networks.join(', ') })}
              </Text>
            )}
          </Stack>
        </Alert>
      )}

      <div aria-live="polite" aria-busy={stats.isFetching}>
        {stats.isPending && <LoadingState />}
        {stats.isError && <ErrorState message={isApiError(stats.error, 403) ? t('referralStats.forbidden') : undefined} onRetry={() => void stats.refetch()} />}
        {model && model.empty && (
          <EmptyState title={t('referralStats.emptyTitle', { year })}>{t('referralStats.emptyBody')}</EmptyState>
        )}
        {model && !model.empty && (
          <>
            <Group justify="space-between" mb="xs">
              <Text size="sm" c="dimmed">
                {t('referralStats.expandHint')}
              </Text>
            </Group>
            <StatsTable model={model} caption={caption} threshold={threshold} nameOf={nameOf} />
          </>
        )}
      </div>
    </>
  );
}
