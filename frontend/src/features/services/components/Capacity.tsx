import { Badge, Group, Text } from '@mantine/core';
import { IconBed, IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import type { CapacityPublic, CapacityStatus } from '@/client';

const COLOURS: Record<CapacityStatus, string> = { accepting: 'teal', waitlist: 'yellow', full: 'orange', unknown: 'gray' };

export function CapacityBadge({ status, bedsFree }: { status: CapacityStatus; bedsFree?: number | null }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[status]} variant="light" styles={{ label: { color: 'var(--mantine-color-dark-8)' } }} leftSection={<IconBed size={12} aria-hidden="true" />}>
      {t(`capacity.${status}`)}
      {bedsFree != null ? ` · ${t('services.bedsFree', { count: bedsFree })}` : ''}
    </Badge>
  );
}

/** How old the capacity is, in words: stale figures are said to be stale (not only greyed). */
export function CapacityFreshness({ capacity }: { capacity: CapacityPublic }) {
  const { t } = useTranslation();
  if (capacity.posted_at === null || capacity.age_minutes === null) {
    return (
      <Text size="xs" c="dimmed">
        {t('services.capacityNever')}
      </Text>
    );
  }
  const minutes = capacity.age_minutes;
  const age = minutes < 60 ? t('services.minutesAgo', { count: minutes }) : minutes < 48 * 60 ? t('services.hoursAgo', { count: Math.floor(minutes / 60) }) : t('services.daysAgo', { count: Math.floor(minutes / 1440) });
  return capacity.fresh ? (
    <Text size="xs" c="dimmed">
      {t('services.postedAgo', { age })}
    </Text>
  ) : (
    <Group gap={4} wrap="nowrap">
      <IconClockExclamation size={14} aria-hidden="true" color="var(--mantine-color-orange-9)" />
      <Text size="xs" c="red.9" fw={600}>
        {t('services.stale', { age, hours: capacity.max_age_hours })}
      </Text>
    </Group>
  );
}
