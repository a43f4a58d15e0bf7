import { Button, Group, MultiSelect, Paper, SegmentedControl, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { REFERRAL_STATUSES, URGENCIES } from '@/lib/vocabulary';

import { activeFilterCount, withFilters, type Direction, type ReferralSearch } from '../api/search';

export function ReferralFilters({
  search,
  direction,
  directions,
  partnerOptions,
  onChange,
}: {
  search: ReferralSearch;
  direction: Direction;
  /** The views offered; none when only one makes sense (a coordinator who chose no partner). */
  directions: readonly Direction[];
  /** The partners one may filter by; the filter is left out when there is no choice. */
  partnerOptions: { value: string; label: string }[];
  onChange: (next: ReferralSearch) => void;
}) {
  const { t } = useTranslation();
  const count = activeFilterCount(search);
  // A partner in the URL the options do not name (another partner's, for an editor) stays visible.
  const partners = [...partnerOptions, ...(search.partner_id ?? []).filter((id) => !partnerOptions.some((o) => o.value === id)).map((id) => ({ value: id, label: t('referrals.partnerUnknown') }))];
  return (
    <Paper withBorder p="md" radius="md" mb="lg" component="section" aria-label={t('referrals.filters.title')} data-testid="referral-filters">
      <Stack gap="sm">
        {directions.length > 1 && (
          <SegmentedControl
            value={direction}
            onChange={(value) => onChange(withFilters(search, { direction: value as Direction }))}
            data={directions.map((value) => ({ value, label: t(`referrals.direction.${value}`) }))}
            aria-label={t('referrals.direction.label')}
            style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
            styles={{ label: { whiteSpace: 'normal' } }}
            data-testid="referral-direction"
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: partners.length > 1 ? 4 : 3 }} spacing="sm">
          <MultiSelect
            label={t('referrals.filters.status')}
            data={REFERRAL_STATUSES.map((code) => ({ value: code, label: t(`referralStatus.${code}`) }))}
            value={search.status ?? []}
            onChange={(value) => onChange(withFilters(search, { status: value as ReferralSearch['status'] }))}
            clearable
            placeholder={search.status?.length ? undefined : t('partners.filters.any')}
            data-testid="referral-status-filter"
          />
          <MultiSelect
            label={t('referrals.filters.urgency')}
            data={URGENCIES.map((code) => ({ value: code, label: t(`urgency.${code}`) }))}
            value={search.urgency ?? []}
            onChange={(value) => onChange(withFilters(search, { urgency: value as ReferralSearch['urgency'] }))}
            clearable
            placeholder={search.urgency?.length ? undefined : t('partners.filters.any')}
            data-testid="referral-urgency-filter"
          />
          {partners.length > 1 && (
            <MultiSelect
              label={t('referrals.filters.partner')}
              description={t('referrals.filters.partnerHint')}
              data={partners}
              value={search.partner_id ?? []}
              onChange={(value) => onChange(withFilters(search, { partner_id: value }))}
              searchable
              clearable
              maxValues={50}
              placeholder={search.partner_id?.length ? undefined : t('partners.filters.any')}
              nothingFoundMessage={t('referrals.filters.noPartner')}
              data-testid="referral-partner-filter"
            />
          )}
          <Stack gap={4} justify="flex-end" pb={6}>
            <Switch
              label={t('referrals.filters.overdue')}
              description={t('referrals.filters.overdueHint')}
              checked={search.overdue === 'true'}
              onChange={(event) => onChange(withFilters(search, { overdue: event.currentTarget.checked ? 'true' : undefined }))}
              data-testid="referral-overdue-filter"
            />
          </Stack>
        </SimpleGrid>
        {count > 0 && (
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              {t('referrals.filters.active', { count })}
            </Text>
            <Button
              size="xs"
              variant="subtle"
              c="dark.9"
              leftSection={<IconX size={14} aria-hidden="true" />}
              onClick={() => onChange(withFilters(search, { status: undefined, urgency: undefined, overdue: undefined, partner_id: undefined }))}
            >
              {t('referrals.filters.clear')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
