import type { StakeholderPoint } from '@/client';
import type { Sector } from '@/lib/vocabulary';

export interface MapPoint extends StakeholderPoint {
  /** Plotted position: the scores, nudged apart when several partners share them. */
  x: number;
  y: number;
}

// Distinct, mid-dark hues that keep 3:1 contrast with white for the markers.
const PALETTE = ['teal', 'blue', 'grape', 'orange', 'indigo', 'cyan', 'pink', 'lime', 'violet', 'yellow', 'green', 'gray'];

export function sectorColours(points: readonly StakeholderPoint[]): Map<Sector, string> {
  const sectors = [...new Set(points.map((point) => point.sector))].sort();
  return new Map(sectors.map((sector, index) => [sector, PALETTE[index % PALETTE.length]!]));
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
