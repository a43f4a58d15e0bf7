import { Button, Group, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { notify } from '@/components/notify';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useFormat } from '@/lib/format';
import { usePermissions } from '@/lib/membership';

import { downloadCoverageCsv, useApiLanguage, useCoverageMatrix } from '../api/coverage';
import type { CoverageSearch } from '../api/search';
import { CommitmentDialog, type CommitmentTarget } from '../components/CommitmentForm';
import { CoverageFilters } from '../components/CoverageFilters';
import { CoverageMatrixTable, CoverageRoleList, SectorSummary } from '../components/CoverageMatrix';
import { CoverageNav } from '../components/CoverageNav';
import { StatusLegend } from '../components/status';

export function CoveragePage({
  network,
  search,
  onSearchChange,
}: {
  network: string;
  search: CoverageSearch;
  onSearchChange: (next: CoverageSearch) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = useApiLanguage();
  const permissions = usePermissions(network);
  const matrix = useCoverageMatrix(network, search);
  // At 600 px and below the grid would not fit: each role becomes a card (the transpose).
  const narrow = useMediaQuery('(max-width: 37.5em)', false);
  const [target, setTarget] = useState<CommitmentTarget | null>(null);
  const [exporting, setExporting] = useState(false);

  // A view of a past day is read-only: commitments change today's coverage.
  const canEdit = search.as_of ? () => false : permissions.editCommitments;
  const partnerOptions = (matrix.data?.partners ?? [])
    .filter((partner) => canEdit(partner.id))
    .map((partner) => ({ value: partner.id, label: partner.name }));
  const roleOptions = (matrix.data?.sectors ?? []).flatMap((sector) =>
    sector.roles.map((role) => ({ value: role.role_id, label: role.title })),
  );

  const exportCsv = async () => {
    setExporting(true);
    try {
      await downloadCoverageCsv(network, search, lang);
    } catch {
      notify(t('common.errorBody'), 'problem');
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('coverage.title')}
        description={t('coverage.description')}
        actions={
          <Button variant="default" leftSection={<IconDownload size={16} aria-hidden="true" />} onClick={() => void exportCsv()} loading={exporting} data-testid="coverage-csv">
            {t('coverage.exportCsv')}
          </Button>
        }
      />
      <CoverageNav network={network} current="matrix" search={search} />
      <CoverageFilters search={search} onChange={onSearchChange} />
      <div aria-live="polite" aria-busy={matrix.isFetching}>
        {matrix.isPending && <LoadingState />}
        {matrix.isError && <ErrorState onRetry={() => void matrix.refetch()} />}
        {matrix.data && matrix.data.sectors.length === 0 && (
          <EmptyState
            title={t('coverage.emptyTitle')}
            action={
              Object.keys(search).length > 0 ? (
                <Button variant="default" onClick={() => onSearchChange({})}>
                  {t('partners.filters.clear')}
                </Button>
              ) : null
            }
          >
            {t('coverage.emptyBody')}
          </EmptyState>
        )}
        {matrix.data && matrix.data.sectors.length > 0 && (
          <>
            <Group justify="space-between" mb="sm" gap="sm" align="flex-start">
              <StatusLegend />
              <Text size="sm" c="dimmed" component="div" data-testid="coverage-summary">
                {matrix.data.as_of ? t('coverage.asOf', { date: format.date(matrix.data.as_of) }) : t('coverage.today')}
                {' · '}
                {t('coverage.rolesCount', { count: matrix.data.sectors.reduce((n, s) => n + s.roles.length, 0) })}
                <SectorSummary summary={matrix.data.summary} />
              </Text>
            </Group>
            {narrow ? (
              <CoverageRoleList
                matrix={matrix.data}
                canEdit={canEdit}
                onCell={({ role, partner, cell }) =>
                  setTarget(
                    cell?.commitment_id
                      ? { kind: 'edit', commitmentId: cell.commitment_id, title: `${role.title} · ${partner.name}` }
                      : { kind: 'new', partnerId: partner.id, roleId: role.role_id, title: `${role.title} · ${partner.name}` },
                  )
                }
                onAssign={(role) => setTarget({ kind: 'new', roleId: role.role_id, title: role.title })}
              />
            ) : (
              <CoverageMatrixTable
                network={network}
                matrix={matrix.data}
                canEdit={canEdit}
                onCell={({ role, partner, cell }) =>
                  setTarget(
                    cell?.commitment_id
                      ? { kind: 'edit', commitmentId: cell.commitment_id, title: `${role.title} · ${partner.name}` }
                      : { kind: 'new', partnerId: partner.id, roleId: role.role_id, title: `${role.title} · ${partner.name}` },
                  )
                }
              />
            )}
          </>
        )}
      </div>
      <CommitmentDialog network={network} target={target} partnerOptions={partnerOptions} roleOptions={roleOptions} onClose={() => setTarget(null)} />
    </>
  );
}
