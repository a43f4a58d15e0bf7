import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Gap } from '@/client';
import { SectorBadge } from '@/components/CodeBadges';
import { AnchorLink, ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { usePermissions } from '@/lib/membership';

import { useCoverageGaps } from '../api/coverage';
import type { CoverageSearch } from '../api/search';
import { CommitmentDialog, type CommitmentTarget } from '../components/CommitmentForm';
import { CoverageFilters } from '../components/CoverageFilters';
import { CoverageNav } from '../components/CoverageNav';
import { candidatesFor, type GapSection, gapSections } from '../components/gapSections';
import { StatusBadge } from '../components/status';

function GapAction({ network, gap, canAssign, onAssign }: { network: string; gap: Gap; canAssign: boolean; onAssign: () => void }) {
  const { t } = useTranslation();
  if ((gap.kind === 'role_not_in_place' || gap.kind === 'review_overdue') && gap.role_id) {
    return canAssign ? (
      <Button size="xs" variant="default" leftSection={<IconUserPlus size={14} aria-hidden="true" />} onClick={onAssign}>
        {t('coverage.gaps.assign')}
      </Button>
    ) : gap.sector ? (
      <ButtonLink size="xs" variant="default" to="/n/$network/coverage" params={{ network }} search={{ sector: [gap.sector] }}>
        {t('coverage.gaps.openMatrix')}
      </ButtonLink>
    ) : null;
  }
  if (gap.kind === 'active_partner_without_commitment' && gap.sector) {
    return (
      <ButtonLink size="xs" variant="default" to="/n/$network/coverage" params={{ network }} search={{ sector: [gap.sector] }}>
        {t('coverage.gaps.openMatrixSector')}
      </ButtonLink>
    );
  }
  if (gap.kind === 'sector_without_active_partner' && gap.sector) {
    return (
      <ButtonLink size="xs" variant="default" to="/n/$network/partners" params={{ network }} search={{ sector: [gap.sector] }}>
        {t('coverage.gaps.openPartners')}
      </ButtonLink>
    );
  }
  return null;
}

export function GapsPage({
  network,
  search,
  onSearchChange,
}: {
  network: string;
  search: CoverageSearch;
  onSearchChange: (next: CoverageSearch) => void;
}) {
  const { t } = useTranslation();
  const permissions = usePermissions(network);
  const gaps = useCoverageGaps(network, search);
  const [target, setTarget] = useState<CommitmentTarget | null>(null);
  const [offered, setOffered] = useState<{ value: string; label: string }[]>([]);
  // A past day is read-only; otherwise the API's candidates (never withdrawn or dormant).
  const canEdit = search.as_of ? () => false : permissions.editCommitments;
  const candidates = gaps.data?.candidates ?? [];
  const canAssign = (gap: Gap) => candidatesFor(gap, candidates, canEdit).length > 0;
  const groups = gapSections(gaps.data?.items ?? []);
  const assign = (gap: Gap) => {
    setOffered(candidatesFor(gap, candidates, canEdit).map((partner) => ({ value: partner.id, label: partner.name })));
    setTarget({ kind: 'new', roleId: gap.role_id ?? undefined, title: gap.role_title ?? undefined });
  };

  return (
    <>
      <PageHeader title={t('coverage.gaps.title')} description={t('coverage.gaps.description')} />
      <CoverageNav network={network} current="gaps" search={search} />
      <CoverageFilters search={search} onChange={onSearchChange} />
      <div aria-live="polite" aria-busy={gaps.isFetching}>
        {gaps.isPending && <LoadingState />}
        {gaps.isError && <ErrorState onRetry={() => void gaps.refetch()} />}
        {gaps.data && gaps.data.items.length === 0 && <EmptyState title={t('coverage.gaps.emptyTitle')}>{t('coverage.gaps.emptyBody')}</EmptyState>}
        {groups.length > 0 && (
          <Stack gap="lg">
            {groups.map((group) => (
              <GapGroup key={group.section} network={network} section={group.section} items={group.items} canAssign={canAssign} onAssign={assign} />
            ))}
          </Stack>
        )}
      </div>
      <CommitmentDialog
        network={network}
        target={target}
        partnerOptions={offered}
        roleOptions={target?.kind === 'new' && target.roleId ? [{ value: target.roleId, label: target.title ?? '' }] : []}
        onClose={() => setTarget(null)}
      />
    </>
  );
}

const SECTION_TITLE: Record<GapSection, string> = {
  nobody: 'coverage.gaps.section.nobody',
  planned: 'coverage.gaps.section.planned',
  in_progress: 'coverage.gaps.section.in_progress',
  review_overdue: 'gapKind.review_overdue',
  sector_without_active_partner: 'gapKind.sector_without_active_partner',
  active_partner_without_commitment: 'gapKind.active_partner_without_commitment',
};

function GapGroup({
  network,
  section,
  items,
  canAssign,
  onAssign,
}: {
  network: string;
  section: GapSection;
  items: Gap[];
  canAssign: (gap: Gap) => boolean;
  onAssign: (gap: Gap) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={`gaps-${section}`} data-testid={`gaps-${section}`}>
      <Title order={2} size="h4" id={`gaps-${section}`} mb={4}>
        {t(SECTION_TITLE[section])} <Text span c="dimmed" inherit fw={400}>({items.length})</Text>
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t(`coverage.gaps.hint.${section}`)}
      </Text>
      <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((gap, index) => (
          <Group
            key={`${gap.role_id ?? ''}-${gap.partner_id ?? ''}-${gap.sector ?? ''}-${index}`}
            component="li"
            justify="space-between"
            wrap="wrap"
            gap="sm"
            py="sm"
            style={{ borderTop: index === 0 ? undefined : '1px solid var(--mantine-color-gray-2)' }}
            data-role-id={gap.role_id ?? undefined}
          >
            <Stack gap={4} style={{ flex: '1 1 20rem', minWidth: 0 }}>
              <Group gap="xs" wrap="wrap">
                {gap.sector && <SectorBadge sector={gap.sector} />}
                {gap.role_title && <Text fw={600} size="sm">{gap.role_title}</Text>}
                {gap.partner_id && gap.partner_name && (
                  <AnchorLink to="/n/$network/partners/$partnerId" params={{ network, partnerId: gap.partner_id }} fw={600} size="sm">
                    {gap.partner_name}
                  </AnchorLink>
                )}
              </Group>
              {gap.kind === 'role_not_in_place' && (gap.holders?.length ?? 0) > 0 ? (
                <Group gap="xs" wrap="wrap" component="p" m={0} data-testid="gap-holders">
                  <Text span size="sm">
                    {t('coverage.gaps.holders')}
                  </Text>
                  {gap.holders?.map((holder) => (
                    <Group key={holder.partner_id} gap={4} component="span" wrap="nowrap">
                      <AnchorLink to="/n/$network/partners/$partnerId" params={{ network, partnerId: holder.partner_id }} size="sm">
                        {holder.partner_name}
                      </AnchorLink>
                      <StatusBadge status={holder.status} />
                    </Group>
                  ))}
                </Group>
              ) : (
                <Text size="sm">{gap.reason}</Text>
              )}
            </Stack>
            <GapAction network={network} gap={gap} canAssign={canAssign(gap)} onAssign={() => onAssign(gap)} />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
