import { Button, Paper, Select, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFlag } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { notify } from '@/components/notify';

import type { PartnerPublic } from '@/client';
import { StageBadge } from '@/components/CodeBadges';
import { ConflictAlert, FormProblem } from '@/components/ConflictAlert';
import { ErrorState, LoadingState } from '@/components/States';
import { useFormat } from '@/lib/format';
import { useIdempotencyKey } from '@/lib/idempotency';
import { fieldErrorsFromProblem, generalProblemMessage, isApiError } from '@/lib/problem';
import { STAGES, type Stage } from '@/lib/vocabulary';

import { useChangeStage, useStageHistory } from '../api/partners';

function MoveStageForm({
  network,
  partner,
  etag,
  onReload,
}: {
  network: string;
  partner: PartnerPublic;
  etag: string;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const change = useChangeStage(network, partner.id);
  const keyFor = useIdempotencyKey();
  const [conflict, setConflict] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const form = useForm<{ stage: string | null; note: string }>({
    mode: 'controlled',
    initialValues: { stage: null, note: '' },
    validate: {
      stage: (value) => (value ? null : t('partner.stage.chooseRequired')),
      note: (value) => (value.length > 2000 ? t('validation.maxLength', { max: 2000 }) : null),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    const body = { stage: values.stage as Stage, note: values.note.trim() || null };
    try {
      await change.mutateAsync({ ...body, etag, idempotencyKey: keyFor({ ...body, partner: partner.id, from: etag }) });
      notify(t('partner.stage.moved', { stage: t(`stage.${body.stage}`) }));
      form.reset();
    } catch (error) {
      if (isApiError(error, 412)) setConflict(true);
      else if (isApiError(error)) {
        form.setErrors(fieldErrorsFromProblem(error.problem));
        setProblem(generalProblemMessage(error.problem, ['stage', 'note']));
      } else setProblem(t('common.errorBody'));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {conflict && (
          <ConflictAlert
            reloading={reloading}
            onReload={async () => {
              setReloading(true);
              await onReload();
              setReloading(false);
              setConflict(false);
              form.reset();
            }}
          />
        )}
        <FormProblem message={problem} />
        <Select
          label={t('partner.stage.moveTo')}
          data={STAGES.filter((stage) => stage !== partner.stage).map((stage) => ({ value: stage, label: t(`stage.${stage}`) }))}
          required
          {...form.getInputProps('stage')}
          data-testid="stage-select"
        />
        <Textarea
          label={t('partner.stage.note')}
          description={t('partner.stage.noteHint')}
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('note')}
        />
        <Button type="submit" loading={change.isPending} leftSection={<IconFlag size={16} aria-hidden="true" />}>
          {t('partner.stage.move')}
        </Button>
      </Stack>
    </form>
  );
}

export function StagePanel({
  network,
  partner,
  etag,
  canMove,
  onReload,
}: {
  network: string;
  partner: PartnerPublic;
  etag: string | null;
  canMove: boolean;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useStageHistory(network, partner.id);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="stage-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="stage-title">
          {t('partner.stage.title')}
        </Title>
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('partner.stage.current')}
          </Text>
          <div data-testid="current-stage">
            <StageBadge stage={partner.stage} />
          </div>
          <Text size="xs" c="dimmed">
            {t('partner.stage.since', { date: format.date(partner.stage_changed_at) })}
          </Text>
        </Stack>
        {canMove && etag && <MoveStageForm network={network} partner={partner} etag={etag} onReload={onReload} />}
        <Title order={3} size="h5">
          {t('partner.stage.history')}
        </Title>
        {history.isPending && <LoadingState />}
        {history.isError && <ErrorState onRetry={() => void history.refetch()} />}
        {history.data && history.data.items.length === 0 && <Text size="sm">{t('partner.stage.noHistory')}</Text>}
        {history.data && history.data.items.length > 0 && (
          <Timeline bulletSize={14} lineWidth={2} active={0} data-testid="stage-history">
            {history.data.items.map((change) => (
              <Timeline.Item
                key={change.id}
                title={
                  change.from_stage
                    ? t('partner.stage.changeFromTo', { from: t(`stage.${change.from_stage}`), to: t(`stage.${change.to_stage}`) })
                    : t('partner.stage.changeStart', { to: t(`stage.${change.to_stage}`) })
                }
              >
                {change.note && (
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {change.note}
                  </Text>
                )}
                <Text size="xs" c="dimmed" mt={2}>
                  {[format.dateTime(change.changed_at), change.changed_by_name].filter(Boolean).join(' · ')}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
    </Paper>
  );
}
