import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import cytoscape from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Finding, PathwayPublic } from '@/client';
import { AreaSelect } from '@/components/AreaPicker';
import { AnchorLink, ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { areaScope, useAreaTree } from '@/lib/areas';
import { abbreviate, intersects, placeLabels, type Side } from '@/lib/label-placement';
import { usePermissions } from '@/lib/membership';
import { useNames } from '@/lib/use-names';
import { NEEDS } from '@/lib/vocabulary';

import { layoutGraph } from '../api/graph-layout';
import { filterMap, MAP_BACKGROUND, MAP_LABEL, sectorColour, sectorsShown } from '../api/map';
import type { PathwayMapSearch } from '../api/search';
import { usePathwayHealth, usePathwayList, useServiceOptions } from '../api/services';
import { ServicesNav } from '../components/ServicesNav';

/** Labels longer than this are cut ("…"); the full name shows on hover, and is in the table. */
const LABEL_CHARS = 24;

/** A finding's marker: thicker red-orange border on the canvas, plus a ⚠ in every text label. */
const FINDING_COLOUR = '#d9480f';

/** Where cytoscape draws a label for each side the placement chose, and the gap it leaves. */
const LABEL_STYLE: Record<Side, { 'text-halign': 'left' | 'center' | 'right'; 'text-valign': 'top' | 'center' | 'bottom'; 'text-margin-x': number; 'text-margin-y': number }> = {
  right: { 'text-halign': 'right', 'text-valign': 'center', 'text-margin-x': 4, 'text-margin-y': 0 },
  left: { 'text-halign': 'left', 'text-valign': 'center', 'text-margin-x': -4, 'text-margin-y': 0 },
  below: { 'text-halign': 'center', 'text-valign': 'bottom', 'text-margin-x': 0, 'text-margin-y': 4 },
  above: { 'text-halign': 'center', 'text-valign': 'top', 'text-margin-x': 0, 'text-margin-y': -4 },
  'upper-right': { 'text-halign': 'right', 'text-valign': 'top', 'text-margin-x': 0, 'text-margin-y': -4 },
  'lower-right': { 'text-halign': 'right', 'text-valign': 'bottom', 'text-margin-x': 0, 'text-margin-y': 4 },
  'upper-left': { 'text-halign': 'left', 'text-valign': 'top', 'text-margin-x': 0, 'text-margin-y': -4 },
  'lower-left': { 'text-halign': 'left', 'text-valign': 'bottom', 'text-margin-x': 0, 'text-margin-y': 4 },
};
const LABEL_ONLY = { includeNodes: false, includeEdges: false, includeLabels: true } as const;

/**
 * Puts each node's label on a free side of it (see placeLabels), then checks what cytoscape drew:
 * a label still touching another is left out (its service is in the table; hovering shows it).
 * Records the drawn label boxes and node positions on the container, for the end-to-end test.
 */
function arrangeLabels(cy: cytoscape.Core, container: HTMLElement) {
  cy.batch(() => cy.nodes().removeClass('peek').removeStyle('text-halign text-valign text-margin-x text-margin-y label z-index text-background-opacity'));
  delete container.dataset.peek;
  const nodes = cy.nodes().toArray();
  const requests = nodes.map((node) => {
    const box = node.boundingBox(LABEL_ONLY);
    const { x, y } = node.position();
    return { id: node.id(), cx: x, cy: y, radius: node.outerWidth() / 2, width: box.w, height: box.h };
  });
  // Labels stay inside the frame (its extent in the graph's own units).
  const view = cy.extent();
  const placed = placeLabels(requests, { x: view.x1, y: view.y1, width: view.w, height: view.h }, 4);
  cy.batch(() => {
    nodes.forEach((node, index) => {
      const spot = placed[index]!;
      node.style(spot.visible ? LABEL_STYLE[spot.side] : { label: '' });
    });
  });
  const kept: { x: number; y: number; width: number; height: number }[] = [];
  cy.batch(() => {
    for (const node of nodes) {
      if (!node.data('label') || node.style('label') === '') continue;
      const b = node.boundingBox(LABEL_ONLY);
      const box = { x: b.x1, y: b.y1, width: b.w, height: b.h };
      if (kept.some((other) => intersects(box, other))) node.style({ label: '' });
      else kept.push(box);
    }
  });
  const labels = nodes
    .filter((node) => node.style('label') !== '')
    .map((node) => {
      const b = node.renderedBoundingBox(LABEL_ONLY);
      return { id: node.id(), text: node.style('label') as string, x: b.x1, y: b.y1, width: b.w, height: b.h };
    });
  container.dataset.labels = JSON.stringify(labels);
  container.dataset.positions = JSON.stringify(Object.fromEntries(nodes.map((node) => [node.id(), [Math.round(node.position('x') * 100) / 100, Math.round(node.position('y') * 100) / 100]])));
}

/** Shows a node's full name over the others (hovering the node, or focusing or hovering its service in the table). */
function peek(node: cytoscape.NodeSingular, container: HTMLElement) {
  if (node.hasClass('peek')) return;
  node.scratch('_label', node.style('label') as string);
  node.style({ label: node.data('full') as string, 'z-index': 99, 'text-background-opacity': 1 }).addClass('peek');
  container.dataset.peek = node.data('full') as string;
}

function unpeek(node: cytoscape.NodeSingular, container: HTMLElement) {
  if (!node.hasClass('peek')) return;
  node.removeClass('peek').style({ label: node.scratch('_label') as string, 'z-index': 0, 'text-background-opacity': 0.85 });
  delete container.dataset.peek;
}

function lineStyle(status: PathwayPublic['status']) {
  if (status === 'active') return 'solid';
  if (status === 'suspended') return 'dotted';
  return 'dashed';
}

export function PathwayMapPage({ network, search, onSearchChange }: { network: string; search: PathwayMapSearch; onSearchChange: (next: PathwayMapSearch) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const permissions = usePermissions(network);
  const services = useServiceOptions(network);
  const pathways = usePathwayList(network);
  const highlight = search.findings === 'show';
  const health = usePathwayHealth(network);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const container = useRef<HTMLDivElement>(null);

  const tree = useAreaTree(network).data;
  const codeNames = useNames();
  const scope = useMemo(() => (search.area ? areaScope(tree ?? [], search.area) : undefined), [tree, search.area]);
  const { need, area } = search;
  // Not on the whole search: switching the health overlay must not re-lay the graph.
  const shown = useMemo(() => filterMap(services.data ?? [], pathways.data ?? [], { need, area }, scope), [services.data, pathways.data, need, area, scope]);
  // Where each service sits depends on the graph alone (which services, which lines between them):
  // computed from their ids, memoised on them, so the health overlay (or a refetch of the same
  // data) can never move a node.
  const graphKey = useMemo(
    () => JSON.stringify([shown.services.map((s) => s.id).sort(), shown.pathways.map((p) => [p.from_service.id, p.to_service.id]).sort()]),
    [shown],
  );
  const positions = useMemo(() => {
    const [ids, edges] = JSON.parse(graphKey) as [string[], [string, string][]];
    return layoutGraph(ids, edges);
  }, [graphKey]);
  const narrow = useMediaQuery('(max-width: 37.5em)', false, { getInitialValueInEffect: false });
  const [graph, setGraph] = useState<cytoscape.Core | null>(null);
  const findings: Finding[] = useMemo(() => (highlight ? (health.data?.findings ?? []) : []), [highlight, health.data]);
  const flaggedServices = useMemo(() => new Set(findings.flatMap((f) => f.service_ids ?? [])), [findings]);
  const flaggedPathways = useMemo(() => new Set(findings.flatMap((f) => f.pathway_ids ?? [])), [findings]);
  const names = useMemo(() => new Map((services.data ?? []).map((s) => [s.id, s.name])), [services.data]);
  const sectors = useMemo(() => sectorsShown(shown.services), [shown.services]);
  const selected = shown.pathways.find((p) => p.id === selectedId) ?? null;
  const shownFindings = findings.filter(
    (f) => (f.service_ids ?? []).some((id) => shown.services.some((s) => s.id === id)) || (f.pathway_ids ?? []).some((id) => shown.pathways.some((p) => p.id === id)) || (!(f.service_ids ?? []).length && !(f.pathway_ids ?? []).length),
  );

  useEffect(() => {
    if (narrow || !container.current || shown.services.length === 0) return;
    const cy = cytoscape({
      container: container.current,
      elements: [
        ...shown.services.map((s) => ({
          group: 'nodes' as const,
          data: { id: s.id, name: s.name, short: abbreviate(s.name, LABEL_CHARS), label: abbreviate(s.name, LABEL_CHARS), colour: sectorColour(s.partner_sector) },
          position: { ...positions.get(s.id)! },
          classes: [s.entry_point ? 'entry' : '', s.status === 'active' ? '' : 'inactive'].filter(Boolean).join(' '),
        })),
        ...shown.pathways.map((p) => ({
          group: 'edges' as const,
          data: { id: `pathway-${p.id}`, pathway: p.id, source: p.from_service.id, target: p.to_service.id, line: lineStyle(p.status), label: '' },
        })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(colour)',
            label: 'data(label)',
            'font-size': 13,
            color: MAP_LABEL,
            // Labels sit on the canvas colour, even where they cross a line.
            'text-background-color': MAP_BACKGROUND,
            'text-background-opacity': 0.85,
            'text-background-padding': '1px',
            'text-valign': 'bottom',
            'text-margin-y': 4,
            'text-wrap': 'none',
            'border-width': 1,
            'border-color': '#495057',
            width: 22,
            height: 22,
          },
        },
        { selector: 'node.entry', style: { shape: 'diamond', width: 30, height: 30, 'border-width': 3, 'border-style': 'double', 'border-color': '#1c1c1c' } },
        // Not active: hollow, with a dashed ring in the sector's colour (so the sector still shows).
        { selector: 'node.inactive', style: { 'background-color': MAP_BACKGROUND, 'border-width': 3, 'border-style': 'dashed', 'border-color': 'data(colour)' } },
        { selector: 'node.finding', style: { 'border-width': 5, 'border-color': FINDING_COLOUR, 'border-style': 'solid' } },
        {
          selector: 'edge',
          style: {
            width: 2,
            'line-color': '#495057',
            'target-arrow-color': '#495057',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            'line-style': 'data(line)' as 'solid',
            label: 'data(label)',
            'font-size': 12,
            color: FINDING_COLOUR,
          },
        },
        { selector: 'edge.finding', style: { width: 5, 'line-color': FINDING_COLOUR, 'target-arrow-color': FINDING_COLOUR } },
        { selector: 'edge:selected', style: { width: 6, 'line-color': '#1971c2', 'target-arrow-color': '#1971c2' } },
      ],
      // The positions are given (see layoutGraph): the view only fits them in the frame.
      layout: { name: 'preset', fit: true, padding: 24 },
      wheelSensitivity: 0.3,
      // A small graph is not blown up beyond a readable size.
      maxZoom: 1.5,
    });
    cy.on('tap', 'node', (event) => {
      void navigate({ to: '/n/$network/services/$serviceId', params: { network, serviceId: event.target.id() as string } });
    });
    cy.on('tap', 'edge', (event) => setSelectedId(event.target.data('pathway') as string));
    // While the pointer is on a node, its full name shows over the others (also a label left out for want of room).
    const frame = container.current;
    cy.on('mouseover', 'node', (event) => peek(event.target as cytoscape.NodeSingular, frame));
    cy.on('mouseout', 'node', (event) => unpeek(event.target as cytoscape.NodeSingular, frame));
    setGraph(cy);
    return () => {
      setGraph(null);
      cy.destroy();
    };
    // Positions come from the graph alone (the services and pathways shown), laid out once per graph.
  }, [shown, positions, navigate, network, narrow]);

  // The health overlay marks nodes and lines on the graph as it stands: no new layout, only labels re-arranged.
  useEffect(() => {
    if (!graph || !container.current) return;
    graph.batch(() => {
      graph.nodes().forEach((node) => {
        const flagged = flaggedServices.has(node.id());
        node.data('label', (flagged ? '⚠ ' : '') + (node.data('short') as string));
        node.data('full', (flagged ? '⚠ ' : '') + (node.data('name') as string));
        node.toggleClass('finding', flagged);
      });
      graph.edges().forEach((edge) => {
        const flagged = flaggedPathways.has(edge.data('pathway') as string);
        edge.data('label', flagged ? '⚠' : '');
        edge.toggleClass('finding', flagged);
      });
    });
    arrangeLabels(graph, container.current);
    container.current.dataset.overlay = highlight ? 'on' : 'off';
  }, [graph, flaggedServices, flaggedPathways, highlight]);



  // A service focused or hovered in the table shows its full name on the map.
  const spotlight = (serviceId: string) => ({
    onFocus: () => graph && container.current && peek(graph.getElementById(serviceId), container.current),
    onMouseEnter: () => graph && container.current && peek(graph.getElementById(serviceId), container.current),
    onBlur: () => graph && container.current && unpeek(graph.getElementById(serviceId), container.current),
    onMouseLeave: () => graph && container.current && unpeek(graph.getElementById(serviceId), container.current),
  });

  const set = (patch: Partial<PathwayMapSearch>) => {
    const next = { ...search, ...patch };
    onSearchChange(Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined && v !== null && v !== '')) as PathwayMapSearch);
  };
  const describe = (f: Finding) =>
    [f.need && t(`need.${f.need}`), f.population && t(`population.${f.population}`), f.language && codeNames.language(f.language), f.area && codeNames.area(f.area)].filter(Boolean).join(' · ');
  const loading = services.isPending || pathways.isPending;
  const failed = services.isError || pathways.isError;

  return (
    <>
      <PageHeader
        title={t('pathwayMap.title')}
        description={t('pathwayMap.description')}
        actions={
          permissions.createService && (
            <ButtonLink to="/n/$network/services/pathways/new" params={{ network }} variant="default" leftSection={<IconPlus size={16} aria-hidden="true" />}>
              {t('pathwayForm.newTitle')}
            </ButtonLink>
          )
        }
      />
      <ServicesNav network={network} current="map" />
      <Paper withBorder p="md" radius="md" mb="lg" component="section" aria-label={t('coverage.filters.title')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('pathwayMap.need')}
            placeholder={t('pathwayMap.anyNeed')}
            data={NEEDS.map((need) => ({ value: need, label: t(`need.${need}`) }))}
            value={search.need ?? null}
            onChange={(value) => set({ need: (value ?? undefined) as PathwayMapSearch['need'] })}
            clearable
            searchable
          />
          <AreaSelect
            network={network}
            label={t('pathwayMap.area')}
            placeholder={t('pathwayMap.anyArea')}
            value={search.area ?? null}
            onChange={(value) => set({ area: value ?? undefined })}
          />
          <Switch
            mt={{ sm: 'xl' }}
            label={t('pathwayMap.highlight')}
            checked={highlight}
            onChange={(event) => set({ findings: event.currentTarget.checked ? 'show' : undefined })}
          />
        </SimpleGrid>
      </Paper>
      <div aria-live="polite" aria-busy={services.isFetching || pathways.isFetching || (highlight && health.isFetching)}>
        {loading && <LoadingState />}
        {failed && <ErrorState onRetry={() => void Promise.all([services.refetch(), pathways.refetch()])} />}
        {!loading && !failed && shown.services.length === 0 && <EmptyState title={t('pathwayMap.emptyTitle')}>{t('pathwayMap.emptyBody')}</EmptyState>}
        {!loading && !failed && shown.services.length > 0 && (
          <Stack gap="lg">
            <Group align="flex-start" gap="lg" wrap="wrap">
              {!narrow && (
                <Paper withBorder radius="md" style={{ flex: '3 1 28rem', minWidth: 0 }}>
                  <div
                    ref={container}
                    role="img"
                    aria-label={t('pathwayMap.canvasLabel', { services: shown.services.length, pathways: shown.pathways.length })}
                    data-testid="pathway-canvas"
                    style={{ height: 560, width: '100%', background: MAP_BACKGROUND }}
                  />
                </Paper>
              )}
              <Stack gap="md" style={{ flex: '1 1 16rem', minWidth: 0 }}>
                {/* On a phone the table stands for the map, so there is nothing for a legend to explain. */}
                {!narrow && (
                  <Paper withBorder p="md" radius="md" component="section" aria-labelledby="map-legend" data-testid="map-legend">
                    <Title order={2} size="h5" id="map-legend" mb="xs">
                      {t('pathwayMap.legend')}
                    </Title>
                    <Text size="xs" c="dimmed" mb="xs">
                      {t('pathwayMap.legendSectors')}
                    </Text>
                    <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="map-legend-sectors">
                      {sectors.map((sector) => (
                        <Group key={sector} gap="xs" component="li" wrap="nowrap">
                          <span aria-hidden="true" style={{ width: 12, height: 12, borderRadius: 6, background: sectorColour(sector), flex: 'none' }} />
                          <Text size="sm">{t(`sector.${sector}`)}</Text>
                        </Group>
                      ))}
                    </Stack>
                    <Stack gap={2} mt="sm">
                      <Text size="xs">{t('pathwayMap.legendEntry')}</Text>
                      <Text size="xs">{t('pathwayMap.legendInactive')}</Text>
                      <Text size="xs">{t('pathwayMap.legendLines')}</Text>
                      {highlight && <Text size="xs">{t('pathwayMap.legendFinding')}</Text>}
                    </Stack>
                  </Paper>
                )}
                {selected && (
                  <Paper withBorder p="md" radius="md" component="section" aria-labelledby="pathway-details" data-testid="pathway-details">
                    <Group justify="space-between" mb="xs">
                      <Title order={2} size="h5" id="pathway-details">
                        {t('pathwayMap.details')}
                      </Title>
                      <Button size="compact-xs" variant="default" onClick={() => setSelectedId(null)}>
                        {t('common.close')}
                      </Button>
                    </Group>
                    <Stack gap={4}>
                      <Text size="sm">
                        <AnchorLink to="/n/$network/services/$serviceId" params={{ network, serviceId: selected.from_service.id }}>
                          {selected.from_service.name}
                        </AnchorLink>
                        {' → '}
                        <AnchorLink to="/n/$network/services/$serviceId" params={{ network, serviceId: selected.to_service.id }}>
                          {selected.to_service.name}
                        </AnchorLink>
                      </Text>
                      <Text size="sm">{t('pathwayMap.needs')}: {selected.needs.map((n) => t(`need.${n}`)).join(', ')}</Text>
                      <Text size="sm">{t('pathwayMap.channel')}: {t(`channel.${selected.channel}`)}</Text>
                      <Text size="sm">
                        {t('pathwayMap.expected')}:{' '}
                        {selected.expected_response_minutes === null ? t('common.none') : t('pathwayMap.minutes', { count: selected.expected_response_minutes })}
                      </Text>
                      <Text size="sm">{t('pathwayMap.consent')}: {selected.consent_required ? t('common.yes') : t('common.no')}</Text>
                      <Text size="sm">{t('pathwayMap.status')}: {t(`pathwayStatus.${selected.status}`)}</Text>
                      <Group gap="xs" mt="xs">
                        <ButtonLink to="/n/$network/services/pathways/$pathwayId" params={{ network, pathwayId: selected.id }} size="compact-sm" variant="default">
                          {t('pathway.open')}
                        </ButtonLink>
                        {permissions.editServicesOf(selected.from_service.partner_id) && (
                          <ButtonLink to="/n/$network/services/pathways/$pathwayId/edit" params={{ network, pathwayId: selected.id }} size="compact-sm" variant="default">
                            {t('pathway.edit')}
                          </ButtonLink>
                        )}
                      </Group>
                    </Stack>
                  </Paper>
                )}
                {highlight && (
                  <Paper withBorder p="md" radius="md" component="section" aria-labelledby="map-findings" data-testid="map-findings">
                    <Title order={2} size="h5" id="map-findings" mb="xs">
                      ⚠ {t('pathwayMap.findings')} ({shownFindings.length})
                    </Title>
                    {health.isPending && <LoadingState />}
                    {health.isError && <ErrorState onRetry={() => void health.refetch()} />}
                    {health.data && shownFindings.length === 0 && <Text size="sm">{t('pathwayHealth.emptyTitle')}</Text>}
                    <Stack
                      gap="xs"
                      component="ul"
                      tabIndex={0}
                      aria-labelledby="map-findings"
                      style={{ listStyle: 'none', padding: 0, margin: 0, maxHeight: 480, overflowY: 'auto' }}
                    >
                      {shownFindings.map((f, index) => (
                        <Stack key={index} gap={2} component="li">
                          <Text size="sm" fw={600}>
                            {t(`findingKind.${f.kind}`)}
                            {describe(f) ? ` · ${describe(f)}` : ''}
                          </Text>
                          <Text size="sm">{f.reason}</Text>
                          {(f.service_ids ?? []).length > 0 && (
                            <Text size="xs">{(f.service_ids ?? []).map((id) => names.get(id) ?? t('pathwayHealth.service')).join(', ')}</Text>
                          )}
                        </Stack>
                      ))}
                    </Stack>
                  </Paper>
                )}
              </Stack>
            </Group>
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="pathway-list">
              <Title order={2} size="h4" id="pathway-list" mb="xs">
                {t('pathwayMap.tableTitle')} ({shown.pathways.length})
              </Title>
              {shown.pathways.length === 0 ? (
                <Text size="sm">{t('pathwayMap.noPathways')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={780}>
                  <Table data-testid="pathway-table" striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('pathwayMap.from')}</Table.Th>
                        <Table.Th scope="col">{t('pathwayMap.to')}</Table.Th>
                        <Table.Th scope="col">{t('pathwayMap.sectors')}</Table.Th>
                        <Table.Th scope="col">{t('pathwayMap.needs')}</Table.Th>
                        <Table.Th scope="col">{t('pathwayMap.status')}</Table.Th>
                        <Table.Th scope="col">{t('common.actions')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {shown.pathways.map((p) => (
                        <Table.Tr key={p.id}>
                          <Table.Td>
                            <AnchorLink to="/n/$network/services/$serviceId" params={{ network, serviceId: p.from_service.id }} size="sm" {...spotlight(p.from_service.id)}>
                              {p.from_service.name}
                            </AnchorLink>
                          </Table.Td>
                          <Table.Td>
                            <AnchorLink to="/n/$network/services/$serviceId" params={{ network, serviceId: p.to_service.id }} size="sm" {...spotlight(p.to_service.id)}>
                              {p.to_service.name}
                            </AnchorLink>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{t('pathwayMap.sectorsFromTo', { from: t(`sector.${p.from_service.partner_sector}`), to: t(`sector.${p.to_service.partner_sector}`) })}</Text>
                          </Table.Td>
                          <Table.Td>{p.needs.map((n) => t(`need.${n}`)).join(', ')}</Table.Td>
                          <Table.Td>
                            <Group gap={4}>
                              <Text size="sm">{t(`pathwayStatus.${p.status}`)}</Text>
                              {flaggedPathways.has(p.id) && (
                                <Badge color="red.9" variant="filled" size="sm">
                                  ⚠ {t('pathwayMap.finding')}
                                </Badge>
                              )}
                            </Group>
                          </Table.Td>
                          <Table.Td>
                            <Button
                              size="compact-xs"
                              variant="default"
                              onClick={() => setSelectedId(p.id)}
                              aria-label={t('pathwayMap.showDetails', { from: p.from_service.name, to: p.to_service.name })}
                            >
                              {t('pathwayMap.detailsButton')}
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Paper>
          </Stack>
        )}
      </div>
    </>
  );
}
