import { Group, Paper, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { AnchorLink } from '@/components/links';

import type { PartnerPublic } from '@/client';
import { SectorBadge, StageBadge } from '@/components/CodeBadges';
import { useFormat } from '@/lib/format';
import { useNames } from '@/lib/use-names';
import type { PartnerSort } from '@/lib/vocabulary';

type SortableColumn = 'name' | 'stage';

function SortHeader({
  column,
  sort,
  onSort,
  children,
}: {
  column: SortableColumn;
  sort: PartnerSort;
  onSort: (sort: PartnerSort) => void;
  children: string;
}) {
  const { t } = useTranslation();
  const direction = sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : 'none';
  const Icon = direction === 'ascending' ? IconSortAscending : direction === 'descending' ? IconSortDescending : IconArrowsSort;
  return (
    <Table.Th aria-sort={direction}>
      <UnstyledButton
        onClick={() => onSort((direction === 'ascending' ? `-${column}` : column) as PartnerSort)}
        aria-label={t('partners.sort.by', { column: children })}
      >
        <Group gap={4} wrap="nowrap">
          <Text fw={700} size="sm">
            {children}
          </Text>
          <Icon size={16} aria-hidden="true" />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export function PartnerTable({
  network,
  partners,
  sort,
  onSort,
}: {
  network: string;
  partners: PartnerPublic[];
  sort: PartnerSort;
  onSort: (sort: PartnerSort) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  return (
    <>
      <Paper withBorder radius="md" visibleFrom="sm" style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md" data-testid="partner-table">
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }} className="visually-hidden">
              {t('partners.tableCaption')}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <SortHeader column="name" sort={sort} onSort={onSort}>
                  {t('partners.columns.name')}
                </SortHeader>
                <Table.Th>{t('partners.columns.sector')}</Table.Th>
                <SortHeader column="stage" sort={sort} onSort={onSort}>
                  {t('partners.columns.stage')}
                </SortHeader>
                <Table.Th>{t('partners.columns.level')}</Table.Th>
                <Table.Th>{t('partners.columns.areas')}</Table.Th>
                <Table.Th>{t('partners.columns.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {partners.map((partner) => (
                <Table.Tr key={partner.id}>
                  <Table.Td>
                    <AnchorLink to="/n/$network/partners/$partnerId" params={{ network, partnerId: partner.id }} fw={600}>
                      {partner.name}
                    </AnchorLink>
                    {partner.acronym && (
                      <Text size="xs" c="dimmed">
                        {partner.acronym}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <SectorBadge sector={partner.sector} />
                  </Table.Td>
                  <Table.Td>
                    <StageBadge stage={partner.stage} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`level.${partner.level}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{partner.areas.map(names.area).join(', ')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {format.date(partner.updated_at)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Stack gap="sm" hiddenFrom="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {partners.map((partner) => (
          <Paper component="li" key={partner.id} withBorder p="md" radius="md">
            <Stack gap={6}>
              <AnchorLink to="/n/$network/partners/$partnerId" params={{ network, partnerId: partner.id }} fw={600}>
                {partner.name}
                {partner.acronym ? ` (${partner.acronym})` : ''}
              </AnchorLink>
              <Group gap={6}>
                <StageBadge stage={partner.stage} />
                <SectorBadge sector={partner.sector} />
              </Group>
              <Text size="sm" c="dimmed">
                {[t(`level.${partner.level}`), ...partner.areas.map(names.area)].join(' · ')}
              </Text>
            </Stack>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
