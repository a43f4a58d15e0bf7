import { ActionIcon, Anchor, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ConfirmDeleteModal } from '@/components/ConfirmDeleteModal';
import { notify } from '@/components/notify';

import type { ContactPublic } from '@/client';
import { ConflictAlert, FormProblem } from '@/components/ConflictAlert';
import { ListMore, loadedPages } from '@/components/ListTotal';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useIdempotencyKey } from '@/lib/idempotency';
import { fieldErrorsFromProblem, generalProblemMessage, isApiError } from '@/lib/problem';

import { useContacts, useDeleteContact, useSaveContact } from '../api/partners';

const CONTACT_FIELDS = ['name', 'job_title', 'email', 'phone'];
const PHONE = /^\+?[0-9 ()./-]{3,50}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function ContactForm({
  network,
  partnerId,
  contact,
  onDone,
}: {
  network: string;
  partnerId: string;
  contact: ContactPublic | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveContact(network, partnerId);
  const keyFor = useIdempotencyKey();
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      name: contact?.name ?? '',
      job_title: contact?.job_title ?? '',
      email: contact?.email ?? '',
      phone: contact?.phone ?? '',
    },
    validateInputOnBlur: true,
    validate: {
      name: (value) => (!value.trim() ? t('validation.required') : value.length > 200 ? t('validation.maxLength', { max: 200 }) : null),
      job_title: (value) => (value.length > 200 ? t('validation.maxLength', { max: 200 }) : null),
      email: (value) => (value.trim() && !EMAIL.test(value.trim()) ? t('validation.email') : null),
      phone: (value) => (value.trim() && !PHONE.test(value.trim()) ? t('validation.phone') : null),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    const body = {
      name: values.name.trim(),
      job_title: values.job_title.trim() || null,
      email: values.email.trim() || null,
      phone: values.phone.trim() || null,
    };
    try {
      if (contact) await save.mutateAsync({ kind: 'update', contactId: contact.id, version: contact.version, body });
      else await save.mutateAsync({ kind: 'create', body, idempotencyKey: keyFor(body) });
      notify(t('partner.contacts.saved'));
      onDone();
    } catch (error) {
      if (isApiError(error, 412)) setConflict(true);
      else if (isApiError(error)) {
        form.setErrors(fieldErrorsFromProblem(error.problem));
        setProblem(generalProblemMessage(error.problem, CONTACT_FIELDS));
      } else setProblem(t('common.errorBody'));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {conflict && <ConflictAlert onReload={onDone} />}
        <FormProblem message={problem} />
        <TextInput label={t('partner.contacts.name')} required data-autofocus {...form.getInputProps('name')} />
        <TextInput label={t('partner.contacts.jobTitle')} {...form.getInputProps('job_title')} />
        <TextInput label={t('partner.contacts.email')} type="email" {...form.getInputProps('email')} />
        <TextInput label={t('partner.contacts.phone')} type="tel" description={t('partner.contacts.phoneHint')} {...form.getInputProps('phone')} />
        <Text size="xs" c="dimmed">
          {t('partner.contacts.privacy')}
        </Text>
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

export function ContactsPanel({ network, partnerId, canEdit }: { network: string; partnerId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const contacts = useContacts(network, partnerId);
  const { items, total } = loadedPages(contacts.data);
  const remove = useDeleteContact(network, partnerId);
  const [editing, setEditing] = useState<ContactPublic | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ContactPublic | null>(null);

  const confirmDelete = async () => {
    if (!deleting) return;
    try {
      await remove.mutateAsync({ contactId: deleting.id, version: deleting.version });
      notify(t('partner.contacts.deleted'));
    } catch (error) {
      notify(isApiError(error, 412) ? t('conflict.body') : t('common.errorBody'), 'problem');
    }
    setDeleting(null);
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="contacts-title">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4" id="contacts-title">
          {t('partner.contacts.title')}
          {total > 0 && (
            <Text span c="dimmed" inherit fw={400}>
              {' '}
              ({t('partner.contacts.count', { count: total })})
            </Text>
          )}
        </Title>
        {canEdit && (
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden="true" />} onClick={() => setEditing('new')}>
            {t('partner.contacts.add')}
          </Button>
        )}
      </Group>
      {contacts.isPending && <LoadingState />}
      {contacts.isError && <ErrorState onRetry={() => void contacts.refetch()} />}
      {contacts.data && items.length === 0 && (
        <EmptyState title={t('partner.contacts.emptyTitle')}>
          {canEdit ? t('partner.contacts.emptyEditable') : t('partner.contacts.empty')}
        </EmptyState>
      )}
      {contacts.data && items.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('partner.contacts.name')}</Table.Th>
                <Table.Th>{t('partner.contacts.jobTitle')}</Table.Th>
                <Table.Th>{t('partner.contacts.email')}</Table.Th>
                <Table.Th>{t('partner.contacts.phone')}</Table.Th>
                {canEdit && (
                  <Table.Th>
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((contact) => (
                <Table.Tr key={contact.id}>
                  <Table.Td fw={600}>{contact.name}</Table.Td>
                  <Table.Td>{contact.job_title}</Table.Td>
                  <Table.Td>{contact.email && <Anchor href={`mailto:${contact.email}`}>{contact.email}</Anchor>}</Table.Td>
                  <Table.Td>{contact.phone && <Anchor href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`}>{contact.phone}</Anchor>}</Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(contact)} aria-label={t('partner.contacts.edit', { name: contact.name })}>
                          <IconPencil size={16} aria-hidden="true" />
                        </ActionIcon>
                        <ActionIcon variant="subtle" color="gray" onClick={() => setDeleting(contact)} aria-label={t('partner.contacts.delete', { name: contact.name })}>
                          <IconTrash size={16} aria-hidden="true" />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ListMore query={contacts} shown={items.length} total={total} />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('partner.contacts.add') : t('partner.contacts.editTitle')}
       
      >
        {editing !== null && (
          <ContactForm
            network={network}
            partnerId={partnerId}
            contact={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
      <ConfirmDeleteModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('partner.contacts.deleteTitle')}
        message={t('partner.contacts.deleteConfirm', { name: deleting?.name ?? '' })}
        actionLabel={t('partner.contacts.deleteAction')}
        onConfirm={() => void confirmDelete()}
        loading={remove.isPending}
      />
    </Paper>
  );
}
