import { Paper, Text, Timeline, Title } from '@mantine/core';
import { IconBan, IconChecks, IconCircleCheck, IconCircleX, IconClockOff, IconHourglass, IconInbox, IconSend } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { ReferralPublic } from '@/client';
import { useFormat } from '@/lib/format';
import type { ReferralStatus } from '@/lib/vocabulary';

import { timelineOf, waitingFor } from './referral-actions';

const ICONS: Record<ReferralStatus, ReactNode> = {
  sent: <IconSend size={12} aria-hidden="true" />,
  received: <IconInbox size={12} aria-hidden="true" />,
  accepted: <IconCircleCheck size={12} aria-hidden="true" />,
  declined: <IconCircleX size={12} aria-hidden="true" />,
  completed: <IconChecks size={12} aria-hidden="true" />,
  revoked: <IconBan size={12} aria-hidden="true" />,
  expired: <IconClockOff size={12} aria-hidden="true" />,
};

/** The steps the referral went through, with their times, and what it waits for now. */
export function ReferralTimeline({ referral }: { referral: ReferralPublic }) {
  const { t } = useTranslation();
  const format = useFormat();
  const steps = timelineOf(referral);
  const next = waitingFor(referral.status);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="referral-timeline">
      <Title order={2} size="h4" id="referral-timeline" mb="md">
        {t('referral.timeline')}
      </Title>
      <Timeline bulletSize={22} lineWidth={2} active={steps.length - 1} color="teal.9" data-testid="referral-timeline">
        {steps.map((step) => (
          <Timeline.Item key={step.status} bullet={ICONS[step.status]} title={t(`referral.step.${step.status}`)} data-step={step.status}>
            {step.status === 'declined' && referral.decline_reason && (
              <Text size="sm">{t('referral.declinedBecause', { reason: t(`declineReason.${referral.decline_reason}`) })}</Text>
            )}
            <Text size="xs" c="dimmed" mt={2}>
              <time dateTime={step.at}>{format.dateTime(step.at)}</time>
            </Text>
          </Timeline.Item>
        ))}
        {next && (
          <Timeline.Item bullet={<IconHourglass size={12} aria-hidden="true" />} title={t(`referral.waiting.${next}`)} lineVariant="dashed" data-step="waiting">
            {next !== 'completion' && (
              <Text size="xs" c="dimmed" mt={2}>
                {t('referral.dueBy', { time: format.dateTime(referral.due_at) })}
              </Text>
            )}
          </Timeline.Item>
        )}
      </Timeline>
    </Paper>
  );
}
