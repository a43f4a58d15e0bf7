import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { AreaPublic } from '@/client';
import { FormProblem } from '@/components/ConflictAlert';
import { areaEntries } from '@/lib/areas';
import { useIdempotencyKey } from '@/lib/idempotency';
import { fieldErrorsFromProblem, generalProblemMessage, isApiError } from '@/lib/problem';

import { useCreateArea, useUpdateArea } from '../api/areas';

const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FIELDS = ['code', 'names', 'parent_id'];

export interface AreaFormValues {
  code: string;
  en: string;
  fr: string;
  es: string;
  parent_id: string | null;
}

/** A code people can read from the English name: "North District" → `north-district`. */
export function codeFrom(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

/** The areas an area may sit in: not itself, not one of its own sub-areas (a cycle). */
export function possibleParents(tree: readonly AreaPublic[], area: AreaPublic | null): AreaPublic[] {
  if (!area) return [...tree];
  const below = new Set<string>([area.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const candidate of tree) {
      if (candidate.parent_id && below.has(candidate.parent_id) && !below.has(candidate.id)) {
        below.add(candidate.id);
        grew = true;
      }
    }
  }
  return tree.filter((candidate) => !below.has(candidate.id));
}

export function AreaForm({
  network,
  tree,
  area,
  defaultParent,
  onDone,
}: {
  network: string;
  tree: readonly AreaPublic[];
  area: AreaPublic | null;
  defaultParent?: string | null;
  onDone: (saved: AreaPublic) => void;
}) {
  const { t, i18n } = useTranslation();
  const ui = i18n.resolvedLanguage ?? 'en';
  const create = useCreateArea(network);
  const update = useUpdateArea(network);
  const keyFor = useIdempotencyKey();
  const [problem, setProblem] = useState<string | null>(null);
  const [codeTouched, setCodeTouched] = useState(false);
  const form = useForm<AreaFormValues>({
    mode: 'controlled',
    initialValues: {
      code: area?.code ?? '',
      en: area?.names.en ?? '',
      fr: area?.names.fr ?? '',
      es: area?.names.es ?? '',
      parent_id: area ? area.parent_id : (defaultParent ?? null),
    },
    validateInputOnBlur: true,
    validate: {
      code: (value) => (area ? null : !value ? t('validation.required') : !CODE.test(value) ? t('areas.codeInvalid') : null),
      en: (value) => (!value.trim() ? t('validation.required') : value.length > 200 ? t('validation.maxLength', { max: 200 }) : null),
      fr: (value) => (value.length > 200 ? t('validation.maxLength', { max: 200 }) : null),
      es: (value) => (value.length > 200 ? t('validation.maxLength', { max: 200 }) : null),
    },
  });
  const parents = useMemo(
    () =>
      areaEntries(possibleParents(tree, area), ui).map((entry) => ({
        value: entry.area.id,
        label: [...entry.path, entry.label].join(' › '),
      })),
    [tree, area, ui],
  );

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    const names = { en: values.en.trim(), fr: values.fr.trim() || null, es: values.es.trim() || null };
    try {
      if (area) {
        onDone(await update.mutateAsync({ areaId: area.id, version: area.version, body: { names, parent_id: values.parent_id } }));
      } else {
        const body = { code: values.code, names, parent_id: values.parent_id };
        onDone(await create.mutateAsync({ body, idempotencyKey: keyFor(body) }));
      }
    } catch (error) {
      if (isApiError(error)) {
        const fields = fieldErrorsFromProblem(error.problem);
        form.setErrors({
          code: fields.code,
          en: fields.names,
          parent_id: fields.parent_id,
        });
        setProblem(error.status === 412 ? t('areas.stale') : generalProblemMessage(error.problem, FIELDS));
      } else setProblem(t('common.errorBody'));
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="area-form">
      <Stack gap="sm">
        <FormProblem message={problem} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('areas.nameEn')}
            required
            data-autofocus
            {...form.getInputProps('en')}
            onChange={(event) => {
              const value = event.currentTarget.value;
              form.setFieldValue('en', value);
              if (!area && !codeTouched) form.setFieldValue('code', codeFrom(value));
            }}
          />
          <TextInput label={t('areas.nameFr')} description={t('areas.fallbackHint')} {...form.getInputProps('fr')} />
          <TextInput label={t('areas.nameEs')} description={t('areas.fallbackHint')} {...form.getInputProps('es')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('areas.code')}
            description={area ? t('areas.codeFixed') : t('areas.codeHint')}
            disabled={Boolean(area)}
            required={!area}
            {...form.getInputProps('code')}
            onChange={(event) => {
              setCodeTouched(true);
              form.setFieldValue('code', event.currentTarget.value);
            }}
          />
          <Select
            label={t('areas.parent')}
            description={t('areas.parentHint')}
            data={parents}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('parent_id')}
            data-testid="area-parent"
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending || update.isPending}>
            {area ? t('common.save') : t('areas.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
