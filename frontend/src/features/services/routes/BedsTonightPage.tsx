import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconPhoneOff, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import type { BoardEntry } from '@/client';
import { AnchorLink } from '@/components/links';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';

import { useCapacityBoard } from '../api/services';
import { CapacityBadge, CapacityFreshness } from '../components/Capacity';
import { PrintHeader } from '../components/PrintHeader';
import { ServicesNav } from '../components/ServicesNav';

function FrontDoor({ entry }: { entry: BoardEntry }) {
  const { t } = useTranslation();
  if (entry.no_contact) {
    return (
      <Group gap={4} wrap="nowrap">
        <IconPhoneOff size={14} aria-hidden="true" />
        <Text size="sm" fw={600}>
          {t('bedsTonight.noContact')}
        </Text>
      </Group>
    );
  }
  return (
    <Stack gap={0}>
      {entry.front_door_phone && <Anchor href={`tel:${entry.front_door_phone.replace(/[^+0-9]/g, '')}`}>{entry.front_door_phone}</Anchor>}
      {entry.front_door_email && (
        <Anchor href={`mailto:${entry.front_door_email}`} size="sm">
          {entry.front_door_email}
        </Anchor>
      )}
    </Stack>
  );
}

function Beds({ entry }: { entry: BoardEntry }) {
  const { t } = useTranslation();
  const { beds_free: free, beds_total: total } = entry.capacity;
  if (free == null) return <Text size="sm">{total != null ? t('bedsTonight.ofTotalUnknown', { total }) : '—'}</Text>;
  return <Text size="sm" fw={700}>{total != null ? t('bedsTonight.freeOfTotal', { count: free, total }) : t('services.bedsFree', { count: free })}</Text>;
}

export function BedsTonightPage({ network }: { network: string }) {
  const { t } = useTranslation();
  const board = useCapacityBoard(network);
  const items = board.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('bedsTonight.title')}
        description={t('bedsTonight.description')}
        actions={
          <Button variant="default" className="no-print" leftSection={<IconPrinter size={16} aria-hidden="true" />} onClick={() => window.print()} disabled={!board.data}>
            {t('bedsTonight.print')}
          </Button>
        }
      />
      <ServicesNav network={network} current="beds" />
      <PrintHeader network={network} title={t('bedsTonight.title')} />
      {board.isPending && <LoadingState />}
      {board.isError && <ErrorState onRetry={() => void board.refetch()} />}
      {board.data && items.length === 0 && <EmptyState title={t('bedsTonight.emptyTitle')}>{t('bedsTonight.emptyBody')}</EmptyState>}
      {board.data && !board.data.complete && (
        <Alert color="yellow" variant="light" mb="sm">
          {t('bedsTonight.partial', { count: items.length })}
        </Alert>
      )}
      {items.length > 0 && (
        <>
          <Text size="sm" mb="xs" data-testid="board-count">
            {t('bedsTonight.count', { count: items.length })} · {t('bedsTonight.order')}
          </Text>
          <Paper withBorder radius="md" visibleFrom="sm" className="board-table" style={{ overflow: 'hidden' }}>
            <Table verticalSpacing="sm" data-testid="board-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('bedsTonight.service')}</Table.Th>
                  <Table.Th scope="col">{t('bedsTonight.now')}</Table.Th>
                  <Table.Th scope="col">{t('bedsTonight.beds')}</Table.Th>
                  <Table.Th scope="col">{t('bedsTonight.updated')}</Table.Th>
                  <Table.Th scope="col">{t('services.frontDoor')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((entry) => (
                  <Table.Tr key={entry.service_id} data-testid="board-row" data-room={entry.room}>
                    <Table.Td>
                      <AnchorLink to="/n/$network/services/$serviceId" params={{ network, serviceId: entry.service_id }} fw={600}>
                        {entry.name}
                      </AnchorLink>
                      <Text size="xs">
                        {entry.partner_name} · {t(`serviceType.${entry.type}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <CapacityBadge status={entry.capacity.status} />
                    </Table.Td>
                    <Table.Td>
                      <Beds entry={entry} />
                    </Table.Td>
                    <Table.Td>
                      <CapacityFreshness capacity={entry.capacity} />
                    </Table.Td>
                    <Table.Td>
                      <FrontDoor entry={entry} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Stack gap="sm" hiddenFrom="sm" className="board-cards" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((entry) => (
              <Paper component="li" withBorder p="sm" radius="md" key={entry.service_id} data-testid="board-card" data-room={entry.room}>
                <AnchorLink to="/n/$network/services/$serviceId" params={{ network, serviceId: entry.service_id }} fw={600}>
                  {entry.name}
                </AnchorLink>
                <Text size="xs" mb={4}>
                  {entry.partner_name} · {t(`serviceType.${entry.type}`)}
                </Text>
                <Group gap="xs" mb={4}>
                  <CapacityBadge status={entry.capacity.status} />
                  <Beds entry={entry} />
                </Group>
                <CapacityFreshness capacity={entry.capacity} />
                <FrontDoor entry={entry} />
              </Paper>
            ))}
          </Stack>
        </>
      )}
    </>
  );
}
