import { Button, Checkbox, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { FormProblem } from '@/components/ConflictAlert';
import { AnchorLink } from '@/components/links';
import { fieldErrorsFromProblem, generalProblemMessage, isApiError, recordIdFrom, type ApiError } from '@/lib/problem';
import { CHANNELS, NEEDS, type Channel } from '@/lib/vocabulary';

import { DATE, PATHWAY_FORM_FIELDS, PATHWAY_STATUSES, type PathwayFormValues } from './pathway-form';
import { DayInput } from '@/components/DayInput';

export interface PathwayFormProps {
  mode: 'create' | 'edit';
  /** The network's slug, for the link to a pathway that already joins the two services. */
  network: string;
  initialValues: PathwayFormValues;
  /** Services a pathway may start from (those the user may send from) and go to (any). */
  fromOptions: { value: string; label: string }[];
  toOptions: { value: string; label: string }[];
  onSubmit: (values: PathwayFormValues) => Promise<void>;
  onCancel: () => void;
  notice?: ReactNode;
  onFailure?: (error: ApiError) => boolean;
}

export function PathwayForm({ mode, network, initialValues, fromOptions, toOptions, onSubmit, onCancel, notice, onFailure }: PathwayFormProps) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const [existing, setExisting] = useState<string | null>(null);
  const form = useForm<PathwayFormValues>({
    mode: 'controlled',
    initialValues,
    validateInputOnBlur: true,
    validate: {
      from_service_id: (value) => (value ? null : t('validation.required')),
      to_service_id: (value, values) => (!value ? t('validation.required') : value === values.from_service_id ? t('pathwayForm.sameService') : null),
      needs: (value) => (value.length ? null : t('pathwayForm.needsRequired')),
      channel: (value) => (value ? null : t('validation.required')),
      mandatory_reporting_note: (value) => (value.length > 1000 ? t('validation.maxLength', { max: 1000 }) : null),
      expected_response_minutes: (value) => (value !== '' && (value < 1 || value > 129600) ? t('pathwayForm.minutesRange') : null),
      protocol_reference: (value) => (value.length > 500 ? t('validation.maxLength', { max: 500 }) : null),
      agreement_reference: (value) => (value.length > 200 ? t('validation.maxLength', { max: 200 }) : null),
      review_date: (value) => (value && !DATE.test(value) ? t('pathwayForm.dateFormat') : null),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    setExisting(null);
    try {
      await onSubmit(values);
    } catch (error) {
      if (isApiError(error)) {
        if (onFailure?.(error)) return;
        if (error.status === 403) {
          setProblem(t('pathwayForm.forbidden'));
          return;
        }
        form.setErrors(fieldErrorsFromProblem(error.problem));
        // A duplicate pathway (409) names the other pathway's id at the field: say it in words instead.
        if (error.status === 409 && !(error.problem?.errors ?? []).some((e) => e.field !== 'body.to_service_id')) {
          form.setFieldError('to_service_id', t('pathwayForm.duplicate'));
          setExisting(recordIdFrom(error.location, 'pathways'));
          setProblem(null);
          return;
        }
        setProblem(generalProblemMessage(error.problem, PATHWAY_FORM_FIELDS));
      } else {
        setProblem(t('common.errorBody'));
      }
    }
  });

  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
      <form onSubmit={submit} noValidate data-testid="pathway-form">
        <Stack gap="md">
          {notice}
          <FormProblem message={problem} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('pathwayForm.from')}
              description={mode === 'edit' ? t('pathwayForm.endsFixed') : t('pathwayForm.fromHint')}
              required
              searchable
              disabled={mode === 'edit'}
              data={fromOptions}
              nothingFoundMessage={t('pathwayForm.noService')}
              {...form.getInputProps('from_service_id')}
            />
            <Select
              label={t('pathwayForm.to')}
              description={mode === 'edit' ? t('pathwayForm.endsFixed') : t('pathwayForm.toHint')}
              required
              searchable
              disabled={mode === 'edit'}
              data={toOptions.filter((option) => option.value !== form.values.from_service_id)}
              nothingFoundMessage={t('pathwayForm.noService')}
              {...form.getInputProps('to_service_id')}
            />
          </SimpleGrid>
          {existing && (
            <AnchorLink to="/n/$network/services/pathways/$pathwayId" params={{ network, pathwayId: existing }} data-testid="existing-pathway">
              {t('pathwayForm.openExisting')}
            </AnchorLink>
          )}
          <MultiSelect
            label={t('pathwayForm.needs')}
            description={t('pathwayForm.needsHint')}
            required
            searchable
            data={NEEDS.map((code) => ({ value: code, label: t(`need.${code}`) }))}
            {...form.getInputProps('needs')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <Select
              label={t('pathwayForm.channel')}
              required
              data={CHANNELS.map((code) => ({ value: code, label: t(`channel.${code}`) }))}
              {...form.getInputProps('channel')}
              onChange={(value) => form.setFieldValue('channel', value as Channel | null)}
            />
            <NumberInput
              label={t('pathwayForm.expected')}
              description={t('pathwayForm.expectedHint')}
              min={1}
              max={129600}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('expected_response_minutes')}
            />
            <Select
              label={t('pathwayForm.status')}
              description={t('pathwayForm.statusHint')}
              allowDeselect={false}
              data={PATHWAY_STATUSES.map((code) => ({ value: code, label: t(`pathwayStatus.${code}`) }))}
              {...form.getInputProps('status')}
              onChange={(value) => value && form.setFieldValue('status', value as PathwayFormValues['status'])}
            />
          </SimpleGrid>
          <Checkbox label={t('pathwayForm.consent')} description={t('pathwayForm.consentHint')} {...form.getInputProps('consent_required', { type: 'checkbox' })} />
          <Textarea
            label={t('pathwayForm.mandatoryReporting')}
            description={t('pathwayForm.mandatoryReportingHint')}
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps('mandatory_reporting_note')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput label={t('pathwayForm.protocol')} {...form.getInputProps('protocol_reference')} />
            <TextInput label={t('pathwayForm.agreement')} description={t('pathwayForm.agreementHint')} {...form.getInputProps('agreement_reference')} />
            <DayInput label={t('pathwayForm.reviewDate')} {...form.getInputProps('review_date')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {mode === 'create' ? t('pathwayForm.create') : t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
