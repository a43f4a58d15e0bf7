import { Badge, Group, Text } from '@mantine/core';
import { IconArrowsExchange, IconCircleCheck, IconCircleDashed, IconClockHour4, IconProgress } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

import type { CommitmentStatus } from '@/lib/vocabulary';

export type CoverageStatus = CommitmentStatus | 'nobody';

/** Each status has a colour, an icon and a label: never colour alone. */
export const STATUS_STYLE: Record<CoverageStatus, { background: string; colour: string; Icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean | 'true' }> }> = {
  in_place: { background: 'var(--mantine-color-teal-1)', colour: 'var(--mantine-color-teal-9)', Icon: IconCircleCheck },
  in_progress: { background: 'var(--mantine-color-blue-1)', colour: 'var(--mantine-color-blue-9)', Icon: IconProgress },
  planned: { background: 'var(--mantine-color-yellow-1)', colour: 'var(--mantine-color-yellow-9)', Icon: IconClockHour4 },
  nobody: { background: 'var(--mantine-color-gray-0)', colour: 'var(--mantine-color-gray-7)', Icon: IconCircleDashed },
};

export const STATUS_ORDER: CoverageStatus[] = ['in_place', 'in_progress', 'planned', 'nobody'];

export function StatusIcon({ status, size = 18 }: { status: CoverageStatus; size?: number }) {
  const { Icon, colour } = STATUS_STYLE[status];
  return (
    <span style={{ color: colour, display: 'inline-flex' }}>
      <Icon size={size} aria-hidden="true" />
    </span>
  );
}

export function StatusBadge({ status }: { status: CoverageStatus }) {
  const { t } = useTranslation();
  const style = STATUS_STYLE[status];
  return (
    <Badge
      variant="light"
      color="gray"
      leftSection={<StatusIcon status={status} size={14} />}
      styles={{ root: { background: style.background, textTransform: 'none' }, label: { color: 'var(--mantine-color-dark-8)' } }}
      data-status={status}
    >
      {t(`commitmentStatus.${status}`)}
    </Badge>
  );
}

export function CrossSectorMark() {
  const { t } = useTranslation();
  return (
    <span title={t('coverage.crossSector')} style={{ display: 'inline-flex', color: 'var(--mantine-color-violet-9)' }}>
      <IconArrowsExchange size={14} aria-hidden="true" />
      <span className="visually-hidden">{t('coverage.crossSector')}</span>
    </span>
  );
}

export function StatusLegend() {
  const { t } = useTranslation();
  return (
    <Group gap="md" component="ul" aria-label={t('coverage.legend')} style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="coverage-legend">
      {STATUS_ORDER.map((status) => (
        <li key={status}>
          <StatusBadge status={status} />
        </li>
      ))}
      <li>
        <Group gap={4} wrap="nowrap">
          <span style={{ display: 'inline-flex', color: 'var(--mantine-color-violet-9)' }}>
            <IconArrowsExchange size={16} aria-hidden="true" />
          </span>
          <Text size="sm">{t('coverage.crossSectorHint')}</Text>
        </Group>
      </li>
    </Group>
  );
}
