import { Alert, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { PublicPage } from '@/components/PublicPage';
import { useSession } from '@/lib/api';

import { SignInForm } from '../components/SignInForm';

export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <PublicPage
      title={t('auth.title')}
      intro={<Text c="dimmed">{t('auth.intro')}</Text>}
      width={460}
      footer={
        <Text size="sm" c="dimmed" ta="center" mt="lg">
          {t('auth.quickExitTip')}
        </Text>
      }
    >
      {session.reason === 'expired' && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden="true" />} role="status" data-testid="session-ended">
          {t('auth.sessionEnded')}
        </Alert>
      )}
      {session.reason === 'signed-out' && (
        <Alert color="teal" variant="light" icon={<IconInfoCircle aria-hidden="true" />} role="status">
          {t('auth.signedOut')}
        </Alert>
      )}
      <SignInForm onSignedIn={onSignedIn} />
    </PublicPage>
  );
}
