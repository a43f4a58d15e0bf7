import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconBan, IconChecks, IconCircleCheck, IconCircleX, IconInbox } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { ReferralPublic, ReferralTransition } from '@/client';
import { ConfirmDeleteModal } from '@/components/ConfirmDeleteModal';
import { ConflictAlert, FormProblem } from '@/components/ConflictAlert';
import { notify } from '@/components/notify';
import { fieldErrorsFromProblem, generalProblemMessage, isApiError } from '@/lib/problem';
import { DECLINE_REASONS, type DeclineReason } from '@/lib/vocabulary';

import { useMoveReferral, usePathwaysFrom, type ServiceName } from '../api/referrals';
import { ACTION_STATUS, referralActions, sidesOf, type ReferralAction } from './referral-actions';

const ICONS: Record<ReferralAction, ReactNode> = {
  receive: <IconInbox size={16} aria-hidden="true" />,
  accept: <IconCircleCheck size={16} aria-hidden="true" />,
  decline: <IconCircleX size={16} aria-hidden="true" />,
  complete: <IconChecks size={16} aria-hidden="true" />,
  revoke: <IconBan size={16} aria-hidden="true" />,
};

/** The services a declined referral may be passed on to: along the receiving service's pathways first, then any other. */
function useOnwardOptions(network: string, referral: ReferralPublic, services: ServiceName[], enabled: boolean) {
  const { t } = useTranslation();
  const pathways = usePathwaysFrom(network, enabled ? referral.receiver.service_id : null);
  const along = (pathways.data ?? []).filter((p) => referral.needs.every((need) => p.needs.includes(need)));
  const alongIds = new Set(along.map((p) => p.to_service.id));
  const label = (name: string, partner: string) => `${name} — ${partner}`;
  return {
    pending: enabled && pathways.isPending,
    data: [
      { group: t('referralActions.onwardAlong'), items: along.map((p) => ({ value: p.to_service.id, label: label(p.to_service.name, p.to_service.partner_name) })) },
      {
        group: t('referralActions.onwardOther'),
        items: services
          .filter((s) => s.status === 'active' && s.id !== referral.receiver.service_id && !alongIds.has(s.id))
          .map((s) => ({ value: s.id, label: label(s.name, s.partner_name) })),
      },
    ].filter((group) => group.items.length > 0),
  };
}

/**
 * The next steps the caller may take, one button each: the receiving partner's editors mark
 * it received, accept or decline it (with a reason; "referred onward" names the next
 * service) and complete it; the sending partner's editors revoke it. Each step sends the
 * version read (If-Match): a stale one (412), or a referral that moved on meanwhile (409),
 * asks to reload.
 */
