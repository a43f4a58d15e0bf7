import { ActionIcon, Button, Checkbox, Fieldset, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { AreaPicker } from '@/components/AreaPicker';
import { FormProblem } from '@/components/ConflictAlert';
import { LanguagePicker } from '@/components/LanguagePicker';
import { fieldErrorsFromProblem, generalProblemMessage, isApiError, type ApiError } from '@/lib/problem';
import { GENDERS, POPULATIONS, SERVICE_STATUSES, SERVICE_TYPES, type ServiceStatus, type ServiceType } from '@/lib/vocabulary';

import { LANGUAGE_TAG } from '../api/search';
import { EMAIL, openingHoursError, PHONE, SERVICE_FORM_FIELDS, WEEKDAYS, type ServiceFormValues, type Weekday } from './service-form';

export interface ServiceFormProps {
  mode: 'create' | 'edit';
  initialValues: ServiceFormValues;
  /** The partners the user may choose from (create only). */
  partners: { value: string; label: string }[];
  /** Throws an ApiError on failure; the form keeps every value typed. */
  onSubmit: (values: ServiceFormValues) => Promise<void>;
  onCancel: () => void;
  notice?: ReactNode;
  /** Called with a failure the form itself does not show (e.g. 412). */
  onFailure?: (error: ApiError) => boolean;
}

const FEATURES = ['wheelchair_access', 'sign_language', 'interpreters', 'free_of_charge', 'female_staff'] as const;

export function ServiceForm({ mode, initialValues, partners, onSubmit, onCancel, notice, onFailure }: ServiceFormProps) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<ServiceFormValues>({
    mode: 'controlled',
    initialValues,
    validateInputOnBlur: true,
    validate: {
      partner_id: (value) => (value ? null : t('validation.required')),
      type: (value) => (value ? null : t('validation.required')),
      name: (value) => (!value.trim() ? t('validation.required') : value.length > 200 ? t('validation.maxLength', { max: 200 }) : null),
      description: (value) => (value.length > 4000 ? t('validation.maxLength', { max: 4000 }) : null),
      age_min: (value) => (value !== '' && (value < 0 || value > 130) ? t('serviceForm.ageRange') : null),
      age_max: (value, values) =>
        value !== '' && (value < 0 || value > 130) ? t('serviceForm.ageRange') : value !== '' && values.age_min !== '' && value < values.age_min ? t('serviceForm.ageOrder') : null,
      languages: (value) => (value.every((tag) => LANGUAGE_TAG.test(tag)) ? null : t('validation.languageTag')),
      opening_hours: (value, values) => {
        if (values.open_24_7) return null;
        const error = openingHoursError(value);
        return error === 'hour' ? t('serviceForm.hourFormat') : error === 'duplicate' ? t('serviceForm.hourDuplicate') : null;
      },
      front_door_phone: (value) => (value.trim() && !PHONE.test(value.trim()) ? t('validation.phone') : null),
      front_door_email: (value) => (value.trim() && !EMAIL.test(value.trim()) ? t('validation.email') : null),
    },
  });

  const options = <T extends string>(codes: readonly T[], prefix: string) => codes.map((code) => ({ value: code, label: t(`${prefix}.${code}`) }));

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      await onSubmit(values);
    } catch (error) {
      if (isApiError(error)) {
        if (onFailure?.(error)) return;
        if (error.status === 403) {
          setProblem(t('serviceForm.forbidden'));
          return;
        }
        form.setErrors(fieldErrorsFromProblem(error.problem));
        setProblem(generalProblemMessage(error.problem, SERVICE_FORM_FIELDS));
      } else {
        setProblem(t('common.errorBody'));
      }
    }
  });

  const slots = form.values.opening_hours;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
      <form onSubmit={submit} noValidate data-testid="service-form">
        <Stack gap="md">
          {notice}
          <FormProblem message={problem} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('serviceForm.partner')}
              description={mode === 'edit' ? t('serviceForm.partnerFixed') : undefined}
              required
              searchable
              data={partners}
              disabled={mode === 'edit'}
              nothingFoundMessage={t('serviceForm.noPartner')}
              {...form.getInputProps('partner_id')}
            />
            <Select
              label={t('services.type')}
              required
              searchable
              data={options(SERVICE_TYPES, 'serviceType')}
              {...form.getInputProps('type')}
              onChange={(value) => form.setFieldValue('type', value as ServiceType | null)}
            />
            <TextInput label={t('serviceForm.name')} required {...form.getInputProps('name')} />
            <Select
              label={t('serviceForm.status')}
              data={options(SERVICE_STATUSES, 'serviceStatus')}
              allowDeselect={false}
              {...form.getInputProps('status')}
              onChange={(value) => value && form.setFieldValue('status', value as ServiceStatus)}
            />
          </SimpleGrid>
          <Textarea label={t('serviceForm.description')} description={t('serviceForm.descriptionHint')} autosize minRows={2} maxRows={8} {...form.getInputProps('description')} />
          <Checkbox label={t('services.entryPoint')} description={t('serviceForm.entryPointHint')} {...form.getInputProps('entry_point', { type: 'checkbox' })} />

          <Fieldset legend={t('serviceForm.eligibility')} variant="filled">
            <Stack gap="sm">
              <MultiSelect
                label={t('services.populations')}
                description={t('serviceForm.everyoneHint')}
                data={options(POPULATIONS, 'population')}
                searchable
                clearable
                {...form.getInputProps('populations')}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <NumberInput label={t('serviceForm.ageMin')} min={0} max={130} allowDecimal={false} allowNegative={false} {...form.getInputProps('age_min')} />
                <NumberInput label={t('serviceForm.ageMax')} min={0} max={130} allowDecimal={false} allowNegative={false} {...form.getInputProps('age_max')} />
                <MultiSelect label={t('services.genders')} description={t('serviceForm.anyoneHint')} data={options(GENDERS, 'gender')} clearable {...form.getInputProps('genders')} />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <LanguagePicker label={t('services.languages')} description={t('languages.pickerHint')} maxValues={20} {...form.getInputProps('languages')} data-testid="service-languages" />
                <AreaPicker label={t('services.areas')} description={t('areas.pickerHint')} maxValues={50} {...form.getInputProps('areas')} data-testid="service-areas" />
              </SimpleGrid>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('services.hours')} variant="filled">
            <Stack gap="sm">
              <Switch label={t('services.open247')} {...form.getInputProps('open_24_7', { type: 'checkbox' })} />
              {!form.values.open_24_7 && (
                <>
                  {slots.length === 0 && <Text size="sm">{t('serviceForm.noHours')}</Text>}
                  {slots.map((_slot, index) => (
                    <Group key={index} gap="xs" align="flex-end" wrap="wrap">
                      <Select
                        label={t('serviceForm.day')}
                        data={WEEKDAYS.map((day) => ({ value: day, label: t(`weekday.${day}`) }))}
                        allowDeselect={false}
                        w={110}
                        {...form.getInputProps(`opening_hours.${index}.day`)}
                        onChange={(value) => value && form.setFieldValue(`opening_hours.${index}.day`, value as Weekday)}
                      />
                      <TextInput label={t('serviceForm.opens')} type="time" w={120} {...form.getInputProps(`opening_hours.${index}.opens`)} error={undefined} />
                      <TextInput label={t('serviceForm.closes')} type="time" w={120} {...form.getInputProps(`opening_hours.${index}.closes`)} error={undefined} />
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        size="lg"
                        mb={2}
                        onClick={() => form.removeListItem('opening_hours', index)}
                        aria-label={t('serviceForm.removeHours', { n: index + 1 })}
                      >
                        <IconTrash size={16} aria-hidden="true" />
                      </ActionIcon>
                    </Group>
                  ))}
                  {form.errors.opening_hours && (
                    <Text size="sm" c="red.9" role="alert">
                      {form.errors.opening_hours}
                    </Text>
                  )}
                  <Group>
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconPlus size={14} aria-hidden="true" />}
                      onClick={() => {
                        const last = slots[slots.length - 1];
                        const nextDay = last ? WEEKDAYS[(WEEKDAYS.indexOf(last.day) + 1) % 7]! : 'mon';
                        form.insertListItem('opening_hours', { day: nextDay, opens: last?.opens ?? '09:00', closes: last?.closes ?? '17:00' });
                      }}
                    >
                      {t('serviceForm.addHours')}
                    </Button>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('serviceForm.hoursHint')}
                  </Text>
                </>
              )}
            </Stack>
          </Fieldset>

          <Fieldset legend={t('serviceForm.access')} variant="filled">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              {FEATURES.map((key) => (
                <Checkbox key={key} label={t(`services.feature.${key}`)} {...form.getInputProps(key, { type: 'checkbox' })} />
              ))}
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend={t('services.frontDoor')} variant="filled">
            <Text size="xs" c="dimmed" mb="xs">
              {t('serviceForm.frontDoorHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t('serviceForm.phone')} type="tel" description={t('partner.contacts.phoneHint')} {...form.getInputProps('front_door_phone')} />
              <TextInput label={t('serviceForm.email')} type="email" {...form.getInputProps('front_door_email')} />
            </SimpleGrid>
          </Fieldset>

          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {mode === 'create' ? t('serviceForm.create') : t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
