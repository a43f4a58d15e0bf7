import { Group, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { estimateTextWidth, placeLabels, type Box } from '@/lib/label-placement';
import type { Sector } from '@/lib/vocabulary';

import { markerPath, sectorMarkers, shortLabel, type MapPoint } from './map-points';

/** The picture's own coordinates; it scales to its box's width. */
const W = 720;
const H = 470;
const PLOT: Box = { x: 78, y: 12, width: 626, height: 380 };
const LABEL_SIZE = 11;
const LABEL_HEIGHT = 14;
const QUADRANT_SIZE = 12;
const AXIS_SIZE = 13;

const scaleX = (value: number) => PLOT.x + ((value - 0.5) / 5) * PLOT.width;
const scaleY = (value: number) => PLOT.y + PLOT.height - ((value - 0.5) / 5) * PLOT.height;

/** An axis title on one line if it fits `room`, else on two (cut before its bracket, or at the middle space). */
function wrapTitle(text: string, size: number, room: number): string[] {
  if (estimateTextWidth(text, size) <= room) return [text];
  const bracket = text.indexOf(' (');
  const cut = bracket > 0 ? bracket : text.lastIndexOf(' ', Math.floor(text.length / 2));
  return cut > 0 ? [text.slice(0, cut), text.slice(cut + 1)] : [text];
}

export function StakeholderChart({ points, onOpen }: { points: readonly MapPoint[]; onOpen: (partnerId: string) => void }) {
  const { t } = useTranslation();
  const [active, setActive] = useState<string | null>(null);
  const markers = useMemo(() => sectorMarkers(points.map((p) => p.sector)), [points]);

  const quadrants = useMemo(() => {
    const inset = 6;
    const spec = [
      { key: 'keepSatisfied', x: PLOT.x + inset, y: PLOT.y + inset, anchor: 'start' as const },
      { key: 'manageClosely', x: PLOT.x + PLOT.width - inset, y: PLOT.y + inset, anchor: 'end' as const },
      { key: 'monitor', x: PLOT.x + inset, y: PLOT.y + PLOT.height - inset - 16, anchor: 'start' as const },
      { key: 'keepInformed', x: PLOT.x + PLOT.width - inset, y: PLOT.y + PLOT.height - inset - 16, anchor: 'end' as const },
    ];
    return spec.map((q) => {
      const text = t(`map.quadrant.${q.key}`);
      const width = estimateTextWidth(text, QUADRANT_SIZE);
      return { ...q, text, box: { x: q.anchor === 'start' ? q.x : q.x - width, y: q.y, width, height: 16 } };
    });
  }, [t]);

  const placed = useMemo(() => {
    const plotted = points.map((p) => ({ point: p, cx: scaleX(p.x), cy: scaleY(p.y), r: p.champion ? 9 : 7, label: shortLabel(p) }));
    const labels = placeLabels(
      plotted.map((p) => ({ id: p.point.partner_id, cx: p.cx, cy: p.cy, radius: p.r + 1, width: estimateTextWidth(p.label, LABEL_SIZE), height: LABEL_HEIGHT })),
      { x: PLOT.x + 2, y: PLOT.y + 2, width: PLOT.width - 4, height: PLOT.height - 4 },
      3,
      quadrants.map((q) => q.box),
    );
    return plotted.map((p, index) => ({ ...p, box: labels[index]! }));
  }, [points, quadrants]);

  const xTitle = wrapTitle(t('map.commitmentAxis'), AXIS_SIZE, PLOT.width);
  const yTitle = wrapTitle(t('map.influenceAxis'), AXIS_SIZE, PLOT.height);
  const ticks = [1, 2, 3, 4, 5];
  const activePoint = placed.find((p) => p.point.partner_id === active && !p.box.visible);
  const legend: [Sector, ReturnType<typeof markers.get>][] = [...markers.entries()];

  return (
    <>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="group" aria-label={t('map.chartTitle')} data-testid="stakeholder-svg" style={{ display: 'block', overflow: 'visible' }}>
        <rect x={PLOT.x} y={PLOT.y} width={PLOT.width} height={PLOT.height} fill="white" stroke="var(--mantine-color-gray-4)" />
        {ticks.map((v) => (
          <g key={v} aria-hidden="true">
            <line x1={scaleX(v)} x2={scaleX(v)} y1={PLOT.y} y2={PLOT.y + PLOT.height} stroke="var(--mantine-color-gray-3)" strokeDasharray="3 3" />
            <line y1={scaleY(v)} y2={scaleY(v)} x1={PLOT.x} x2={PLOT.x + PLOT.width} stroke="var(--mantine-color-gray-3)" strokeDasharray="3 3" />
            <text x={scaleX(v)} y={PLOT.y + PLOT.height + 18} textAnchor="middle" fontSize={12} fill="var(--mantine-color-gray-8)">
              {v}
            </text>
            <text x={PLOT.x - 8} y={scaleY(v) + 4} textAnchor="end" fontSize={12} fill="var(--mantine-color-gray-8)">
              {v}
            </text>
          </g>
        ))}
        <line x1={scaleX(3)} x2={scaleX(3)} y1={PLOT.y} y2={PLOT.y + PLOT.height} stroke="var(--mantine-color-gray-6)" aria-hidden="true" />
        <line y1={scaleY(3)} y2={scaleY(3)} x1={PLOT.x} x2={PLOT.x + PLOT.width} stroke="var(--mantine-color-gray-6)" aria-hidden="true" />
        {quadrants.map((q) => (
          <text key={q.key} className="map-quadrant" x={q.x} y={q.y + 12} textAnchor={q.anchor} fontSize={QUADRANT_SIZE} fontWeight={600} fill="var(--mantine-color-gray-7)">
            {q.text}
          </text>
        ))}
        <text className="map-axis-title" data-axis="x" x={PLOT.x + PLOT.width / 2} y={PLOT.y + PLOT.height + 40} textAnchor="middle" fontSize={AXIS_SIZE} fill="var(--mantine-color-gray-8)">
          {xTitle.map((line, i) => (
            <tspan key={i} x={PLOT.x + PLOT.width / 2} dy={i === 0 ? 0 : AXIS_SIZE + 3}>
              {line}
            </tspan>
          ))}
        </text>
        <text
          className="map-axis-title"
          data-axis="y"
          transform={`translate(${yTitle.length > 1 ? 16 : 26}, ${PLOT.y + PLOT.height / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize={AXIS_SIZE}
          fill="var(--mantine-color-gray-8)"
        >
          {yTitle.map((line, i) => (
            <tspan key={i} x={0} dy={i === 0 ? 0 : AXIS_SIZE + 3}>
              {line}
            </tspan>
          ))}
        </text>
        {placed.map(({ point, cx, cy, r, label, box }) => {
          const marker = markers.get(point.sector)!;
          const name = t('map.pointLabel', { name: point.name, stage: t(`stage.${point.stage}`) });
          return (
            <g
              key={point.partner_id}
              role="link"
              tabIndex={0}
              aria-label={name}
              data-partner-id={point.partner_id}
              className="map-point"
              style={{ cursor: 'pointer' }}
              onClick={() => onOpen(point.partner_id)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  onOpen(point.partner_id);
                }
              }}
              onFocus={() => setActive(point.partner_id)}
              onBlur={() => setActive(null)}
              onMouseEnter={() => setActive(point.partner_id)}
              onMouseLeave={() => setActive(null)}
            >
              <title>{`${point.name} · ${t(`sector.${point.sector}`)} · ${t('map.scores', { influence: point.influence, commitment: point.commitment })}${point.champion ? ` · ${t('map.champion')}` : ''}`}</title>
              <path className="map-marker" d={markerPath(marker.shape, cx, cy, r)} fill={marker.colour} stroke="white" strokeWidth={2} />
              {box.visible && (
                <text className="map-label" x={box.x + 1} y={box.y + LABEL_HEIGHT - 3} fontSize={LABEL_SIZE} fill="var(--mantine-color-gray-9)" aria-hidden="true">
                  {label}
                </text>
              )}
            </g>
          );
        })}
        {activePoint && (
          // A label left out for want of room shows while its marker is hovered or focused, over the others.
          <g aria-hidden="true" pointerEvents="none">
            <rect x={activePoint.box.x - 1} y={activePoint.box.y} width={activePoint.box.width + 2} height={LABEL_HEIGHT} fill="white" stroke="var(--mantine-color-gray-6)" rx={2} />
            <text className="map-label-active" x={activePoint.box.x + 1} y={activePoint.box.y + LABEL_HEIGHT - 3} fontSize={LABEL_SIZE} fill="var(--mantine-color-gray-9)">
              {activePoint.label}
            </text>
          </g>
        )}
      </svg>
      <Group gap="md" mt="sm" px="xs" component="ul" style={{ listStyle: 'none', padding: 0 }} aria-label={t('map.legend')} data-testid="stakeholder-legend">
        {legend.map(([sector, marker]) => (
          <Group component="li" key={sector} gap={6} wrap="nowrap" data-shape={marker!.shape} data-colour={marker!.colour}>
            <svg width={16} height={16} viewBox="0 0 16 16" aria-hidden="true">
              <path d={markerPath(marker!.shape, 8, 8, 6)} fill={marker!.colour} />
            </svg>
            <Text size="xs">{t(`sector.${sector}`)}</Text>
          </Group>
        ))}
      </Group>
    </>
  );
}
