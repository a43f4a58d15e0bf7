import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { forgetSessionNow, onSessionEnd } from '@/lib/api';
import '@/lib/i18n';
import { NEUTRAL_SITE } from '@/lib/quick-exit';

import { exitNavigation, QuickExitButton, useQuickExitKeys } from './QuickExit';

function Page({ onExit }: { onExit: () => void }) {
  useQuickExitKeys(onExit);
  return (
    <MantineProvider>
      <input aria-label="Somewhere to type" />
      <QuickExitButton onExit={onExit} />
    </MantineProvider>
  );
}

describe('quick exit', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.documentElement.style.visibility = '';
  });

  it('signs out with a request that outlives the page, clears the cache, then replaces the page', () => {
    const replace = vi.spyOn(exitNavigation, 'replace').mockImplementation(() => undefined);
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 204 }));
    const cacheCleared = vi.fn();
    const stop = onSessionEnd(cacheCleared);
    render(<Page onExit={forgetSessionNow} />);
    fireEvent.click(screen.getByRole('button', { name: 'Quick exit' }));
    stop();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith('/api/v1/auth/logout', { method: 'POST', keepalive: true, credentials: 'include' });
    expect(cacheCleared).toHaveBeenCalledTimes(1);
    // The sign-out is on its way before the page is replaced (not assign: no history entry).
    expect(replace).toHaveBeenCalledWith(NEUTRAL_SITE);
    expect(fetch.mock.invocationCallOrder[0] ?? Infinity).toBeLessThan(replace.mock.invocationCallOrder[0] ?? 0);
    expect(cacheCleared.mock.invocationCallOrder[0] ?? Infinity).toBeLessThan(replace.mock.invocationCallOrder[0] ?? 0);
    // Nothing stays on screen while the neutral site loads.
    expect(document.documentElement.style.visibility).toBe('hidden');
  });

  it('leaves even when signing out fails at once', () => {
    const replace = vi.spyOn(exitNavigation, 'replace').mockImplementation(() => undefined);
    render(<Page onExit={() => { throw new Error('offline'); }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Quick exit' }));
    expect(replace).toHaveBeenCalledWith(NEUTRAL_SITE);
  });

  it('the button leaves for the neutral site and forgets the session', () => {
    const replace = vi.spyOn(exitNavigation, 'replace').mockImplementation(() => undefined);
    const onExit = vi.fn();
    render(<Page onExit={onExit} />);
    fireEvent.click(screen.getByRole('button', { name: 'Quick exit' }));
    expect(replace).toHaveBeenCalledWith(NEUTRAL_SITE);
    expect(onExit).toHaveBeenCalledTimes(1);
  });

  it('Escape three times in a row leaves, even while typing in a field', () => {
    const replace = vi.spyOn(exitNavigation, 'replace').mockImplementation(() => undefined);
    const onExit = vi.fn();
    render(<Page onExit={onExit} />);
    const field = screen.getByLabelText('Somewhere to type');
    fireEvent.keyDown(field, { key: 'Escape' });
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(replace).not.toHaveBeenCalled();
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(replace).toHaveBeenCalledWith(NEUTRAL_SITE);
    expect(onExit).toHaveBeenCalledTimes(1);
  });

  it('one or two Escapes do nothing', () => {
    const replace = vi.spyOn(exitNavigation, 'replace').mockImplementation(() => undefined);
    render(<Page onExit={vi.fn()} />);
    fireEvent.keyDown(window, { key: 'Escape' });
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(replace).not.toHaveBeenCalled();
  });
});
