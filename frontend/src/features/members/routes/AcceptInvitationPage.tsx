import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { MyMembership } from '@/client';
import { PublicNote, PublicPage } from '@/components/PublicPage';
import { LoadingState } from '@/components/States';
import { signOut, useSession } from '@/lib/api';
import { newIdempotencyKey } from '@/lib/idempotency';
import { useMe } from '@/lib/membership';
import { isApiError } from '@/lib/problem';

import { tokenFromHash, useAcceptInvitation } from '../api/members';

function problemKey(error: unknown): string {
  if (isApiError(error, 403)) return 'invitation.wrongAccount';
  if (isApiError(error, 404)) return 'invitation.notValid';
  if (isApiError(error, 409)) return 'invitation.noLongerValid';
  return 'common.errorBody';
}

/**
 * Where an invitation's link leads. The token is in the URL fragment, which the browser
 * never sends to a server: it is read here and sent in the body of the POST.
 * `signInForm` is shown to a visitor who is not signed in yet.
 */
export function AcceptInvitationPage({
  signInForm,
  onJoined,
}: {
  signInForm: ReactNode;
  onJoined: (membership: MyMembership) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const me = useMe();
  const token = useMemo(() => tokenFromHash(window.location.hash), []);
  const accept = useAcceptInvitation();
  const [idempotencyKey] = useState(newIdempotencyKey);

  let content: ReactNode;
  if (!token) {
    content = (
      <Alert color="orange" variant="light" role="alert" data-testid="invitation-problem">
        {t('invitation.noToken')}
      </Alert>
    );
  } else if (session.status === 'checking') {
    content = <LoadingState />;
  } else if (session.status !== 'signed-in') {
    content = (
      <Stack gap="md">
        <Text>{t('invitation.signInFirst')}</Text>
        {signInForm}
      </Stack>
    );
  } else {
    content = (
      <Stack gap="md">
        {me.data && <Text>{t('invitation.signedInAs', { name: me.data.full_name, email: me.data.email })}</Text>}
        {accept.isError && (
          <Alert color="orange" variant="light" role="alert" data-testid="invitation-problem">
            {t(problemKey(accept.error))}
          </Alert>
        )}
        <Group>
          <Button
            loading={accept.isPending}
            onClick={() =>
              accept.mutate(
                { token, idempotencyKey },
                {
                  onSuccess: (membership) => {
                    // The link is spent: it leaves the address bar and the history entry.
                    window.history.replaceState(null, '', window.location.pathname);
                    onJoined(membership);
                  },
                },
              )
            }
          >
            {t('invitation.join')}
          </Button>
          <Button variant="default" onClick={() => void signOut()}>
            {t('invitation.otherAccount')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <PublicPage
      title={t('invitation.title')}
      intro={<PublicNote>{t('invitation.intro')}</PublicNote>}
    >
      {content}
    </PublicPage>
  );
}
