import { ActionIcon, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ButtonLink } from '@/components/links';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useFormat } from '@/lib/format';
import { usePermissions } from '@/lib/membership';

import { usePartnerCommitments, useRoles } from '../api/coverage';
import { CommitmentDialog, type CommitmentTarget } from './CommitmentForm';
import { CrossSectorMark, StatusBadge } from './status';

/** The partner page's "Roles" card: the roles this partner took on, with add/edit for those allowed. */
export function PartnerRolesPanel({ network, partnerId, partnerName }: { network: string; partnerId: string; partnerName: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canEdit = usePermissions(network).editCommitments(partnerId);
  const commitments = usePartnerCommitments(network, partnerId);
  const roles = useRoles(network, { includeRetired: true });
  const [target, setTarget] = useState<CommitmentTarget | null>(null);
  const titles = new Map((roles.data ?? []).map((role) => [role.id, role.title]));
  const taken = new Set((commitments.data?.items ?? []).map((item) => item.role_id));
  const roleOptions = (roles.data ?? [])
    .filter((role) => !role.retired && !taken.has(role.id))
    .map((role) => ({ value: role.id, label: `${t(`sector.${role.sector}`)} · ${role.title}` }));

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="roles-title" data-testid="partner-roles">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4" id="roles-title">
          {t('coverage.partnerCard.title')}
        </Title>
        <Group gap="xs">
          <ButtonLink size="xs" variant="subtle" to="/n/$network/coverage" params={{ network }}>
            {t('coverage.partnerCard.matrix')}
          </ButtonLink>
          {canEdit && (
            <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden="true" />} onClick={() => setTarget({ kind: 'new', partnerId })}>
              {t('coverage.partnerCard.add')}
            </Button>
          )}
        </Group>
      </Group>
      {commitments.isPending && <LoadingState />}
      {commitments.isError && <ErrorState onRetry={() => void commitments.refetch()} />}
      {commitments.data && commitments.data.items.length === 0 && (
        <EmptyState title={t('coverage.partnerCard.emptyTitle')}>
          {canEdit ? t('coverage.partnerCard.emptyEditable') : t('coverage.partnerCard.empty')}
        </EmptyState>
      )}
      {commitments.data && commitments.data.items.length > 0 && (
        <Text size="sm" c="dimmed" mb="xs" data-testid="commitment-total">
          {t('coverage.partnerCard.total', { count: commitments.data.total })}
        </Text>
      )}
      {commitments.data && commitments.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('coverage.partnerCard.role')}</Table.Th>
                <Table.Th>{t('coverage.form.status')}</Table.Th>
                <Table.Th>{t('coverage.form.reviewDate')}</Table.Th>
                {canEdit && (
                  <Table.Th>
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {commitments.data.items.map((item) => {
                const title = titles.get(item.role_id) ?? item.role_code;
                return (
                  <Table.Tr key={item.id} data-role-code={item.role_code}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {title} {item.cross_sector && <CrossSectorMark />}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={item.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{item.review_date ? format.date(`${item.review_date}T00:00:00`) : t('common.none')}</Text>
                      {item.review_overdue && (
                        <Group gap={4} wrap="nowrap">
                          <IconAlertTriangle size={14} aria-hidden="true" color="var(--mantine-color-orange-9)" />
                          <Text size="xs" c="orange.9" fw={600}>
                            {t('coverage.reviewOverdue')}
                          </Text>
                        </Group>
                      )}
                    </Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <Group justify="flex-end">
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            onClick={() => setTarget({ kind: 'edit', commitmentId: item.id, title })}
                            aria-label={t('coverage.partnerCard.edit', { title })}
                          >
                            <IconPencil size={16} aria-hidden="true" />
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CommitmentDialog network={network} target={target} roleOptions={roleOptions} partnerOptions={[{ value: partnerId, label: partnerName }]} onClose={() => setTarget(null)} />
    </Paper>
  );
}
