import { describe, expect, it } from 'vitest';

import { SECTORS } from '@/lib/vocabulary';

import { MARKER_SHAPES, markerPath, sectorMarkers, shortLabel } from './map-points';

describe('sectorMarkers', () => {
  it('gives every sector of the vocabulary its own colour', () => {
    const markers = sectorMarkers(SECTORS);
    expect(markers.size).toBe(SECTORS.length);
    const colours = [...markers.values()].map((m) => m.colour.toLowerCase());
    expect(new Set(colours).size).toBe(SECTORS.length);
    const pairs = [...markers.values()].map((m) => `${m.colour}/${m.shape}`);
    expect(new Set(pairs).size).toBe(SECTORS.length);
  });

  it('gives each sector on a map its own shape, up to six sectors', () => {
    for (let start = 0; start + MARKER_SHAPES.length <= SECTORS.length; start += 1) {
      const shown = SECTORS.slice(start, start + MARKER_SHAPES.length).reverse();
      const shapes = [...sectorMarkers(shown).values()].map((m) => m.shape);
      expect(new Set(shapes).size).toBe(MARKER_SHAPES.length);
    }
  });

  it('does not depend on the order the points come in', () => {
    const a = sectorMarkers(['police', 'health', 'housing']);
    const b = sectorMarkers(['housing', 'police', 'health', 'police']);
    expect([...a.entries()]).toEqual([...b.entries()]);
  });
});

describe('markerPath', () => {
  it('draws a different path for each shape', () => {
    const paths = MARKER_SHAPES.map((shape) => markerPath(shape, 10, 10, 6));
    expect(new Set(paths).size).toBe(MARKER_SHAPES.length);
    for (const path of paths) expect(path).toMatch(/^M.*Z$/);
  });
});

describe('shortLabel', () => {
  it('uses the acronym, else the first two words, cut with an ellipsis', () => {
    expect(shortLabel({ acronym: 'RWA', name: 'Riverside Women’s Aid' })).toBe('RWA');
    expect(shortLabel({ acronym: null, name: 'Riverside Women’s Aid' })).toBe('Riverside Wom…');
    expect(shortLabel({ acronym: null, name: 'Police Station' })).toBe('Police Station');
  });
});