export function ReferralActions({
  network,
  referral,
  ownPartnerIds,
  services,
  onReload,
}: {
  network: string;
  referral: ReferralPublic;
  ownPartnerIds: readonly string[];
  /** Every service of the network, for the onward choice. */
  services: ServiceName[];
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const move = useMoveReferral(network, referral.id);
  const actions = referralActions(referral, ownPartnerIds);
  const [declining, setDeclining] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [reason, setReason] = useState<DeclineReason | null>(null);
  const [onward, setOnward] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<ReferralAction | null>(null);
  const onwardOptions = useOnwardOptions(network, referral, services, declining && reason === 'referred_onward');

  if (actions.length === 0 && !stale) return null;

  const run = async (action: ReferralAction, extra: Omit<ReferralTransition, 'status'> = {}) => {
    setProblem(null);
    setErrors({});
    setPending(action);
    try {
      const moved = await move.mutateAsync({ body: { status: ACTION_STATUS[action], ...extra }, version: referral.version });
      setDeclining(false);
      setRevoking(false);
      setReason(null);
      setOnward(null);
      notify(t(moved.onward_referral_id ? 'referralActions.done.onward' : `referralActions.done.${action}`));
    } catch (error) {
      setRevoking(false);
      if (!isApiError(error)) {
        setProblem(t('common.errorBody'));
      } else if (error.status === 412 || (error.status === 409 && !(error.problem?.errors ?? []).some((e) => e.field === 'body.onward_service_id'))) {
        // Someone moved it first (or it expired): what is shown is out of date.
        setDeclining(false);
        setStale(true);
      } else if (error.status === 403) {
        setProblem(t('referralActions.forbidden'));
      } else {
        const fields = fieldErrorsFromProblem(error.problem);
        setErrors(fields);
        setProblem(generalProblemMessage(error.problem, ['decline_reason', 'onward_service_id']));
      }
    } finally {
      setPending(null);
    }
  };

  const submitDecline = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!reason) missing.decline_reason = t('referralActions.reasonRequired');
    if (reason === 'referred_onward' && !onward) missing.onward_service_id = t('referralActions.onwardRequired');
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    void run('decline', { decline_reason: reason, onward_service_id: reason === 'referred_onward' ? onward : null });
  };

  const button = (action: ReferralAction, onClick: () => void, variant: 'filled' | 'default' = 'filled') => (
    <Button key={action} leftSection={ICONS[action]} variant={variant} onClick={onClick} loading={pending === action} disabled={pending !== null && pending !== action} data-testid={`referral-action-${action}`}>
      {t(`referralActions.${action}`)}
    </Button>
  );

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="referral-actions" data-testid="referral-actions">
      <Stack gap="md">
        <Title order={2} size="h4" id="referral-actions">
          {t('referralActions.title')}
        </Title>
        {stale && (
          <ConflictAlert
            reloading={reloading}
            onReload={async () => {
              setReloading(true);
              await onReload();
              setReloading(false);
              setStale(false);
            }}
          />
        )}
        <FormProblem message={problem} />
        {!stale && !declining && (
          <>
            <Text size="sm" c="dimmed">
              {sidesOf(referral, ownPartnerIds).receiver ? t(`referralActions.hint.${referral.status}`) : t('referralActions.hint.sender')}
            </Text>
            <Group gap="sm">
              {actions.map((action) =>
                action === 'decline'
                  ? button(action, () => setDeclining(true), 'default')
                  : action === 'revoke'
                    ? button(action, () => setRevoking(true), 'default')
                    : button(action, () => void run(action)),
              )}
            </Group>
          </>
        )}
        {!stale && declining && (
          <form onSubmit={submitDecline} noValidate data-testid="decline-form">
            <Stack gap="sm">
              <Select
                label={t('referralActions.reason')}
                description={t('referralActions.reasonHint')}
                required
                allowDeselect={false}
                data={DECLINE_REASONS.map((code) => ({ value: code, label: t(`declineReason.${code}`) }))}
                value={reason}
                onChange={(value) => {
                  setReason(value as DeclineReason | null);
                  setErrors({});
                }}
                error={errors.decline_reason}
                data-testid="decline-reason"
              />
              {reason === 'referred_onward' && (
                <Select
                  label={t('referralActions.onward')}
                  description={t('referralActions.onwardHint')}
                  required
                  searchable
                  data={onwardOptions.data}
                  value={onward}
                  onChange={(value) => {
                    setOnward(value);
                    setErrors({});
                  }}
                  error={errors.onward_service_id}
                  nothingFoundMessage={t('pathwayForm.noService')}
                  disabled={onwardOptions.pending}
                  data-testid="decline-onward"
                />
              )}
              <Group gap="sm" justify="flex-end">
                <Button variant="default" onClick={() => setDeclining(false)} disabled={pending !== null}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" leftSection={ICONS.decline} loading={pending === 'decline'} data-testid="decline-submit">
                  {reason === 'referred_onward' ? t('referralActions.declineOnward') : t('referralActions.declineSubmit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
      <ConfirmDeleteModal
        opened={revoking}
        onClose={() => setRevoking(false)}
        title={t('referralActions.revokeTitle')}
        message={t('referralActions.revokeConfirm')}
        actionLabel={t('referralActions.revokeAction')}
        onConfirm={() => void run('revoke')}
        loading={pending === 'revoke'}
      />
    </Paper>
  );
}
