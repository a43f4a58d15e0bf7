import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from '@/app/App';
import { restoreSession } from '@/lib/api';
import '@/lib/i18n';

// A reload keeps the session through the HttpOnly refresh cookie; the token itself was only in memory.
void restoreSession();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
