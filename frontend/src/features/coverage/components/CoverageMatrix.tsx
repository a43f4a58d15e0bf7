import { Badge, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import type { CoverageCell, CoverageMatrix as Matrix, CoveragePartner, CoverageRole, StatusCounts } from '@/client';
import { AnchorLink } from '@/components/links';

import { columnGroups } from './columns';
import { CrossSectorMark, STATUS_ORDER, STATUS_STYLE, StatusBadge, StatusIcon } from './status';

export interface CellAction {
  role: CoverageRole;
  partner: CoveragePartner;
  cell: CoverageCell | undefined;
}

export function partnerLabel(partner: CoveragePartner): string {
  return partner.acronym ?? partner.name;
}

function cellsByPartner(role: CoverageRole): Map<string, CoverageCell> {
  return new Map(role.cells.map((cell) => [cell.partner_id, cell]));
}

export function SectorSummary({ summary }: { summary: StatusCounts }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" component="span" wrap="wrap">
      {STATUS_ORDER.map((status) => (
        <Group key={status} gap={3} component="span" wrap="nowrap">
          <StatusIcon status={status} size={14} />
          <Text span size="xs">
            {t(`commitmentStatus.${status}`)}: {summary[status] ?? 0}
          </Text>
        </Group>
      ))}
    </Group>
  );
}

