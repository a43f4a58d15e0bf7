import { Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { AreaPicker } from '@/components/AreaPicker';
import { FormProblem } from '@/components/ConflictAlert';
import { LanguagePicker } from '@/components/LanguagePicker';
import { fieldErrorsFromProblem, generalProblemMessage, isApiError, type ApiError } from '@/lib/problem';
import { LEVELS, POPULATIONS, SECTORS, STAGES, type Level, type Sector, type Stage } from '@/lib/vocabulary';

import { LANGUAGE_TAG, PARTNER_FORM_FIELDS, type PartnerFormValues } from './partner-form';

export interface PartnerFormProps {
  mode: 'create' | 'edit';
  initialValues: PartnerFormValues;
  /** Throws an ApiError on failure; the form keeps every value typed. */
  onSubmit: (values: PartnerFormValues) => Promise<void>;
  onCancel: () => void;
  /** Rendered above the form (e.g. a conflict notice). */
  notice?: ReactNode;
  /** Called with a failure the form itself does not show (e.g. 412). */
  onFailure?: (error: ApiError) => boolean;
}

export function PartnerForm({ mode, initialValues, onSubmit, onCancel, notice, onFailure }: PartnerFormProps) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<PartnerFormValues>({
    mode: 'controlled',
    initialValues,
    validateInputOnBlur: true,
    validate: {
      name: (value) => (!value.trim() ? t('validation.required') : value.length > 200 ? t('validation.maxLength', { max: 200 }) : null),
      acronym: (value) => (value.length > 30 ? t('validation.maxLength', { max: 30 }) : null),
      description: (value) => (value.length > 4000 ? t('validation.maxLength', { max: 4000 }) : null),
      sector: (value) => (value ? null : t('validation.required')),
      languages: (value) => (value.every((tag) => LANGUAGE_TAG.test(tag)) ? null : t('validation.languageTag')),
    },
  });

  const options = <T extends string>(codes: readonly T[], prefix: string) =>
    codes.map((code) => ({ value: code, label: t(`${prefix}.${code}`) }));

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      await onSubmit(values);
    } catch (error) {
      if (isApiError(error)) {
        if (onFailure?.(error)) return;
        form.setErrors(fieldErrorsFromProblem(error.problem));
        setProblem(generalProblemMessage(error.problem, PARTNER_FORM_FIELDS));
      } else {
        setProblem(t('common.errorBody'));
      }
    }
  });

  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
      <form onSubmit={submit} noValidate data-testid="partner-form">
        <Stack gap="md">
          {notice}
          <FormProblem message={problem} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label={t('partner.fields.name')} required {...form.getInputProps('name')} />
            <TextInput label={t('partner.fields.acronym')} {...form.getInputProps('acronym')} />
            <Select
              label={t('partner.fields.sector')}
              required
              searchable
              data={options(SECTORS, 'sector')}
              {...form.getInputProps('sector')}
              onChange={(value) => form.setFieldValue('sector', value as Sector | null)}
            />
            <Select
              label={t('partner.fields.level')}
              data={options(LEVELS, 'level')}
              allowDeselect={false}
              {...form.getInputProps('level')}
              onChange={(value) => value && form.setFieldValue('level', value as Level)}
            />
            {mode === 'create' && (
              <Select
                label={t('partner.fields.startStage')}
                data={options(STAGES, 'stage')}
                allowDeselect={false}
                {...form.getInputProps('stage')}
                onChange={(value) => value && form.setFieldValue('stage', value as Stage)}
              />
            )}
            <TextInput
              label={t('partner.fields.website')}
              description={t('partner.fields.websiteHint')}
              type="url"
              {...form.getInputProps('website')}
              data-testid="field-website"
            />
          </SimpleGrid>
          <Textarea
            label={t('partner.fields.description')}
            description={t('partner.fields.descriptionHint')}
            autosize
            minRows={3}
            maxRows={10}
            {...form.getInputProps('description')}
          />
          <MultiSelect
            label={t('partner.fields.populations')}
            data={options(POPULATIONS, 'population')}
            searchable
            clearable
            {...form.getInputProps('populations')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <LanguagePicker label={t('partner.fields.languages')} description={t('languages.pickerHint')} maxValues={20} {...form.getInputProps('languages')} />
            <AreaPicker label={t('partner.fields.areas')} description={t('areas.pickerHint')} maxValues={50} {...form.getInputProps('areas')} />
            <TagsInput label={t('partner.fields.tags')} description={t('partners.filters.enterHint')} {...form.getInputProps('tags')} maxTags={50} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {mode === 'create' ? t('partner.create') : t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
