import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import cytoscape from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Finding, PathwayPublic } from '@/client';
import { AreaSelect } from '@/components/AreaPicker';
import { Fact } from '@/components/Fact';
import { AnchorLink, ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useReferralStats } from '@/features/referrals/api/stats';
import { StatValue } from '@/features/referrals/components/StatValue';
import { formatMinutes, formatPercent } from '@/features/referrals/components/stats-model';
import { areaScope, useAreaTree } from '@/lib/areas';
import { useFormat } from '@/lib/format';
import { abbreviate, intersects, placeLabels, type Side } from '@/lib/label-placement';
import { usePermissions } from '@/lib/membership';
import { useNames } from '@/lib/use-names';
import { NEEDS } from '@/lib/vocabulary';

import { layoutGraph } from '../api/graph-layout';
import { filterMap, MAP_BACKGROUND, MAP_LABEL, sectorColour, sectorsShown } from '../api/map';
import { EDGE_WIDTH, edgeLooks, pathwayFigures, pathwayStatsSearch, yearsOffered } from '../api/pathway-stats';
import type { PathwayMapSearch } from '../api/search';
import { usePathwayHealth, usePathwayList, useServiceOptions } from '../api/services';
import { ServicesNav } from '../components/ServicesNav';

/** Labels longer than this are cut ("…"); the full name shows on hover, and is in the table. */
const LABEL_CHARS = 24;

