import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconChartBar, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { ButtonLink } from '@/components/links';

/**
 * What a viewer (or a member the API refuses) sees instead of the referrals: why, calmly,
 * and not an error. Referrals are between the partners that send and receive them.
 */
export function ReferralsForViewers({ network }: { network: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" radius="md" data-testid="referrals-viewer-notice">
      <Stack align="center" gap="sm" ta="center">
        <ThemeIcon variant="light" size={48} radius="xl" color="gray" aria-hidden="true">
          <IconLock size={26} />
        </ThemeIcon>
        <Title order={2} size="h4">
          {t('referrals.viewer.title')}
        </Title>
        <Text c="dimmed" maw={560}>
          {t('referrals.viewer.body')}
        </Text>
        <ButtonLink to="/n/$network/referrals/statistics" params={{ network }} variant="default" leftSection={<IconChartBar size={16} aria-hidden="true" />}>
          {t('referrals.viewer.toStats')}
        </ButtonLink>
      </Stack>
    </Paper>
  );
}
