import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PublicNote, PublicPage } from '@/components/PublicPage';
import { isApiError } from '@/lib/problem';

import { tokenFromHash, useRedeemPasswordReset } from '../api/members';

/**
 * Where a password-reset link leads. The token is in the URL fragment, which the browser
 * never sends to a server: it is read here and sent in the body of the POST.
 */
export function ResetPasswordPage({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const token = useMemo(() => tokenFromHash(window.location.hash), []);
  const redeem = useRedeemPasswordReset();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '' },
    validate: { password: (value) => (value.length < 12 ? t('resetPassword.tooShort') : null) },
  });
  const submit = form.onSubmit(async (values) => {
    if (!token) return;
    setProblem(null);
    try {
      await redeem.mutateAsync({ token, newPassword: values.password });
      // The link is spent: it leaves the address bar and the history entry.
      window.history.replaceState(null, '', window.location.pathname);
      onDone();
    } catch (error) {
      setProblem(isApiError(error, 404) ? t('resetPassword.notValid') : t('common.errorBody'));
    }
  });

  let content: ReactNode;
  if (!token) {
    content = (
      <Alert color="orange" variant="light" role="alert" data-testid="reset-problem">
        {t('resetPassword.noToken')}
      </Alert>
    );
  } else {
    content = (
      <form onSubmit={submit} noValidate data-testid="reset-form">
        <Stack gap="md">
          {problem && (
            <Alert color="orange" variant="light" role="alert" data-testid="reset-problem">
              {problem}
            </Alert>
          )}
          <PasswordInput
            label={t('resetPassword.newPassword')}
            description={t('resetPassword.newPasswordHint')}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <Group>
            <Button type="submit" loading={redeem.isPending}>
              {t('resetPassword.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  }

  return (
    <PublicPage
      title={t('resetPassword.title')}
      intro={<PublicNote>{t('resetPassword.intro')}</PublicNote>}
    >
      {content}
    </PublicPage>
  );
}
