import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CommitmentPublic } from '@/client';
import { ConflictAlert, FormProblem } from '@/components/ConflictAlert';
import { notify } from '@/components/notify';
import { ErrorState, LoadingState } from '@/components/States';
import { useIdempotencyKey } from '@/lib/idempotency';
import { fieldErrorsFromProblem, generalProblemMessage, isApiError } from '@/lib/problem';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '@/lib/vocabulary';

import { useCommitment, useDeleteCommitment, useSaveCommitment } from '../api/coverage';
import { isDay } from '../api/search';
import { DayInput } from '@/components/DayInput';

const FIELDS = ['partner_id', 'role_id', 'status', 'evidence', 'review_date', 'note'];

export interface Option {
  value: string;
  label: string;
}

/** What the dialog is for: a new commitment (partner and/or role chosen or fixed), or an existing one by id. */
export type CommitmentTarget =
  | { kind: 'new'; partnerId?: string; roleId?: string; title?: string }
  | { kind: 'edit'; commitmentId: string; title?: string };

function Form({
  network,
  commitment,
  target,
  partnerOptions,
  roleOptions,
  onDone,
  onReload,
}: {
  network: string;
  commitment: CommitmentPublic | null;
  target: CommitmentTarget;
  partnerOptions: Option[];
  roleOptions: Option[];
  onDone: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveCommitment(network);
  const remove = useDeleteCommitment(network);
  const keyFor = useIdempotencyKey();
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const fixedPartner = target.kind === 'new' ? target.partnerId : commitment?.partner_id;
  const fixedRole = target.kind === 'new' ? target.roleId : commitment?.role_id;
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      partner_id: fixedPartner ?? '',
      role_id: fixedRole ?? '',
      status: (commitment?.status ?? 'planned') as CommitmentStatus,
      evidence: commitment?.evidence ?? '',
      review_date: commitment?.review_date ?? '',
      note: commitment?.note ?? '',
    },
    validateInputOnBlur: true,
    validate: {
      partner_id: (value) => (!value ? t('validation.required') : null),
      role_id: (value) => (!value ? t('validation.required') : null),
      evidence: (value) => (value.length > 2000 ? t('validation.maxLength', { max: 2000 }) : null),
      note: (value) => (value.length > 2000 ? t('validation.maxLength', { max: 2000 }) : null),
      review_date: (value) => (value && !isDay(value) ? t('coverage.form.dateInvalid') : null),
    },
  });

  const handleError = (error: unknown) => {
    if (isApiError(error, 412)) setConflict(true);
    else if (isApiError(error, 409)) setProblem(t('coverage.form.exists'));
    else if (isApiError(error)) {
      form.setErrors(fieldErrorsFromProblem(error.problem));
      setProblem(generalProblemMessage(error.problem, FIELDS));
    } else setProblem(t('common.errorBody'));
  };

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    const details = {
      status: values.status,
      evidence: values.evidence.trim() || null,
      review_date: values.review_date || null,
      note: values.note.trim() || null,
    };
    try {
      if (commitment) await save.mutateAsync({ kind: 'update', commitment, body: details });
      else {
        const body = { partner_id: values.partner_id, role_id: values.role_id, ...details };
        await save.mutateAsync({ kind: 'create', body, idempotencyKey: keyFor(body) });
      }
      notify(t('coverage.form.saved'));
      onDone();
    } catch (error) {
      handleError(error);
    }
  });

  const doDelete = async () => {
    if (!commitment) return;
    try {
      await remove.mutateAsync(commitment);
      notify(t('coverage.form.deleted'));
      onDone();
    } catch (error) {
      setConfirmDelete(false);
      handleError(error);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="commitment-form">
      <Stack gap="sm">
        {conflict && <ConflictAlert onReload={onReload} />}
        <FormProblem message={problem} />
        {commitment ? (
          <Text size="sm">
            <Text span fw={600}>
              {commitment.partner_name}
            </Text>
            {commitment.cross_sector && <Text span c="dimmed">{` · ${t('coverage.crossSector')}`}</Text>}
          </Text>
        ) : (
          <>
            <Select
              label={t('coverage.form.partner')}
              data={partnerOptions}
              searchable
              required
              disabled={Boolean(fixedPartner)}
              {...form.getInputProps('partner_id')}
            />
            <Select
              label={t('coverage.form.role')}
              data={roleOptions}
              searchable
              required
              disabled={Boolean(fixedRole)}
              {...form.getInputProps('role_id')}
            />
          </>
        )}
        <Select
          label={t('coverage.form.status')}
          data={COMMITMENT_STATUSES.map((status) => ({ value: status, label: t(`commitmentStatus.${status}`) }))}
          allowDeselect={false}
          required
          data-autofocus
          {...form.getInputProps('status')}
        />
        <Textarea label={t('coverage.form.evidence')} description={t('coverage.form.evidenceHint')} autosize minRows={2} {...form.getInputProps('evidence')} />
        <DayInput label={t('coverage.form.reviewDate')} {...form.getInputProps('review_date')} />
        {commitment?.review_overdue && (
          <Alert color="yellow" variant="light" p="xs">
            {t('coverage.reviewOverdue')}
          </Alert>
        )}
        <Textarea label={t('coverage.form.note')} autosize minRows={2} {...form.getInputProps('note')} />
        {confirmDelete ? (
          <Alert color="orange" variant="light" title={t('coverage.form.deleteTitle')}>
            <Stack gap="xs">
              <Text size="sm">{t('coverage.form.deleteConfirm')}</Text>
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => setConfirmDelete(false)}>
                  {t('common.cancel')}
                </Button>
                <Button size="xs" color="#a63a0c" onClick={() => void doDelete()} loading={remove.isPending}>
                  {t('coverage.form.delete')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}
        <Group justify="space-between">
          {commitment && !confirmDelete ? (
            <Button variant="subtle" color="#a63a0c" leftSection={<IconTrash size={16} aria-hidden="true" />} onClick={() => setConfirmDelete(true)}>
              {t('coverage.form.delete')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="sm">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {commitment ? t('common.save') : t('coverage.form.create')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

function EditLoader(props: {
  network: string;
  target: Extract<CommitmentTarget, { kind: 'edit' }>;
  partnerOptions: Option[];
  roleOptions: Option[];
  onDone: () => void;
}) {
  const commitment = useCommitment(props.network, props.target.commitmentId);
  if (commitment.isPending) return <LoadingState />;
  if (commitment.isError) return <ErrorState onRetry={() => void commitment.refetch()} />;
  return (
    <Form
      key={`${commitment.data.id}-${commitment.data.version}`}
      {...props}
      commitment={commitment.data}
      onReload={() => void commitment.refetch()}
    />
  );
}

/** The dialog to take on a role or change a commitment (status, evidence, review date, note; delete). */
export function CommitmentDialog({
  network,
  target,
  partnerOptions = [],
  roleOptions = [],
  onClose,
}: {
  network: string;
  target: CommitmentTarget | null;
  partnerOptions?: Option[];
  roleOptions?: Option[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [resetKey, setResetKey] = useState(0);
  const title = target?.kind === 'edit' ? t('coverage.form.editTitle') : t('coverage.form.newTitle');
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {target?.title && (
        <Text size="sm" mb="sm" fw={500}>
          {target.title}
        </Text>
      )}
      {target?.kind === 'edit' && (
        <EditLoader network={network} target={target} partnerOptions={partnerOptions} roleOptions={roleOptions} onDone={onClose} />
      )}
      {target?.kind === 'new' && (
        <Form
          key={resetKey}
          network={network}
          commitment={null}
          target={target}
          partnerOptions={partnerOptions}
          roleOptions={roleOptions}
          onDone={onClose}
          onReload={() => setResetKey((value) => value + 1)}
        />
      )}
    </Modal>
  );
}
