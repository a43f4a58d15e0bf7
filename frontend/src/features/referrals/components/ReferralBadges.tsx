import { Badge } from '@mantine/core';
import { IconBan, IconBolt, IconCalendar, IconChecks, IconCircleCheck, IconCircleX, IconClockExclamation, IconClockOff, IconInbox, IconSend, IconSun } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { ReferralStatus, Urgency } from '@/lib/vocabulary';

// Calm: a colour, an icon and a word for each status, never an alarm red. Dark text on the
// light tint keeps the contrast (as the other badges of the app).
const STATUS_LOOK: Record<ReferralStatus, { colour: string; icon: ReactNode }> = {
  sent: { colour: 'blue', icon: <IconSend size={12} aria-hidden="true" /> },
  received: { colour: 'cyan', icon: <IconInbox size={12} aria-hidden="true" /> },
  accepted: { colour: 'teal', icon: <IconCircleCheck size={12} aria-hidden="true" /> },
  completed: { colour: 'green', icon: <IconChecks size={12} aria-hidden="true" /> },
  declined: { colour: 'yellow', icon: <IconCircleX size={12} aria-hidden="true" /> },
  revoked: { colour: 'gray', icon: <IconBan size={12} aria-hidden="true" /> },
  expired: { colour: 'gray', icon: <IconClockOff size={12} aria-hidden="true" /> },
};

const URGENCY_LOOK: Record<Urgency, { colour: string; icon: ReactNode }> = {
  immediate: { colour: 'orange', icon: <IconBolt size={12} aria-hidden="true" /> },
  same_day: { colour: 'yellow', icon: <IconSun size={12} aria-hidden="true" /> },
  routine: { colour: 'gray', icon: <IconCalendar size={12} aria-hidden="true" /> },
};

const DARK_LABEL = { label: { color: 'var(--mantine-color-dark-8)', whiteSpace: 'nowrap' } } as const;

export function statusColour(status: ReferralStatus): string {
  return STATUS_LOOK[status].colour;
}

export function StatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_LOOK[status].colour} variant="light" styles={DARK_LABEL} leftSection={STATUS_LOOK[status].icon} data-status={status}>
      {t(`referralStatus.${status}`)}
    </Badge>
  );
}

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation();
  return (
    <Badge color={URGENCY_LOOK[urgency].colour} variant="outline" styles={DARK_LABEL} leftSection={URGENCY_LOOK[urgency].icon}>
      {t(`urgency.${urgency}`)}
    </Badge>
  );
}

/** Not answered (accepted or declined) in the agreed time: someone may be waiting. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="orange" variant="light" styles={DARK_LABEL} leftSection={<IconClockExclamation size={12} aria-hidden="true" />} data-testid="overdue-badge">
      {t('referrals.overdue')}
    </Badge>
  );
}
