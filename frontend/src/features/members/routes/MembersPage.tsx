import { Alert, Button, CopyButton, Group, Modal, MultiSelect, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconCopy, IconKey, IconMailPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { InvitationCreated, InvitationPublic, MembershipPublic, MembershipRole, PasswordResetIssued } from '@/client';
import { ConfirmDeleteModal } from '@/components/ConfirmDeleteModal';
import { FormProblem } from '@/components/ConflictAlert';
import { notify } from '@/components/notify';
import { ListMore, loadedPages } from '@/components/ListTotal';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useFormat } from '@/lib/format';
import { useMembership } from '@/lib/membership';
import { fieldErrorsFromProblem, generalProblemMessage, isApiError } from '@/lib/problem';

import {
  acceptLink,
  expiresInWords,
  useCreateInvitation,
  useIssuePasswordReset,
  useMembers,
  usePartnerChoices,
  usePendingInvitations,
  useWithdrawInvitation,
} from '../api/members';

const ROLES: MembershipRole[] = ['viewer', 'partner_editor', 'coordinator'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The link is in this answer only: shown once, with a button to copy it. */
function OneTimeLink({ invitation, onDone }: { invitation: InvitationCreated; onDone: () => void }) {
  const { t } = useTranslation();
  const link = acceptLink(window.location.origin, invitation.accept_path);
  return (
    <Alert color="blue" variant="light" title={t('members.linkTitle', { email: invitation.email })} data-testid="invitation-link">
      <Stack gap="xs">
        <Text size="sm">{t('members.linkBody')}</Text>
        <TextInput readOnly value={link} label={t('members.linkLabel')} onFocus={(event) => event.currentTarget.select()} data-testid="invitation-link-value" />
        <Group>
          <CopyButton value={link}>
            {({ copied, copy }) => (
              <Button leftSection={copied ? <IconCheck size={16} aria-hidden="true" /> : <IconCopy size={16} aria-hidden="true" />} onClick={copy}>
                {copied ? t('members.copied') : t('members.copy')}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onDone}>
            {t('members.linkDone')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function InviteForm({ network, onInvited }: { network: string; onInvited: (created: InvitationCreated) => void }) {
  const { t } = useTranslation();
  const create = useCreateInvitation(network);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', role: 'viewer' as string, partner_ids: [] as string[] },
    validate: {
      email: (value) => (!EMAIL.test(value.trim()) ? t('members.emailInvalid') : null),
      role: (value) => (!value ? t('validation.required') : null),
    },
  });
  const isEditor = form.values.role === 'partner_editor';
  const partners = usePartnerChoices(network, isEditor);
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    const body = {
      email: values.email.trim(),
      role: values.role as MembershipRole,
      partner_ids: values.role === 'partner_editor' ? values.partner_ids : [],
    };
    try {
      const created = await create.mutateAsync({ body });
      form.reset();
      onInvited(created);
    } catch (error) {
      if (isApiError(error)) {
        form.setErrors(fieldErrorsFromProblem(error.problem));
        setProblem(generalProblemMessage(error.problem, ['email', 'role', 'partner_ids']));
      } else setProblem(t('common.errorBody'));
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="invite-form">
      <Stack gap="sm">
        <FormProblem message={problem} />
        <TextInput label={t('members.email')} type="email" required autoComplete="off" {...form.getInputProps('email')} />
        <Select
          label={t('members.role')}
          data={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          required
          allowDeselect={false}
          {...form.getInputProps('role')}
        />
        {isEditor && (
          <MultiSelect
            label={t('members.partners')}
            description={t('members.partnersHint')}
            data={partners.data ?? []}
            searchable
            {...form.getInputProps('partner_ids')}
          />
        )}
        <Group>
          <Button type="submit" loading={create.isPending} leftSection={<IconMailPlus size={16} aria-hidden="true" />}>
            {t('members.invite')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PendingInvitations({ network }: { network: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const invitations = usePendingInvitations(network);
  const withdraw = useWithdrawInvitation(network);
  const [confirming, setConfirming] = useState<InvitationPublic | null>(null);
  if (invitations.isPending) return <LoadingState />;
  if (invitations.isError) return <ErrorState onRetry={() => void invitations.refetch()} />;
  const { items, total } = loadedPages(invitations.data);
  return (
    <>
      {items.length > 0 && (
        <Text size="sm" c="dimmed" data-testid="pending-total">
          {t('members.pendingCount', { count: total })}
        </Text>
      )}
      {items.length === 0 ? (
        <Text c="dimmed">{t('members.noPending')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table data-testid="pending-invitations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('members.email')}</Table.Th>
                <Table.Th>{t('members.role')}</Table.Th>
                <Table.Th>{t('members.expires')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((invitation) => (
                <Table.Tr key={invitation.id}>
                  <Table.Td>{invitation.email}</Table.Td>
                  <Table.Td>{t(`role.${invitation.role}`)}</Table.Td>
                  <Table.Td>{format.dateTime(invitation.expires_at)}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="default" onClick={() => setConfirming(invitation)} aria-label={t('members.withdrawFor', { email: invitation.email })}>
                      {t('members.withdraw')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ListMore query={invitations} shown={items.length} total={total} />
      <ConfirmDeleteModal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('members.withdrawTitle')}
        message={t('members.withdrawBody', { email: confirming?.email ?? '' })}
        actionLabel={t('members.withdraw')}
        loading={withdraw.isPending}
        onConfirm={() => {
          if (!confirming) return;
          withdraw.mutate(
            { invitationId: confirming.id, version: confirming.version },
            {
              onSuccess: () => notify(t('members.withdrawn')),
              onError: (error) => notify(isApiError(error) ? error.message : t('common.errorBody'), 'problem'),
              onSettled: () => setConfirming(null),
            },
          );
        }}
      />
    </>
  );
}

/** The reset link is in this answer only: shown once, in a dialog, with a copy button. */
function ResetLinkModal({ issued, onClose }: { issued: { member: MembershipPublic; reset: PasswordResetIssued } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const link = issued ? acceptLink(window.location.origin, issued.reset.reset_path) : '';
  const name = issued?.member.full_name ?? '';
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={issued !== null} onClose={onClose} title={t('members.resetTitle', { name })} size="lg">
      {issued && (
        <Stack gap="sm" data-testid="reset-link">
          <Text size="sm">{t('members.resetBody', { name })}</Text>
          <Text size="sm" fw={600}>
            {t('members.resetExpires', {
              when: `${expiresInWords(issued.reset.expires_at, format.locale)} (${format.dateTime(issued.reset.expires_at)})`,
            })}
          </Text>
          <TextInput readOnly value={link} label={t('members.resetLinkLabel')} onFocus={(event) => event.currentTarget.select()} data-testid="reset-link-value" />
          <Group>
            <CopyButton value={link}>
              {({ copied, copy }) => (
                <Button leftSection={copied ? <IconCheck size={16} aria-hidden="true" /> : <IconCopy size={16} aria-hidden="true" />} onClick={copy}>
                  {copied ? t('members.copied') : t('members.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              {t('members.linkDone')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function MemberList({ network }: { network: string }) {
  const { t } = useTranslation();
  const members = useMembers(network);
  const issue = useIssuePasswordReset(network);
  const [issued, setIssued] = useState<{ member: MembershipPublic; reset: PasswordResetIssued } | null>(null);
  if (members.isPending) return <LoadingState />;
  if (members.isError) return <ErrorState onRetry={() => void members.refetch()} />;
  const { items, total } = loadedPages(members.data);
  return (
    <Stack gap="xs">
    <Text size="sm" c="dimmed" data-testid="member-total">
      {t('members.memberCount', { count: total })}
    </Text>
    <Table.ScrollContainer minWidth={480}>
      <Table data-testid="member-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('members.name')}</Table.Th>
            <Table.Th>{t('members.email')}</Table.Th>
            <Table.Th>{t('members.role')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((member) => (
            <Table.Tr key={member.id}>
              <Table.Td>{member.full_name}</Table.Td>
              <Table.Td>{member.email}</Table.Td>
              <Table.Td>{t(`role.${member.role}`)}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconKey size={14} aria-hidden="true" />}
                  loading={issue.isPending && issue.variables.membershipId === member.id}
                  aria-label={t('members.resetFor', { name: member.full_name })}
                  onClick={() =>
                    issue.mutate(
                      { membershipId: member.id },
                      {
                        onSuccess: (reset) => setIssued({ member, reset }),
                        onError: () => notify(t('members.resetProblem'), 'problem'),
                      },
                    )
                  }
                >
                  {t('members.resetAction')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ResetLinkModal issued={issued} onClose={() => setIssued(null)} />
    </Table.ScrollContainer>
    <ListMore query={members} shown={items.length} total={total} />
    </Stack>
  );
}

export function MembersPage({ network }: { network: string }) {
  const { t } = useTranslation();
  const membership = useMembership(network);
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  if (membership?.role !== 'coordinator') {
    return <EmptyState title={t('members.onlyCoordinatorsTitle')}>{t('members.onlyCoordinatorsBody')}</EmptyState>;
  }
  return (
    <Stack gap="lg">
      <PageHeader title={t('members.title')} description={t('members.description')} />
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('members.inviteTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('members.inviteHint')}
          </Text>
          {created ? <OneTimeLink invitation={created} onDone={() => setCreated(null)} /> : <InviteForm network={network} onInvited={setCreated} />}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('members.pendingTitle')}
          </Title>
          <PendingInvitations network={network} />
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('members.listTitle')}
          </Title>
          <MemberList network={network} />
        </Stack>
      </Paper>
    </Stack>
  );
}
