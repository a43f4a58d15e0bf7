import { Stack } from '@mantine/core';
import { IconHome } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/PageHeader';

/** An address the app does not know, shown inside the frame so Quick exit stays at hand. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const { network } = useParams({ strict: false });
  return (
    <Stack gap="md" align="flex-start" data-testid="not-found">
      <PageHeader title={t('common.notFoundTitle')} description={t('common.notFoundBody')} />
      {network ? (
        <ButtonLink to="/n/$network" params={{ network }} leftSection={<IconHome size={18} aria-hidden="true" />}>
          {t('common.backToOverview')}
        </ButtonLink>
      ) : (
        <ButtonLink to="/" leftSection={<IconHome size={18} aria-hidden="true" />}>
          {t('common.backToOverview')}
        </ButtonLink>
      )}
    </Stack>
  );
}
