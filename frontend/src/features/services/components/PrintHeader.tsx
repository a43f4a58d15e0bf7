import { Text, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';

import { useFormat } from '@/lib/format';
import { useMembership } from '@/lib/membership';

/** What a printout carries on paper (hidden on screen): the network, what it is, when it was printed. */
export function PrintHeader({ network, title, children }: { network: string; title: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const membership = useMembership(network);
  const [printedAt, setPrintedAt] = useState(() => new Date());
  useEffect(() => {
    // The time on paper is when it was printed, not when the page was opened.
    const update = () => flushSync(() => setPrintedAt(new Date()));
    window.addEventListener('beforeprint', update);
    return () => window.removeEventListener('beforeprint', update);
  }, []);
  return (
    <div className="print-only" data-testid="print-header">
      <Text size="sm" fw={700}>
        {membership?.network_name ?? network}
      </Text>
      <Title order={2} size="h3">
        {title}
      </Title>
      <Text size="sm">{t('printout.printedAt', { when: format.dateTime(printedAt.toISOString()) })}</Text>
      {children}
    </div>
  );
}
