import { Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { notify } from '@/components/notify';

import type { AssessmentPublic } from '@/client';
import { ConflictAlert, FormProblem } from '@/components/ConflictAlert';
import { ErrorState, LoadingState } from '@/components/States';
import { useFormat } from '@/lib/format';
import { fieldErrorsFromProblem, generalProblemMessage, isApiError } from '@/lib/problem';
import { DECISION_AUTHORITIES, type DecisionAuthority } from '@/lib/vocabulary';

import { useAssessment, useUpdateAssessment } from '../api/partners';
import { assessmentToForm, formToAssessmentUpdate, SCORE_FIELDS, scoreError, type AssessmentFormValues } from './assessment-form';

const FORM_FIELDS = [...SCORE_FIELDS, 'risks', 'champion', 'decision_authority'];

function AssessmentForm({
  network,
  partnerId,
  assessment,
  etag,
  onReload,
}: {
  network: string;
  partnerId: string;
  assessment: AssessmentPublic;
  etag: string;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const update = useUpdateAssessment(network, partnerId);
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<AssessmentFormValues>({
    mode: 'controlled',
    initialValues: assessmentToForm(assessment),
    validateInputOnChange: [...SCORE_FIELDS, 'risks'],
    validate: {
      trusted_by_survivors: (value) => (scoreError(value) ? t('partner.assessment.scoreRange') : null),
      connected_respected: (value) => (scoreError(value) ? t('partner.assessment.scoreRange') : null),
      influence: (value) => (scoreError(value) ? t('partner.assessment.scoreRange') : null),
      commitment: (value) => (scoreError(value) ? t('partner.assessment.scoreRange') : null),
      risks: (value) => (value.length > 4000 ? t('validation.maxLength', { max: 4000 }) : null),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      await update.mutateAsync({ body: formToAssessmentUpdate(values), etag });
      notify(t('partner.assessment.saved'));
    } catch (error) {
      // What was typed stays in the form; the API's messages go next to their fields.
      if (isApiError(error, 412)) setConflict(true);
      else if (isApiError(error)) {
        form.setErrors(fieldErrorsFromProblem(error.problem));
        setProblem(generalProblemMessage(error.problem, FORM_FIELDS));
      } else setProblem(t('common.errorBody'));
    }
  });

  const scoreInput = (field: (typeof SCORE_FIELDS)[number]) => (
    <NumberInput
      key={field}
      label={t(`partner.assessment.${field}`)}
      description={t('partner.assessment.scoreHint')}
      min={1}
      max={5}
      step={1}
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="none"
      hideControls
      placeholder={t('partner.assessment.notAssessed')}
      {...form.getInputProps(field)}
      data-testid={`score-${field}`}
    />
  );

  return (
    <form onSubmit={submit} noValidate data-testid="assessment-form">
      <Stack gap="md">
        {conflict && (
          <ConflictAlert
            reloading={reloading}
            onReload={async () => {
              setReloading(true);
              await onReload();
              setReloading(false);
            }}
          />
        )}
        <FormProblem message={problem} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {SCORE_FIELDS.map(scoreInput)}
        </SimpleGrid>
        <Select
          label={t('partner.assessment.decision_authority')}
          description={t('partner.assessment.decisionAuthorityHint')}
          data={DECISION_AUTHORITIES.map((code) => ({ value: code, label: t(`decisionAuthority.${code}`) }))}
          allowDeselect={false}
          {...form.getInputProps('decision_authority')}
          onChange={(value) => value && form.setFieldValue('decision_authority', value as DecisionAuthority)}
        />
        <Textarea
          label={t('partner.assessment.risks')}
          description={t('partner.assessment.risksHint')}
          autosize
          minRows={2}
          maxRows={8}
          {...form.getInputProps('risks')}
        />
        <Checkbox label={t('partner.assessment.champion')} {...form.getInputProps('champion', { type: 'checkbox' })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
            {t('common.discard')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('partner.assessment.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AssessmentSummary({ assessment }: { assessment: AssessmentPublic }) {
  const { t } = useTranslation();
  const none = t('partner.assessment.notAssessed');
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
      {SCORE_FIELDS.map((field) => (
        <Stack gap={2} key={field}>
          <Text size="sm" c="dimmed" component="dt">
            {t(`partner.assessment.${field}`)}
          </Text>
          <Text component="dd" m={0} fw={600}>
            {assessment[field] === null ? none : t('partner.assessment.scoreOf', { score: assessment[field] })}
          </Text>
        </Stack>
      ))}
      <Stack gap={2}>
        <Text size="sm" c="dimmed" component="dt">
          {t('partner.assessment.decision_authority')}
        </Text>
        <Text component="dd" m={0}>
          {t(`decisionAuthority.${assessment.decision_authority}`)}
        </Text>
      </Stack>
      <Stack gap={2}>
        <Text size="sm" c="dimmed" component="dt">
          {t('partner.assessment.champion')}
        </Text>
        <Text component="dd" m={0}>
          {assessment.champion ? t('common.yes') : t('common.no')}
        </Text>
      </Stack>
      <Stack gap={2} style={{ gridColumn: '1 / -1' }}>
        <Text size="sm" c="dimmed" component="dt">
          {t('partner.assessment.risks')}
        </Text>
        <Text component="dd" m={0} style={{ whiteSpace: 'pre-line' }}>
          {assessment.risks ?? t('common.none')}
        </Text>
      </Stack>
    </SimpleGrid>
  );
}

export function AssessmentPanel({
  network,
  partnerId,
  canEdit,
  visible,
}: {
  network: string;
  partnerId: string;
  canEdit: boolean;
  /** False when the partner came without its assessment: only coordinators may read it here. */
  visible: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const assessment = useAssessment(network, partnerId, visible);
  if (!visible) {
    return (
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="assessment-title">
        <Title order={2} size="h4" id="assessment-title" mb={4}>
          {t('partner.assessment.title')}
        </Title>
        <Text size="sm" c="dimmed" data-testid="assessment-coordinators-only">
          {t('partner.assessment.coordinatorsOnly')}
        </Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="assessment-title">
      <Stack gap={4} mb="md">
        <Title order={2} size="h4" id="assessment-title">
          {t('partner.assessment.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {assessment.data?.data.assessed_at
            ? t('partner.assessment.lastAssessed', { date: format.dateTime(assessment.data.data.assessed_at) })
            : t('partner.assessment.intro')}
        </Text>
      </Stack>
      {assessment.isPending && <LoadingState />}
      {assessment.isError && <ErrorState onRetry={() => void assessment.refetch()} />}
      {assessment.data &&
        (canEdit && assessment.data.etag ? (
          <AssessmentForm
            // A new version (saved, or reloaded after a conflict) starts a fresh form: nothing stale stays.
            key={assessment.data.etag}
            network={network}
            partnerId={partnerId}
            assessment={assessment.data.data}
            etag={assessment.data.etag}
            onReload={() => assessment.refetch()}
          />
        ) : (
          <AssessmentSummary assessment={assessment.data.data} />
        ))}
    </Paper>
  );
}