/** Roles down (grouped by sector), partners across; a cell is a partner's commitment to a role. */
export function CoverageMatrixTable({
  network,
  matrix,
  canEdit,
  onCell,
}: {
  network: string;
  matrix: Matrix;
  canEdit: (partnerId: string) => boolean;
  onCell: (action: CellAction) => void;
}) {
  const { t } = useTranslation();
  const partners = matrix.partners;
  const groups = columnGroups(partners);
  return (
    <div className="coverage-scroll" tabIndex={0} role="region" aria-label={t('coverage.matrixLabel')} data-testid="coverage-matrix">
      <table className="coverage-matrix">
        <thead>
          <tr className="coverage-groups">
            <th scope="col" rowSpan={2} className="coverage-rowhead">
              {t('coverage.roleColumn')}
            </th>
            {groups.map((group, index) => (
              <th key={`${group.sector}-${index}`} scope="colgroup" colSpan={group.partners.length} data-sector={group.sector} title={t(`sector.${group.sector}`)}>
                <span className="coverage-group-label">{t(`sector.${group.sector}`)}</span>
              </th>
            ))}
          </tr>
          <tr className="coverage-partners">
            {partners.map((partner) => (
              <th key={partner.id} scope="col" title={partner.name} data-partner-id={partner.id} data-sector={partner.sector}>
                <AnchorLink
                  to="/n/$network/partners/$partnerId"
                  params={{ network, partnerId: partner.id }}
                  size="xs"
                  c="dark"
                  className="coverage-partner"
                  title={partner.name}
                  aria-label={partner.name}
                >
                  {partnerLabel(partner)}
                </AnchorLink>
              </th>
            ))}
          </tr>
        </thead>
        {matrix.sectors.map((sector) => (
          <tbody key={sector.sector}>
            <tr className="coverage-sector">
              <th scope="colgroup" colSpan={partners.length + 1}>
                <span className="coverage-sector-label">
                  <Text span fw={700} mr="md">
                    {t(`sector.${sector.sector}`)}
                  </Text>
                  <SectorSummary summary={sector.summary} />
                </span>
              </th>
            </tr>
            {sector.roles.map((role) => {
              const cells = cellsByPartner(role);
              return (
                <tr key={role.role_id} data-role-code={role.code} data-role-id={role.role_id}>
                  <th scope="row" className="coverage-rowhead">
                    <Group gap={6} wrap="nowrap" justify="space-between" align="flex-start">
                      <span>{role.title}</span>
                      <span title={t(`commitmentStatus.${role.coverage ?? 'nobody'}`)}>
                        <StatusIcon status={role.coverage ?? 'nobody'} />
                        <span className="visually-hidden">{t('coverage.roleCoverage', { status: t(`commitmentStatus.${role.coverage ?? 'nobody'}`) })}</span>
                      </span>
                    </Group>
                  </th>
                  {partners.map((partner) => {
                    const cell = cells.get(partner.id);
                    const editable = canEdit(partner.id);
                    const label = cell
                      ? t('coverage.cellLabel', { role: role.title, partner: partner.name, status: t(`commitmentStatus.${cell.status}`) })
                      : t('coverage.emptyCellLabel', { role: role.title, partner: partner.name });
                    if (!cell && !editable) return <td key={partner.id} />;
                    const content = cell ? (
                      <>
                        <StatusIcon status={cell.status} />
                        {cell.cross_sector && <CrossSectorMark />}
                      </>
                    ) : (
                      <IconPlus size={14} aria-hidden="true" />
                    );
                    const style = cell ? { background: STATUS_STYLE[cell.status].background } : undefined;
                    return (
                      <td key={partner.id} data-partner-id={partner.id} data-status={cell?.status ?? ''}>
                        {editable ? (
                          <button
                            type="button"
                            className={cell ? 'coverage-cell' : 'coverage-cell coverage-cell-empty'}
                            style={style}
                            aria-label={label}
                            title={label}
                            onClick={() => onCell({ role, partner, cell })}
                          >
                            {content}
                          </button>
                        ) : (
                          <span className="coverage-cell" style={style} title={label}>
                            {content}
                            <span className="visually-hidden">{label}</span>
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** The transpose for narrow screens: each role with the partners that took it on. */
export function CoverageRoleList({
  matrix,
  canEdit,
  onCell,
  onAssign,
}: {
  matrix: Matrix;
  canEdit: (partnerId: string) => boolean;
  onCell: (action: CellAction) => void;
  onAssign: (role: CoverageRole) => void;
}) {
  const { t } = useTranslation();
  const byId = new Map(matrix.partners.map((partner) => [partner.id, partner]));
  const anyEditable = matrix.partners.some((partner) => canEdit(partner.id));
  return (
    <Stack gap="lg" data-testid="coverage-list">
      {matrix.sectors.map((sector) => (
        <section key={sector.sector} aria-labelledby={`sector-${sector.sector}`}>
          <Title order={2} size="h4" id={`sector-${sector.sector}`}>
            {t(`sector.${sector.sector}`)}
          </Title>
          <Text size="xs" mb="xs" component="div">
            <SectorSummary summary={sector.summary} />
          </Text>
          <Stack gap="xs">
            {sector.roles.map((role) => (
              <Paper key={role.role_id} withBorder p="sm" radius="md">
                <Stack gap={6}>
                  <Text fw={600} size="sm">
                    {role.title}
                  </Text>
                  <Group gap="xs">
                    <StatusBadge status={role.coverage ?? 'nobody'} />
                  </Group>
                  {role.cells.length > 0 && (
                    <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                      {role.cells.map((cell) => {
                        const partner = byId.get(cell.partner_id);
                        if (!partner) return null;
                        const editable = canEdit(partner.id);
                        return (
                          <Group key={cell.partner_id} component="li" gap="xs" wrap="nowrap" justify="space-between">
                            <Text size="sm">
                              {partner.name} {cell.cross_sector && <CrossSectorMark />}
                            </Text>
                            {editable ? (
                              <UnstyledButton
                                onClick={() => onCell({ role, partner, cell })}
                                aria-label={t('coverage.cellLabel', { role: role.title, partner: partner.name, status: t(`commitmentStatus.${cell.status}`) })}
                              >
                                <StatusBadge status={cell.status} />
                              </UnstyledButton>
                            ) : (
                              <StatusBadge status={cell.status} />
                            )}
                          </Group>
                        );
                      })}
                    </Stack>
                  )}
                  {anyEditable && (
                    <Group>
                      <Badge
                        component="button"
                        type="button"
                        variant="outline"
                        color="gray"
                        leftSection={<IconPlus size={12} aria-hidden="true" />}
                        styles={{ label: { color: 'var(--mantine-color-dark-8)' }, root: { cursor: 'pointer' } }}
                        onClick={() => onAssign(role)}
                      >
                        {t('coverage.assign')}
                      </Badge>
                    </Group>
                  )}
                </Stack>
              </Paper>
            ))}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}
