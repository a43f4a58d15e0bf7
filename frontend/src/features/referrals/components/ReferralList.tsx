import { Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import type { ReferralEnd, ReferralPublic } from '@/client';
import { AnchorLink } from '@/components/links';
import { useFormat } from '@/lib/format';

import type { ServiceName } from '../api/referrals';
import type { Direction } from '../api/search';
import { OverdueBadge, StatusBadge, UrgencyBadge } from './ReferralBadges';

type Lookup = (serviceId: string) => ServiceName | undefined;

/** A referral's end by name: the service, and under it its partner. */
export function EndName({ end, lookup, inline = false }: { end: ReferralEnd; lookup: Lookup; inline?: boolean }) {
  const { t } = useTranslation();
  const service = lookup(end.service_id);
  const name = service?.name ?? t(`serviceType.${end.service_type}`);
  const partner = service?.partner_name ?? t('referrals.partnerUnknown');
  if (inline) {
    return (
      <Text span size="sm">
        <Text span fw={600} size="sm">
          {name}
        </Text>{' '}
        ({partner})
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {name}
      </Text>
      <Text size="xs" c="dimmed">
        {partner}
      </Text>
    </Stack>
  );
}

function Due({ referral }: { referral: ReferralPublic }) {
  const format = useFormat();
  const open = referral.status === 'sent' || referral.status === 'received';
  return (
    <Stack gap={4} align="flex-start">
      <Text size="sm">{format.dateTime(referral.due_at)}</Text>
      {open && !referral.overdue && (
        <Text size="xs" c="dimmed">
          {format.relative(referral.due_at)}
        </Text>
      )}
      {referral.overdue && <OverdueBadge />}
    </Stack>
  );
}

/**
 * The inbox: a table on a wide screen, one card per referral on a narrow one. Which end is
 * named depends on the view: the sender for what was received, the receiver for what was
 * sent, both otherwise. The sender's reference only where the API gives it (the two
 * partners' editors), never to coordinators.
 */
export function ReferralList({
  network,
  referrals,
  direction,
  showReference,
  lookup,
}: {
  network: string;
  referrals: ReferralPublic[];
  direction: Direction;
  showReference: boolean;
  lookup: Lookup;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const needs = (referral: ReferralPublic) => referral.needs.map((need) => t(`need.${need}`)).join(', ');
  const open = (referral: ReferralPublic) => (
    <AnchorLink to="/n/$network/referrals/$referralId" params={{ network, referralId: referral.id }} fw={600} data-testid="referral-link">
      {format.dateTime(referral.sent_at)}
    </AnchorLink>
  );
  return (
    <>
      <Paper withBorder radius="md" visibleFrom="sm" style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing="sm" horizontalSpacing="md" striped data-testid="referral-table">
            <Table.Caption className="visually-hidden">{t(`referrals.caption.${direction}`)}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('referrals.columns.sent')}</Table.Th>
                {direction !== 'sent' && <Table.Th scope="col">{t('referrals.columns.from')}</Table.Th>}
                {direction !== 'received' && <Table.Th scope="col">{t('referrals.columns.to')}</Table.Th>}
                <Table.Th scope="col">{t('referrals.columns.needs')}</Table.Th>
                <Table.Th scope="col">{t('referrals.columns.urgency')}</Table.Th>
                <Table.Th scope="col">{t('referrals.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('referrals.columns.due')}</Table.Th>
                {showReference && <Table.Th scope="col">{t('referrals.columns.reference')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {referrals.map((referral) => (
                <Table.Tr key={referral.id} data-testid="referral-row" data-status={referral.status}>
                  <Table.Td>{open(referral)}</Table.Td>
                  {direction !== 'sent' && (
                    <Table.Td>
                      <EndName end={referral.sender} lookup={lookup} />
                    </Table.Td>
                  )}
                  {direction !== 'received' && (
                    <Table.Td>
                      <EndName end={referral.receiver} lookup={lookup} />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Text size="sm">{needs(referral)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <UrgencyBadge urgency={referral.urgency} />
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={referral.status} />
                  </Table.Td>
                  <Table.Td>
                    <Due referral={referral} />
                  </Table.Td>
                  {showReference && (
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {referral.sender_reference ?? t('common.none')}
                      </Text>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Stack gap="sm" hiddenFrom="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="referral-cards">
        {referrals.map((referral) => (
          <Paper component="li" key={referral.id} withBorder p="md" radius="md" data-testid="referral-card" data-status={referral.status}>
            <Stack gap={6}>
              {open(referral)}
              <Group gap={6}>
                <StatusBadge status={referral.status} />
                <UrgencyBadge urgency={referral.urgency} />
                {referral.overdue && <OverdueBadge />}
              </Group>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {direction !== 'sent' && (
                  <>
                    <Text span size="sm" c="dimmed">
                      {t('referrals.cardLabel', { label: t('referrals.columns.from') })}
                    </Text>
                    <EndName end={referral.sender} lookup={lookup} inline />
                  </>
                )}
                {direction === 'all' && <IconArrowRight size={14} aria-hidden="true" style={{ marginInline: 4, verticalAlign: 'middle' }} />}
                {direction !== 'received' && (
                  <>
                    <Text span size="sm" c="dimmed">
                      {t('referrals.cardLabel', { label: t('referrals.columns.to') })}
                    </Text>
                    <EndName end={referral.receiver} lookup={lookup} inline />
                  </>
                )}
              </Text>
              <Text size="sm">{needs(referral)}</Text>
              <Text size="sm">
                <Text span size="sm" c="dimmed">
                  {t('referrals.cardLabel', { label: t('referrals.columns.due') })}
                </Text>
                {format.dateTime(referral.due_at)}
              </Text>
              {showReference && referral.sender_reference && (
                <Text size="sm">
                  <Text span size="sm" c="dimmed">
                    {t('referrals.cardLabel', { label: t('referrals.columns.reference') })}
                  </Text>
                  <Text span size="sm" ff="monospace">
                    {referral.sender_reference}
                  </Text>
                </Text>
              )}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
