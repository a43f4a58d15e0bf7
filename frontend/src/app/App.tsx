import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';

import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { setNonce } from 'get-nonce';
import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';

import { onSessionEnd, subscribeSession } from '@/lib/api';
import i18n from '@/lib/i18n';
import { isApiError } from '@/lib/problem';

import { createAppRouter } from './router';
import { cssVariablesResolver, theme } from './theme';

// The page's Content-Security-Policy allows inline styles carrying this nonce only: Mantine
// is given it, and so is the style singleton its modals use to lock scrolling.
const styleNonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
const getStyleNonce = () => styleNonce;
setNonce(styleNonce);

function makeQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache(),
    mutationCache: new MutationCache(),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Retrying a 4xx never helps; network blips get one more try.
        retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 1,
      },
      mutations: { retry: false },
    },
  });
}

export function App() {
  const [queryClient] = useState(makeQueryClient);
  const [router] = useState(() => createAppRouter(queryClient));

  // Nothing of a session outlives it: sign-out, expiry and quick exit drop every cached record.
  useEffect(() => onSessionEnd(() => queryClient.clear()), [queryClient]);
  // Route guards read the session: re-run them when it changes (sign-in, sign-out, expiry).
  useEffect(() => subscribeSession(() => void router.invalidate()), [router]);

  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider
        theme={theme}
        cssVariablesResolver={cssVariablesResolver}
        defaultColorScheme="light"
        getStyleNonce={getStyleNonce}
      >
        <Notifications position="top-center" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
