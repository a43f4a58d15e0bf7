import { describe, expect, it } from 'vitest';

import { abbreviate, estimateTextWidth, intersects, placeLabels, type LabelRequest } from './label-placement';

const label = (id: string, cx: number, cy: number, width = 60): LabelRequest => ({ id, cx, cy, radius: 7, width, height: 14 });

function overlaps(boxes: { x: number; y: number; width: number; height: number }[]) {
  const pairs: [number, number][] = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => intersects(a, b) && pairs.push([i, i + 1 + j])));
  return pairs;
}

describe('placeLabels', () => {
  it('moves labels of neighbouring markers apart instead of stacking them', () => {
    // Five partners on one spot, spread on a small circle as the map does.
    const crowd = [0, 1, 2, 3, 4].map((i) => label(`p${i}`, 300 + 12 * Math.cos(i), 200 + 12 * Math.sin(i)));
    const placed = placeLabels(crowd, { x: 0, y: 0, width: 600, height: 400 });
    const visible = placed.filter((p) => p.visible);
    expect(visible.length).toBeGreaterThanOrEqual(4);
    expect(overlaps(visible)).toEqual([]);
    // Every label keeps its place in the input order and names its marker.
    expect(placed.map((p) => p.id)).toEqual(crowd.map((c) => c.id));
  });

  it('keeps clear of the markers themselves and of fixed texts', () => {
    const placed = placeLabels([label('a', 100, 100), label('b', 160, 100)], undefined, 3, [{ x: 90, y: 70, width: 100, height: 20 }]);
    for (const p of placed) {
      expect(intersects(p, { x: 93, y: 93, width: 14, height: 14 })).toBe(false);
      expect(intersects(p, { x: 153, y: 93, width: 14, height: 14 })).toBe(false);
      expect(intersects(p, { x: 90, y: 70, width: 100, height: 20 })).toBe(false);
    }
    expect(overlaps(placed)).toEqual([]);
  });

  it('leaves a label out rather than drawing it over another, and stays inside the bounds', () => {
    const bounds = { x: 0, y: 0, width: 120, height: 60 };
    const many = Array.from({ length: 12 }, (_, i) => label(`p${i}`, 20 + (i % 4) * 25, 20 + Math.floor(i / 4) * 10));
    const placed = placeLabels(many, bounds);
    const visible = placed.filter((p) => p.visible);
    expect(visible.length).toBeLessThan(many.length);
    expect(overlaps(visible)).toEqual([]);
    for (const p of visible) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x + p.width).toBeLessThanOrEqual(120);
    }
  });

  it('gives the same answer whatever order the labels come in', () => {
    const some = [label('a', 50, 50), label('b', 60, 52), label('c', 55, 70), label('d', 200, 10)];
    const forward = placeLabels(some);
    const backward = placeLabels([...some].reverse());
    expect([...backward].reverse()).toEqual(forward);
  });
});

describe('estimateTextWidth', () => {
  it('grows with the text and counts capitals wider', () => {
    expect(estimateTextWidth('UNFPA', 11)).toBeGreaterThan(estimateTextWidth('unfpa', 11));
    expect(estimateTextWidth('Engagement (1 faible – 5 élevé)', 13)).toBeGreaterThan(estimateTextWidth('Engagement', 13));
  });
});

describe('abbreviate', () => {
  it('keeps short names whole', () => {
    expect(abbreviate('Refugio Luna', 24)).toBe('Refugio Luna');
    expect(abbreviate('  Refugio   Luna ', 24)).toBe('Refugio Luna');
  });

  it('cuts long names at a word boundary with an ellipsis, never longer than asked', () => {
    const short = abbreviate('Asociación de Mujeres contra la Violencia del Distrito Norte', 24);
    expect(short).toBe('Asociación de Mujeres…');
    expect([...short].length).toBeLessThanOrEqual(24);
  });

  it('cuts inside a word when there is no space near the end, and drops a dangling separator', () => {
    expect(abbreviate('Kinderschutzzentrumsberatungsstelle', 12)).toBe('Kinderschut…');
    expect(abbreviate('Northside night line – out of hours desk', 22)).toBe('Northside night line…');
  });
});
