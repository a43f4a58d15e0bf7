import { Alert, Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { LanguageSwitcher } from '@/components/LanguageSwitcher';
import { QuickExitButton } from '@/components/QuickExit';
import { forgetSessionNow, useSession } from '@/lib/api';

import { SignInForm } from '../components/SignInForm';

export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <Box mih="100vh">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Group component="header" justify="space-between" p="md" gap="sm">
        <Text fw={700} size="xl" c="teal.9">
          Accord
        </Text>
        <Group gap="sm">
          <LanguageSwitcher />
          <QuickExitButton onExit={forgetSessionNow} />
        </Group>
      </Group>
      <Container size={460} component="main" id="main" tabIndex={-1} py="xl">
        <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="lg">
          <Stack gap="lg">
            <Stack gap={6}>
              <Title order={1} size="h2">
                {t('auth.title')}
              </Title>
              <Text c="dimmed">{t('auth.intro')}</Text>
            </Stack>
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
          </Stack>
        </Paper>
        <Text size="sm" c="dimmed" ta="center" mt="lg">
          {t('auth.quickExitTip')}
        </Text>
      </Container>
    </Box>
  );
}
