import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A stale write (412): someone else saved first. Reloading discards what is now out of date. */
export function ConflictAlert({ onReload, reloading }: { onReload: () => void; reloading?: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" title={t('conflict.title')} role="alert" data-testid="conflict-alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('conflict.body')}</Text>
        <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden="true" />} onClick={onReload} loading={reloading}>
          {t('conflict.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}

export function FormProblem({ message }: { message: string | null }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <Alert color="orange" variant="light" title={t('common.saveFailed')} role="alert" data-testid="form-problem">
      {message}
    </Alert>
  );
}
