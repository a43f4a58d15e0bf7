import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

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
  afterEach(() => vi.restoreAllMocks());

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
