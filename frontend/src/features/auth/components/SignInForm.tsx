import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { signIn } from '@/lib/api';
import { isApiError } from '@/lib/problem';

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<'credentials' | 'unavailable' | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : t('auth.emailRequired')),
      password: (value) => (value ? null : t('auth.passwordRequired')),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await signIn(values.email.trim(), values.password);
      onSignedIn();
    } catch (error) {
      setFailure(isApiError(error, 400) || isApiError(error, 422) ? 'credentials' : 'unavailable');
      // Keep the e-mail; clear only the password so it is typed again.
      form.setFieldValue('password', '');
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-describedby={failure ? 'signin-failure' : undefined}>
      <Stack gap="md">
        {failure && (
          <Alert id="signin-failure" color="orange" variant="light" icon={<IconInfoCircle aria-hidden="true" />} role="alert">
            {failure === 'credentials' ? t('auth.invalidCredentials') : t('auth.unavailable')}
          </Alert>
        )}
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          required
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          required
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={form.submitting} fullWidth size="md">
          {t('auth.signIn')}
        </Button>
      </Stack>
    </form>
  );
}
