import { ActionIcon, Alert, Badge, Button, Checkbox, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock, IconMapPin, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { LocationPublic, ServicePublic } from '@/client';
import { AreaSelect } from '@/components/AreaPicker';
import { ConfirmDeleteModal } from '@/components/ConfirmDeleteModal';
import { ConflictAlert, FormProblem } from '@/components/ConflictAlert';
import { notify } from '@/components/notify';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useNames } from '@/lib/use-names';
import { fieldErrorsFromProblem, generalProblemMessage, isApiError } from '@/lib/problem';

import { useDeleteLocation, useSaveLocation } from '../api/services';

const LOCATION_FIELDS = ['name', 'address', 'area', 'confidential'];

/** The location form's values, and the body the API takes (the same for create and update). */
export function locationBody(values: { name: string; address: string; area: string; confidential: boolean }) {
  return { name: values.name.trim(), address: values.address.trim() || null, area: values.area.trim() || null, confidential: values.confidential };
}

function LocationForm({ network, serviceId, location, onDone }: { network: string; serviceId: string; location: LocationPublic | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveLocation(network, serviceId);
  const keyFor = useIdempotencyKey();
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: location?.name ?? '', address: location?.address ?? '', area: location?.area ?? '', confidential: location?.confidential ?? false },
    validateInputOnBlur: true,
    validate: {
      name: (value) => (!value.trim() ? t('validation.required') : value.length > 200 ? t('validation.maxLength', { max: 200 }) : null),
      address: (value) => (value.length > 500 ? t('validation.maxLength', { max: 500 }) : null),
      area: (value) => (value.length > 100 ? t('validation.maxLength', { max: 100 }) : null),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    const body = locationBody(values);
    try {
      if (location) await save.mutateAsync({ kind: 'update', locationId: location.id, version: location.version, body });
      else await save.mutateAsync({ kind: 'create', body, idempotencyKey: keyFor(body) });
      notify(t('locations.saved'));
      onDone();
    } catch (error) {
      if (isApiError(error, 412)) setConflict(true);
      else if (isApiError(error, 403)) setProblem(t('serviceForm.forbidden'));
      else if (isApiError(error)) {
        form.setErrors(fieldErrorsFromProblem(error.problem));
        setProblem(generalProblemMessage(error.problem, LOCATION_FIELDS));
      } else setProblem(t('common.errorBody'));
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="location-form">
      <Stack gap="sm">
        {conflict && <ConflictAlert onReload={onDone} />}
        <FormProblem message={problem} />
        <TextInput label={t('locations.name')} description={t('locations.nameHint')} required data-autofocus {...form.getInputProps('name')} />
        <TextInput label={t('locations.address')} {...form.getInputProps('address')} />
        <AreaSelect
          network={network}
          label={t('locations.area')}
          value={form.values.area || null}
          onChange={(value) => form.setFieldValue('area', value ?? '')}
          error={form.errors.area}
          comboboxProps={{ withinPortal: true }}
        />
        <Checkbox label={t('locations.confidential')} description={t('locations.confidentialHint')} {...form.getInputProps('confidential', { type: 'checkbox' })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function LocationsPanel({ network, service, canEdit }: { network: string; service: ServicePublic; canEdit: boolean }) {
  const { t } = useTranslation();
  const names = useNames();
  const remove = useDeleteLocation(network, service.id);
  const [editing, setEditing] = useState<LocationPublic | 'new' | null>(null);
  const [deleting, setDeleting] = useState<LocationPublic | null>(null);
  const confirmDelete = async () => {
    if (!deleting) return;
    try {
      await remove.mutateAsync({ locationId: deleting.id, version: deleting.version });
      notify(t('locations.deleted'));
    } catch (error) {
      notify(isApiError(error, 412) ? t('conflict.body') : isApiError(error, 403) ? t('serviceForm.forbidden') : t('common.errorBody'), 'problem');
    }
    setDeleting(null);
  };
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="service-locations">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4" id="service-locations">
          {t('services.locations')}
        </Title>
        {canEdit && (
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden="true" />} onClick={() => setEditing('new')}>
            {t('locations.add')}
          </Button>
        )}
      </Group>
      {/* A confidential address is simply absent for those not allowed to see it. */}
      {service.has_confidential_location && !service.locations.some((location) => location.confidential) && (
        <Alert color="gray" variant="light" icon={<IconLock aria-hidden="true" />} mb="sm" data-testid="confidential-location">
          {t('services.confidential')}
        </Alert>
      )}
      {service.locations.length === 0 && !service.has_confidential_location && <Text c="dimmed">{t('services.noLocations')}</Text>}
      <Stack gap="xs">
        {service.locations.map((location) => (
          <Group key={location.id} gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <IconMapPin size={16} aria-hidden="true" />
              <div>
                <Text size="sm" fw={600}>
                  {location.name}{' '}
                  {location.confidential && (
                    <Badge size="xs" color="gray" styles={{ label: { color: 'var(--mantine-color-dark-8)' } }}>
                      {t('services.confidentialBadge')}
                    </Badge>
                  )}
                </Text>
                <Text size="sm">{[location.address, location.area && names.area(location.area)].filter(Boolean).join(' · ')}</Text>
                {location.confidential && (
                  <Text size="xs" c="dimmed">
                    {t('locations.confidentialShownTo')}
                  </Text>
                )}
              </div>
            </Group>
            {canEdit && (
              <Group gap={4} wrap="nowrap">
                <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(location)} aria-label={t('locations.edit', { name: location.name })}>
                  <IconPencil size={16} aria-hidden="true" />
                </ActionIcon>
                <ActionIcon variant="subtle" color="gray" onClick={() => setDeleting(location)} aria-label={t('locations.delete', { name: location.name })}>
                  <IconTrash size={16} aria-hidden="true" />
                </ActionIcon>
              </Group>
            )}
          </Group>
        ))}
      </Stack>
      <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('locations.add') : t('locations.editTitle')}>
        {editing !== null && <LocationForm network={network} serviceId={service.id} location={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
      <ConfirmDeleteModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('locations.deleteTitle')}
        message={t('locations.deleteConfirm', { name: deleting?.name ?? '' })}
        actionLabel={t('locations.deleteAction')}
        onConfirm={() => void confirmDelete()}
        loading={remove.isPending}
      />
    </Paper>
  );
}