/** A finding's marker: thicker red-orange border on the canvas, plus a ⚠ in every text label. */
const FINDING_COLOUR = '#d9480f';
/** A referral total hidden for privacy: its word in grey italics on the line (over 6:1 on the canvas). */
const HIDDEN_COUNT_COLOUR = '#5c5f66';
/** A selected line is drawn this much wider than it is, and never thinner than this. */
const SELECTED_EXTRA_WIDTH = 2;
const SELECTED_MIN_WIDTH = 6;
/** Until the network's answer says otherwise (a network-wide answer always does). */
const DEFAULT_THRESHOLD = 10;
const DEFAULT_ROUNDING_BASE = 5;

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
 * Puts each node's label on a free side of it (see placeLabels), clear of the labels on the lines
 * (a finding's ⚠, a referral total), then checks what cytoscape drew: a label still touching
 * another is left out (its service is in the table; hovering shows it).
 * Records the drawn label boxes and node positions on the container, for the end-to-end test.
 */
function arrangeLabels(cy: cytoscape.Core, container: HTMLElement) {
  cy.batch(() => cy.nodes().removeClass('peek').removeStyle('text-halign text-valign text-margin-x text-margin-y label z-index text-background-opacity'));
  delete container.dataset.peek;
  const lineLabels = cy
    .edges()
    .filter((edge) => Boolean(edge.data('label')))
    .map((edge) => {
      const b = edge.boundingBox(LABEL_ONLY);
      return { x: b.x1, y: b.y1, width: b.w, height: b.h };
    });
  const nodes = cy.nodes().toArray();
  const requests = nodes.map((node) => {
    const box = node.boundingBox(LABEL_ONLY);
    const { x, y } = node.position();
    return { id: node.id(), cx: x, cy: y, radius: node.outerWidth() / 2, width: box.w, height: box.h };
  });
  // Labels stay inside the frame (its extent in the graph's own units).
  const view = cy.extent();
  const placed = placeLabels(requests, { x: view.x1, y: view.y1, width: view.w, height: view.h }, 4, lineLabels);
  cy.batch(() => {
    nodes.forEach((node, index) => {
      const spot = placed[index]!;
      node.style(spot.visible ? LABEL_STYLE[spot.side] : { label: '' });
    });
  });
  const kept: { x: number; y: number; width: number; height: number }[] = [...lineLabels];
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
  const format = useFormat();
  const thisYear = new Date().getUTCFullYear();
  const showReferrals = search.referrals === 'show';
  const year = search.year ?? thisYear;
  const statsSearch = useMemo(() => pathwayStatsSearch(year), [year]);
  const stats = useReferralStats(network, statsSearch, showReferrals);
  // Only the year asked for: while another loads, the last one's figures are not shown under its name.
  const statsAnswer = showReferrals && !stats.isPlaceholderData ? stats.data : undefined;
  const figures = useMemo(() => (statsAnswer ? pathwayFigures(statsAnswer) : undefined), [statsAnswer]);
  const threshold = statsAnswer?.threshold ?? DEFAULT_THRESHOLD;
  const roundingBase = statsAnswer?.rounding_base ?? DEFAULT_ROUNDING_BASE;
  const hiddenWord = t('referralStats.suppressed');
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
  const numbers = useMemo(() => new Intl.NumberFormat(format.locale), [format.locale]);
  const looks = useMemo(
    () => edgeLooks(shown.pathways.map((p) => p.id), { flagged: flaggedPathways, figures, formatNumber: (value) => numbers.format(value), hiddenWord }),
    [shown.pathways, flaggedPathways, figures, numbers, hiddenWord],
  );
  const selected = shown.pathways.find((p) => p.id === selectedId) ?? null;
  const selectedFigures = selected ? figures?.get(selected.id) : undefined;
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
          data: { id: `pathway-${p.id}`, pathway: p.id, source: p.from_service.id, target: p.to_service.id, line: lineStyle(p.status), label: '', width: EDGE_WIDTH, selectedWidth: SELECTED_MIN_WIDTH, arrowScale: 1 },
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
            width: 'data(width)',
            'line-color': '#495057',
            'target-arrow-color': '#495057',
            'target-arrow-shape': 'triangle',
            'arrow-scale': (edge: cytoscape.EdgeSingular) => edge.data('arrowScale') as number,
            'curve-style': 'bezier',
            'line-style': 'data(line)' as 'solid',
            label: 'data(label)',
            'font-size': 12,
            color: MAP_LABEL,
            // A figure on a line stays readable where the line runs through it.
            'text-background-color': MAP_BACKGROUND,
            'text-background-opacity': 0.85,
            'text-background-padding': '2px',
          },
        },
        { selector: 'edge.count-hidden', style: { 'font-style': 'italic', color: HIDDEN_COUNT_COLOUR } },
        // The width comes with the data (a finding's line is at least FINDING_EDGE_WIDTH wide).
        { selector: 'edge.finding', style: { 'line-color': FINDING_COLOUR, 'target-arrow-color': FINDING_COLOUR, color: FINDING_COLOUR } },
        { selector: 'edge:selected', style: { width: 'data(selectedWidth)', 'line-color': '#1971c2', 'target-arrow-color': '#1971c2' } },
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

  // The overlays (health findings, referrals) mark nodes and lines on the graph as it stands:
  // no new layout, only labels re-arranged. When the filters change the graph, this runs once
  // more with the graph just destroyed, before the new one is in state: nothing to mark then.
  useEffect(() => {
    if (!graph || graph.destroyed() || !container.current) return;
    graph.batch(() => {
      graph.nodes().forEach((node) => {
        const flagged = flaggedServices.has(node.id());
        node.data('label', (flagged ? '⚠ ' : '') + (node.data('short') as string));
        node.data('full', (flagged ? '⚠ ' : '') + (node.data('name') as string));
        node.toggleClass('finding', flagged);
      });
      graph.edges().forEach((edge) => {
        const pathway = edge.data('pathway') as string;
        const look = looks.get(pathway) ?? { label: '', suppressed: false, width: EDGE_WIDTH };
        edge.data({
          label: look.label,
          width: look.width,
          selectedWidth: Math.max(SELECTED_MIN_WIDTH, look.width + SELECTED_EXTRA_WIDTH),
          // Cytoscape sizes the arrow by the line's width: a thick line keeps a head that fits beside the node.
          arrowScale: Math.sqrt(EDGE_WIDTH / look.width),
        });
        edge.toggleClass('finding', flaggedPathways.has(pathway));
        edge.toggleClass('count-hidden', look.suppressed);
      });
    });
    arrangeLabels(graph, container.current);
    container.current.dataset.overlay = highlight ? 'on' : 'off';
    // For the end-to-end test: whether the referral figures are drawn, and each line's label and width.
    container.current.dataset.referrals = figures ? 'on' : 'off';
    container.current.dataset.edges = JSON.stringify(
      Object.fromEntries(
        graph.edges().map((edge) => {
          const label = edge.data('label') as string;
          const b = edge.renderedBoundingBox(LABEL_ONLY);
          const box = label ? { text: label, x: b.x1, y: b.y1, width: b.w, height: b.h } : null;
          return [edge.data('pathway') as string, { label, suppressed: edge.hasClass('count-hidden'), width: edge.data('width') as number, box }];
        }),
      ),
    );
  }, [graph, flaggedServices, flaggedPathways, looks, highlight, figures]);



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
  const minutes = (value: number) => formatMinutes(value, format.locale);
  const percent = (value: number) => formatPercent(value, format.locale);
  const count = (value: number) => numbers.format(value);
  const statisticsLink = (
    <AnchorLink to="/n/$network/referrals/statistics" params={{ network }} search={statsSearch} size="sm">
      {t('pathwayMap.referralsLink', { year })}
    </AnchorLink>
  );

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
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
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
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <Switch
              mb={8}
              label={t('pathwayMap.showReferrals')}
              checked={showReferrals}
              onChange={(event) => set({ referrals: event.currentTarget.checked ? 'show' : undefined, year: event.currentTarget.checked ? search.year : undefined })}
            />
            {showReferrals && (
              <Select
                label={t('referralStats.yearLabel')}
                data={yearsOffered(thisYear, year).map(String)}
                value={String(year)}
                allowDeselect={false}
                onChange={(value) => value && set({ year: Number(value) === thisYear ? undefined : Number(value) })}
                w={110}
                style={{ flex: 'none' }}
                data-testid="referrals-year"
              />
            )}
          </Group>
        </SimpleGrid>
      </Paper>
      <div aria-live="polite" aria-busy={services.isFetching || pathways.isFetching || (highlight && health.isFetching) || (showReferrals && stats.isFetching)}>
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
                      {statsAnswer && (
                        <>
                          <Text size="xs">{t('pathwayMap.legendReferrals', { year, base: roundingBase })}</Text>
                          <Text size="xs" data-testid="map-legend-hidden">
                            {t('pathwayMap.legendReferralsHidden', { hidden: hiddenWord, threshold })}
                          </Text>
                        </>
                      )}
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
                      {showReferrals && (
                        <Stack gap={6} mt="xs" component="section" aria-labelledby="pathway-referrals" data-testid="pathway-referrals">
                          <Title order={3} size="h6" id="pathway-referrals">
                            {t('pathwayMap.referralsTitle', { year })}
                          </Title>
                          {!statsAnswer && (
                            <Text size="sm" c="dimmed">
                              {stats.isError ? t('pathwayMap.referralsNotLoaded', { year }) : t('common.loading')}
                            </Text>
                          )}
                          {statsAnswer && !selectedFigures && <Text size="sm">{t('pathwayMap.noReferrals', { year })}</Text>}
                          {selectedFigures && (
                            <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs" component="dl" m={0}>
                              <Fact label={t('pathwayMap.referralsTotal')}>
                                <StatValue stat={selectedFigures.counts.total} format={count} threshold={threshold} />
                              </Fact>
                              <Fact label={t('referralStats.counts.accepted')}>
                                <StatValue stat={selectedFigures.counts.accepted} format={count} threshold={threshold} />
                              </Fact>
                              <Fact label={t('referralStats.counts.declined')}>
                                <StatValue stat={selectedFigures.counts.declined} format={count} threshold={threshold} />
                              </Fact>
                              <Fact label={t('referralStats.measures.acceptance_rate_percent')}>
                                <StatValue stat={selectedFigures.acceptance_rate_percent} format={percent} threshold={threshold} />
                              </Fact>
                              <Fact label={t('referralStats.measures.minutes_to_receive_median')}>
                                <StatValue stat={selectedFigures.minutes_to_receive_median} format={minutes} threshold={threshold} />
                              </Fact>
                              <Fact label={t('referralStats.measures.minutes_to_accept_median')}>
                                <StatValue stat={selectedFigures.minutes_to_accept_median} format={minutes} threshold={threshold} />
                              </Fact>
                            </SimpleGrid>
                          )}
                          {statisticsLink}
                        </Stack>
                      )}
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
                {showReferrals && (
                  <Paper withBorder p="md" radius="md" component="section" aria-labelledby="map-referrals" data-testid="map-referrals">
                    <Title order={2} size="h5" id="map-referrals" mb="xs">
                      {t('pathwayMap.referralsTitle', { year })}
                    </Title>
                    {/* The statistics load on their own: the map stays usable while they come, or if they fail. */}
                    {!statsAnswer && !stats.isError && <LoadingState />}
                    {stats.isError && <ErrorState onRetry={() => void stats.refetch()} />}
                    {statsAnswer && (
                      <Stack gap="xs" align="flex-start">
                        <Text size="sm">{t(narrow ? 'pathwayMap.referralsWhereNarrow' : 'pathwayMap.referralsWhere', { year })}</Text>
                        <Text size="sm" c="dimmed">
                          {t('referralStats.legendNetwork', { threshold, base: roundingBase })}
                        </Text>
                        {statisticsLink}
                      </Stack>
                    )}
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
                <Table.ScrollContainer minWidth={figures ? 880 : 780}>
                  <Table data-testid="pathway-table" striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('pathwayMap.from')}</Table.Th>
                        <Table.Th scope="col">{t('pathwayMap.to')}</Table.Th>
                        {/* Beside the pathway's ends: on a phone, where the table is the map, it is in view first. */}
                        {figures && (
                          <Table.Th scope="col" ta="end">
                            {t('pathwayMap.referralsColumn', { year })}
                          </Table.Th>
                        )}
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
                          {figures && (
                            <Table.Td ta="end" data-testid="pathway-referrals-total">
                              {figures.has(p.id) ? (
                                <StatValue stat={figures.get(p.id)?.counts.total} format={count} threshold={threshold} />
                              ) : (
                                <Text span size="sm" c="dimmed" data-testid="stat-none">
                                  <span aria-hidden="true">—</span>
                                  <span className="visually-hidden">{t('pathwayMap.noReferrals', { year })}</span>
                                </Text>
                              )}
                            </Table.Td>
                          )}
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
