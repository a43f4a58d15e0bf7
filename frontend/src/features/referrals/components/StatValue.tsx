import { Group, Text, Tooltip } from '@mantine/core';
import { IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import type { StatCount, StatMeasure } from '@/client';

import { statDisplay } from './stats-model';

/**
 * One figure of the statistics. A figure hidden for privacy is drawn as such (an icon and
 * a word, explained to screen readers and on hover), never as 0 or a blank; a measure with
 * nothing to compute from is a dash, said as "nothing to compute from".
 */
export function StatValue({ stat, format, threshold }: { stat: StatCount | StatMeasure | undefined; format: (value: number) => string; threshold: number }) {
  const { t } = useTranslation();
  const shown = statDisplay(stat);
  if (shown.kind === 'suppressed') {
    const why = t('referralStats.suppressedWhy', { threshold });
    return (
      <Tooltip label={why} multiline w={260} events={{ hover: true, focus: true, touch: true }}>
        <Group component="span" gap={4} wrap="nowrap" c="dimmed" data-testid="stat-suppressed" tabIndex={0} style={{ display: 'inline-flex' }}>
          <IconEyeOff size={14} aria-hidden="true" />
          <Text span size="sm" fs="italic" aria-hidden="true">
            {t('referralStats.suppressed')}
          </Text>
          <span className="visually-hidden">{why}</span>
        </Group>
      </Tooltip>
    );
  }
  if (shown.kind === 'unknown') {
    return (
      <Text span c="dimmed" data-testid="stat-unknown">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('referralStats.unknown')}</span>
      </Text>
    );
  }
  return (
    <Text span data-testid="stat-value">
      {format(shown.value)}
    </Text>
  );
}
