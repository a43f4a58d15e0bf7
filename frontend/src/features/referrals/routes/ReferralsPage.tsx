import { Button, Group, Text } from '@mantine/core';
import { IconChartBar, IconChevronLeft, IconChevronRight, IconSend } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useMembership, usePermissions } from '@/lib/membership';
import { isApiError } from '@/lib/problem';

import { useReferralList, useServiceNames } from '../api/referrals';
import { activeFilterCount, directionOf, DIRECTIONS, withFilters, type Direction, type ReferralSearch } from '../api/search';
import { ReferralFilters } from '../components/ReferralFilters';
import { ReferralList } from '../components/ReferralList';
import { ReferralsForViewers } from '../components/ReferralsForViewers';

function SendButton({ network }: { network: string }) {
  const { t } = useTranslation();
  return (
    <ButtonLink to="/n/$network/referrals/new" params={{ network }} leftSection={<IconSend size={16} aria-hidden="true" />}>
      {t('referrals.send')}
    </ButtonLink>
  );
}

function NothingYet({ network, direction, filtered, canSend, onClear }: { network: string; direction: Direction; filtered: boolean; canSend: boolean; onClear: () => void }) {
  const { t } = useTranslation();
  if (filtered) {
    return (
      <EmptyState
        title={t('referrals.empty.filteredTitle')}
        action={
          <Button variant="default" onClick={onClear}>
            {t('referrals.filters.clear')}
          </Button>
        }
      >
        {t('referrals.empty.filteredBody')}
      </EmptyState>
    );
  }
  return (
    <EmptyState title={t(`referrals.empty.${direction}Title`)} action={canSend && direction !== 'received' ? <SendButton network={network} /> : undefined}>
      {t(`referrals.empty.${direction}Body`)}
    </EmptyState>
  );
}

export function ReferralsPage({ network, search, onSearchChange }: { network: string; search: ReferralSearch; onSearchChange: (next: ReferralSearch) => void }) {
  const { t } = useTranslation();
  const membership = useMembership(network);
  const permissions = usePermissions(network);
  const coordinator = membership?.role === 'coordinator';
  const direction = directionOf(search, coordinator);
  const list = useReferralList(network, search, direction, permissions.seeReferrals);
  const serviceIds = useMemo(() => (list.data?.items ?? []).flatMap((r) => [r.sender.service_id, r.receiver.service_id]), [list.data]);
  const names = useServiceNames(network, serviceIds, permissions.seeReferrals);
  const canSend = permissions.referralPartnerIds.length > 0;
  const page = (search.cursor?.length ?? 0) + 1;

  const partnerOptions = useMemo(() => {
    const partners = new Map<string, string>();
    for (const service of names.directory.data?.items ?? []) partners.set(service.partner_id, service.partner_name);
    const ids = coordinator ? [...partners.keys()] : permissions.referralPartnerIds.filter((id) => partners.has(id));
    return ids.map((id) => ({ value: id, label: partners.get(id) ?? id })).sort((a, b) => a.label.localeCompare(b.label));
  }, [names.directory.data, coordinator, permissions.referralPartnerIds]);

  const header = (
    <PageHeader
      title={t('referrals.title')}
      description={permissions.seeReferrals ? t(coordinator ? 'referrals.descriptionCoordinator' : 'referrals.descriptionEditor') : undefined}
      actions={
        <>
          {permissions.seeReferrals && (
            <ButtonLink to="/n/$network/referrals/statistics" params={{ network }} variant="default" leftSection={<IconChartBar size={16} aria-hidden="true" />}>
              {t('referrals.toStats')}
            </ButtonLink>
          )}
          {canSend && <SendButton network={network} />}
        </>
      }
    />
  );
  if (!permissions.seeReferrals || isApiError(list.error, 403)) {
    return (
      <>
        {header}
        <ReferralsForViewers network={network} />
      </>
    );
  }

  // A coordinator's "received" and "sent" are about the partners chosen; without one, every referral.
  const directions = coordinator ? (search.partner_id?.length ? (['all', 'received', 'sent'] as const) : []) : DIRECTIONS;
  const items = list.data?.items ?? [];
  const filtered = activeFilterCount(search) > 0;
  return (
    <>
      {header}
      <ReferralFilters search={search} direction={direction} directions={directions} partnerOptions={partnerOptions} onChange={onSearchChange} />
      <div aria-live="polite" aria-busy={list.isFetching || names.pending}>
        {list.isPending && <LoadingState />}
        {list.isError && <ErrorState onRetry={() => void list.refetch()} />}
        {list.data && items.length === 0 && (
          <NothingYet
            network={network}
            direction={direction}
            filtered={filtered || page > 1}
            canSend={canSend}
            onClear={() => onSearchChange(withFilters(search, { status: undefined, urgency: undefined, overdue: undefined, partner_id: undefined }))}
          />
        )}
        {items.length > 0 && (
          <>
            <Text size="sm" c="dimmed" mb="xs" data-testid="referral-summary">
              {t(`referrals.caption.${direction}`)} · {t('services.pageShown', { page, count: items.length })}
            </Text>
            <ReferralList network={network} referrals={items} direction={direction} showReference={!coordinator} lookup={names.lookup} />
          </>
        )}
      </div>
      {list.data && (page > 1 || list.data.next_cursor) && (
        <Group justify="space-between" mt="md" component="nav" aria-label={t('partners.paging')}>
          <Button
            variant="default"
            leftSection={<IconChevronLeft size={16} aria-hidden="true" />}
            disabled={page === 1}
            onClick={() => onSearchChange({ ...search, cursor: search.cursor?.slice(0, -1).length ? search.cursor.slice(0, -1) : undefined })}
          >
            {t('partners.previous')}
          </Button>
          <Text size="sm">{t('partners.page', { page })}</Text>
          <Button
            variant="default"
            rightSection={<IconChevronRight size={16} aria-hidden="true" />}
            disabled={!list.data.next_cursor}
            onClick={() => list.data?.next_cursor && onSearchChange({ ...search, cursor: [...(search.cursor ?? []), list.data.next_cursor] })}
          >
            {t('partners.next')}
          </Button>
        </Group>
      )}
    </>
  );
}
