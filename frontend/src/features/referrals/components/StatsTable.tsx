import { Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { StatsGroup } from '@/client';
import { useFormat } from '@/lib/format';

import { StatValue } from './StatValue';
import { COUNT_KEYS, formatMinutes, formatPercent, MEASURE_KEYS, periodLabel, type StatsTableModel } from './stats-model';

export interface GroupName {
  name: string;
  /** A second, dimmed line (a pathway's partners). */
  detail?: string;
}

/**
 * Groups down, periods across; each group's total count, and its breakdown (by status,
 * acceptance rate, times to receive and accept) in detail rows its name opens.
 */
export function StatsTable({ model, caption, threshold, nameOf }: { model: StatsTableModel; caption: string; threshold: number; nameOf: (group: StatsGroup) => GroupName }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (key: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const quarter = (q: number, year: number) => t('referralStats.quarterLabel', { quarter: q, year });
  const minutes = (value: number) => formatMinutes(value, format.locale);
  const percent = (value: number) => formatPercent(value, format.locale);

  return (
    <Table.ScrollContainer minWidth={Math.max(480, 200 + model.periods.length * 96)} type="native" style={{ position: 'relative' }}>
      <Table verticalSpacing="xs" horizontalSpacing="sm" withColumnBorders data-testid="stats-table">
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('referralStats.group')}</Table.Th>
            {model.periods.map((period) => (
              <Table.Th scope="col" key={period} ta="end" style={{ whiteSpace: 'nowrap' }}>
                {periodLabel(period, format.locale, quarter)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {model.groups.map((entry) => {
            const expanded = open.has(entry.key);
            const name = nameOf(entry.group);
            const detailId = `stats-detail-${entry.key.replace(/[^a-z0-9-]/gi, '-')}`;
            const cell = (period: string) => entry.cells.get(period);
            return (
              <Fragment key={entry.key}>
                <Table.Tr data-testid="stats-row" data-kind={entry.group.kind} fw={entry.group.kind === 'total' ? 600 : undefined}>
                  <Table.Th scope="row" fw={entry.group.kind === 'total' ? 700 : 500}>
                    <UnstyledButton onClick={() => toggle(entry.key)} aria-expanded={expanded} aria-controls={expanded ? detailId : undefined} className="stats-toggle">
                      <Stack gap={0}>
                        <Text span size="sm" fw="inherit" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
                          {expanded ? <IconChevronDown size={14} aria-hidden="true" /> : <IconChevronRight size={14} aria-hidden="true" />}
                          {name.name}
                        </Text>
                        {name.detail && (
                          <Text span size="xs" c="dimmed" pl={18}>
                            {name.detail}
                          </Text>
                        )}
                      </Stack>
                    </UnstyledButton>
                  </Table.Th>
                  {model.periods.map((period) => (
                    <Table.Td key={period} ta="end">
                      <StatValue stat={cell(period)?.counts.total} format={format.number} threshold={threshold} />
                    </Table.Td>
                  ))}
                </Table.Tr>
                {expanded && (
                  <>
                    {COUNT_KEYS.map((key, index) => (
                      <Table.Tr key={key} id={index === 0 ? detailId : undefined} data-testid="stats-detail" bg="var(--mantine-color-gray-light)">
                        <Table.Th scope="row" fw={400} pl="xl">
                          <Text span size="sm">
                            {t(`referralStats.counts.${key}`)}
                            <span className="visually-hidden">{` (${name.name})`}</span>
                          </Text>
                        </Table.Th>
                        {model.periods.map((period) => (
                          <Table.Td key={period} ta="end">
                            <StatValue stat={cell(period)?.counts[key]} format={format.number} threshold={threshold} />
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                    {MEASURE_KEYS.map((key) => (
                      <Table.Tr key={key} data-testid="stats-detail" bg="var(--mantine-color-gray-light)">
                        <Table.Th scope="row" fw={400} pl="xl">
                          <Text span size="sm">
                            {t(`referralStats.measures.${key}`)}
                            <span className="visually-hidden">{` (${name.name})`}</span>
                          </Text>
                        </Table.Th>
                        {model.periods.map((period) => (
                          <Table.Td key={period} ta="end" style={{ whiteSpace: 'nowrap' }}>
                            <StatValue stat={cell(period)?.[key]} format={key === 'acceptance_rate_percent' ? percent : minutes} threshold={threshold} />
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
