import type { StakeholderPoint } from '@/client';
import { sectorColour } from '@/features/services/api/map';
import { SECTORS, type Sector } from '@/lib/vocabulary';

export interface MapPoint extends StakeholderPoint {
  /** Plotted position: the scores, nudged apart when several partners share them. */
  x: number;
  y: number;
}

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangle-down' | 'hexagon';
export const MARKER_SHAPES: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'triangle-down', 'hexagon'];

export interface SectorMarker {
  colour: string;
  shape: MarkerShape;
}

/**
 * Each sector's marker: its own colour (the pathway map's sector colours, one per sector and
 * each dark enough on white) and a shape, so that colour is never the only cue. Shapes go
 * round the sectors present in vocabulary order: up to six sectors on a map each have their own.
 */
export function sectorMarkers(sectors: Iterable<Sector>): Map<Sector, SectorMarker> {
  const present = new Set(sectors);
  const ordered = SECTORS.filter((sector) => present.has(sector));
  return new Map(ordered.map((sector, index) => [sector, { colour: sectorColour(sector), shape: MARKER_SHAPES[index % MARKER_SHAPES.length]! }]));
}

/** An SVG path for a marker of radius `r` centred on (cx, cy); shapes of equal visual weight. */
export function markerPath(shape: MarkerShape, cx: number, cy: number, r: number): string {
  const polygon = (points: [number, number][]) => `M${points.map(([x, y]) => `${(cx + x).toFixed(2)},${(cy + y).toFixed(2)}`).join('L')}Z`;
  switch (shape) {
    case 'circle':
      return `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'square': {
      const s = r * 0.88;
      return polygon([[-s, -s], [s, -s], [s, s], [-s, s]]);
    }
    case 'triangle':
      return polygon([[0, -r * 1.15], [r * 1.1, r * 0.8], [-r * 1.1, r * 0.8]]);
    case 'triangle-down':
      return polygon([[0, r * 1.15], [r * 1.1, -r * 0.8], [-r * 1.1, -r * 0.8]]);
    case 'diamond':
      return polygon([[0, -r * 1.2], [r * 1.2, 0], [0, r * 1.2], [-r * 1.2, 0]]);
    case 'hexagon':
      return polygon([0, 1, 2, 3, 4, 5].map((i) => [r * 1.05 * Math.cos((Math.PI / 3) * i), r * 1.05 * Math.sin((Math.PI / 3) * i)] as [number, number]));
  }
}

/** The short label drawn beside a marker: the acronym, else the first two words, cut at 14 characters. */
export function shortLabel(point: Pick<StakeholderPoint, 'acronym' | 'name'>): string {
  const label = point.acronym ?? point.name.split(/\s+/).slice(0, 2).join(' ');
  return label.length > 14 ? `${label.slice(0, 13)}…` : label;
}

/**
 * Scores are whole numbers 1–5, so partners often share a spot. Points sharing one are
 * spread on a small circle around it, so each stays visible and clickable.
 */
export function spreadPoints(points: readonly StakeholderPoint[], radius = 0.22): MapPoint[] {
  const groups = new Map<string, StakeholderPoint[]>();
  for (const point of points) {
    if (point.commitment === null || point.influence === null) continue;
    const key = `${point.commitment}:${point.influence}`;
    groups.set(key, [...(groups.get(key) ?? []), point]);
  }
  const result: MapPoint[] = [];
  for (const group of groups.values()) {
    group.forEach((point, index) => {
      const angle = (2 * Math.PI * index) / group.length - Math.PI / 2;
      const r = group.length === 1 ? 0 : radius;
      result.push({
        ...point,
        x: point.commitment! + r * Math.cos(angle),
        y: point.influence! + r * Math.sin(angle),
      });
    });
  }
  return result;
}
