import { Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { LanguageSwitcher } from '@/components/LanguageSwitcher';
import { QuickExitButton } from '@/components/QuickExit';
import { forgetSessionNow } from '@/lib/api';

/** The frame of the pages reached signed out (sign-in, an invitation, a password reset):
 * the name, the language and Quick exit, and one card with a title and an introduction. */
export function PublicPage({
  title,
  intro,
  width = 520,
  footer,
  children,
}: {
  title: ReactNode;
  intro: ReactNode;
  width?: number;
  footer?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
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
      <Container size={width} component="main" id="main" tabIndex={-1} py="xl">
        <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="lg">
          <Stack gap="lg">
            <Stack gap={6}>
              <Title order={1} size="h2">
                {title}
              </Title>
              {intro}
            </Stack>
            {children}
          </Stack>
        </Paper>
        {footer}
      </Container>
    </Box>
  );
}

/** A signed-out page's introduction that explains what the page is for, with an info mark. */
export function PublicNote({ children }: { children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <IconInfoCircle size={18} aria-hidden="true" />
      <Text c="dimmed" size="sm">
        {children}
      </Text>
    </Group>
  );
}
