import { Button, Tooltip } from '@mantine/core';
import { IconDoorExit } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { createEscapeCounter, NEUTRAL_SITE } from '@/lib/quick-exit';

// A deep orange: visible at once, distinct from the calm teal, 6:1 against its white label.
export const QUICK_EXIT_COLOUR = '#a63a0c';

export interface QuickExitProps {
  /** Forget the in-memory session; called before leaving. */
  onExit: () => void;
}

/** The one navigation quick exit makes (an object, so a test can observe it). */
export const exitNavigation = {
  replace: (url: string) => window.location.replace(url),
};

let leftOnce = false;

export function leaveNow(onExit: () => void) {
  try {
    // Nothing stays on screen while the neutral site loads (the page may also be kept in
    // the back-forward cache as it looks now). Set through the CSSOM, which the page's
    // Content-Security-Policy allows.
    document.documentElement.style.visibility = 'hidden';
    // Sign out and drop every cached record first: the sign-out request must leave
    // before the page does.
    onExit();
  } catch {
    // Leaving matters more than anything that failed on the way out.
  }
  // replace(), not assign(): the dashboard's page is not left in the tab's history.
  exitNavigation.replace(NEUTRAL_SITE);
  if (!leftOnce) {
    leftOnce = true;
    // Back to a page the browser kept in memory: leave again rather than show it.
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) exitNavigation.replace(NEUTRAL_SITE);
    });
  }
}

/** Escape pressed three times within 1.5 s leaves at once, from anywhere (even a dialog). */
export function useQuickExitKeys(onExit: () => void) {
  useEffect(() => {
    const counter = createEscapeCounter();
    const listener = (event: KeyboardEvent) => {
      if (counter(event.key, event.timeStamp || Date.now())) leaveNow(onExit);
    };
    window.addEventListener('keydown', listener, { capture: true });
    return () => window.removeEventListener('keydown', listener, { capture: true });
  }, [onExit]);
}

export function QuickExitButton({ onExit }: QuickExitProps) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('quickExit.hint')} openDelay={400}>
      <Button
        color={QUICK_EXIT_COLOUR}
        variant="filled"
        leftSection={<IconDoorExit size={18} aria-hidden="true" />}
        onClick={() => leaveNow(onExit)}
        data-testid="quick-exit"
      >
        {t('quickExit.label')}
      </Button>
    </Tooltip>
  );
}
