import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { AreaPublic } from '@/client';
import { ConfirmDeleteModal } from '@/components/ConfirmDeleteModal';
import { notify } from '@/components/notify';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { areaEntries, areaMatches, useAreaTree } from '@/lib/areas';
import { useMembership } from '@/lib/membership';
import { isApiError } from '@/lib/problem';

import { useDeleteArea } from '../api/areas';
import { AreaForm } from '../components/AreaForm';

type Editing = { kind: 'new'; parent: string | null } | { kind: 'edit'; area: AreaPublic } | null;

/** The network's gazetteer: the districts and regions partners and services cover, named
 * in the three interface languages. Coordinators keep it; every member may read it. */
export function AreasPage({ network }: { network: string }) {
  const { t, i18n } = useTranslation();
  const ui = i18n.resolvedLanguage ?? 'en';
  const canEdit = useMembership(network)?.role === 'coordinator';
  const tree = useAreaTree(network);
  const remove = useDeleteArea(network);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<AreaPublic | null>(null);
  const [query, setQuery] = useState('');
  const entries = useMemo(() => areaEntries(tree.data ?? [], ui), [tree.data, ui]);
  const shown = entries.filter((entry) => areaMatches(entry.area, query));
  const children = useMemo(() => {
    const counts = new Map<string, number>();
    for (const area of tree.data ?? []) if (area.parent_id) counts.set(area.parent_id, (counts.get(area.parent_id) ?? 0) + 1);
    return counts;
  }, [tree.data]);

  const actions = (area: AreaPublic, label: string) => (
    <Group gap="xs">
      <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden="true" />} onClick={() => setEditing({ kind: 'new', parent: area.id })} aria-label={t('areas.addInsideFor', { name: label })}>
        {t('areas.addInside')}
      </Button>
      <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden="true" />} onClick={() => setEditing({ kind: 'edit', area })} aria-label={t('areas.editFor', { name: label })}>
        {t('areas.edit')}
      </Button>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconTrash size={14} aria-hidden="true" />}
        onClick={() => setDeleting(area)}
        disabled={(children.get(area.id) ?? 0) > 0}
        title={(children.get(area.id) ?? 0) > 0 ? t('areas.hasChildren') : undefined}
        aria-label={t('areas.deleteFor', { name: label })}
      >
        {t('areas.delete')}
      </Button>
    </Group>
  );

  const addButton = canEdit && (
    <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing({ kind: 'new', parent: null })}>
      {t('areas.add')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('areas.title')} description={t('areas.description')} actions={addButton} />
      {tree.isPending && <LoadingState />}
      {tree.isError && <ErrorState onRetry={() => void tree.refetch()} />}
      {tree.data && tree.data.length === 0 && (
        <EmptyState title={t('areas.emptyTitle')} action={addButton}>
          {t('areas.emptyBody')}
        </EmptyState>
      )}
      {tree.data && tree.data.length > 0 && (
        <Stack gap="md">
          <TextInput
            label={t('areas.search')}
            description={t('areas.searchHint')}
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            maw={420}
            data-testid="area-search"
          />
          {shown.length === 0 && <Text c="dimmed">{t('areas.noMatch')}</Text>}
          {shown.length > 0 && (
            <Paper withBorder radius="md" visibleFrom="sm">
              <Table.ScrollContainer minWidth={640}>
                <Table verticalSpacing="sm" data-testid="area-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('areas.name')}</Table.Th>
                      <Table.Th>{t('areas.otherNames')}</Table.Th>
                      <Table.Th>{t('areas.code')}</Table.Th>
                      {canEdit && <Table.Th>{t('common.actions')}</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shown.map(({ area, label, depth, path }) => {
                      const others = [area.names.en, area.names.fr, area.names.es].filter((name): name is string => Boolean(name) && name !== label);
                      return (
                        <Table.Tr key={area.id} data-testid={`area-row-${area.code}`}>
                          <Table.Td>
                            <Stack gap={0} pl={depth * 20}>
                              <Text size="sm" fw={depth === 0 ? 600 : 400}>
                                {depth > 0 && <span aria-hidden="true">└ </span>}
                                {label}
                              </Text>
                              {path.length > 0 && (
                                <Text size="xs" c="dimmed">
                                  {t('areas.inside', { path: path.join(' › ') })}
                                </Text>
                              )}
                            </Stack>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{[...new Set(others)].join(' · ') || '—'}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Badge variant="outline" color="gray" styles={{ label: { color: 'var(--mantine-color-gray-8)', textTransform: 'none' } }}>
                              {area.code}
                            </Badge>
                          </Table.Td>
                          {canEdit && (
                            <Table.Td>
                              {actions(area, label)}
                            </Table.Td>
                          )}
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )}
          {shown.length > 0 && (
            <Stack gap="sm" hiddenFrom="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="area-list">
              {shown.map(({ area, label, depth, path }) => (
                <Paper component="li" key={area.id} withBorder p="md" radius="md" ml={Math.min(depth, 3) * 12}>
                  <Stack gap={6}>
                    <Text fw={600}>{label}</Text>
                    {path.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {t('areas.inside', { path: path.join(' › ') })}
                      </Text>
                    )}
                    <Text size="sm" c="dimmed">
                      {[...new Set([area.names.en, area.names.fr, area.names.es].filter((name): name is string => Boolean(name) && name !== label))].join(' · ')}
                    </Text>
                    <Text size="xs">
                      {t('areas.code')}: {area.code}
                    </Text>
                    {canEdit && actions(area, label)}
                  </Stack>
                </Paper>
              ))}
            </Stack>
          )}
        </Stack>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.kind === 'edit' ? t('areas.editTitle') : t('areas.addTitle')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing && (
          <AreaForm
            network={network}
            tree={tree.data ?? []}
            area={editing.kind === 'edit' ? editing.area : null}
            defaultParent={editing.kind === 'new' ? editing.parent : null}
            onDone={(saved) => {
              setEditing(null);
              notify(t('areas.saved', { name: saved.names.en }));
            }}
          />
        )}
      </Modal>
      <ConfirmDeleteModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('areas.deleteTitle')}
        message={t('areas.deleteBody', { name: deleting?.names.en ?? '' })}
        actionLabel={t('areas.delete')}
        loading={remove.isPending}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(
            { areaId: deleting.id, version: deleting.version },
            {
              onSuccess: () => notify(t('areas.deleted')),
              onError: (error) => notify(isApiError(error) ? error.message : t('common.errorBody'), 'problem'),
              onSettled: () => setDeleting(null),
            },
          );
        }}
      />
    </>
  );
}
