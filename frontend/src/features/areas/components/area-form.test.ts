import { describe, expect, it } from 'vitest';

import type { AreaPublic } from '@/client';
import { areaEntries, areaLabel, areaMatches, areaScope } from '@/lib/areas';

import { codeFrom, possibleParents } from './AreaForm';

function area(id: string, code: string, en: string, parent: string | null = null, fr: string | null = null, es: string | null = null): AreaPublic {
  return { id, code, names: { en, fr, es }, parent_id: parent, parent_code: null, version: 1, created_at: '', updated_at: '' };
}

const region = area('r', 'riverside', 'Riverside County', null, 'Comté de Riverside');
const north = area('n', 'north-district', 'North District', 'r', 'Quartier Nord', 'Distrito Norte');
const block = area('b', 'north-block', 'North Block', 'n');
const hills = area('h', 'hill-villages', 'Hill Villages');
const tree = [hills, region, north, block];

describe('the gazetteer in the dashboard', () => {
  it('names an area in the interface language, English when it has no name there', () => {
    expect(areaLabel(north.names, 'fr')).toBe('Quartier Nord');
    expect(areaLabel(north.names, 'es')).toBe('Distrito Norte');
    expect(areaLabel(block.names, 'fr')).toBe('North Block');
  });

  it('finds an area by a name in any language or its code, ignoring case and accents', () => {
    expect(areaMatches(north, 'North')).toBe(true);
    expect(areaMatches(north, 'nord')).toBe(true);
    expect(areaMatches(north, 'distrito')).toBe(true);
    expect(areaMatches(region, 'comte')).toBe(true);
    expect(areaMatches(north, 'north-dis')).toBe(true);
    expect(areaMatches(hills, 'nord')).toBe(false);
  });

  it('shows each area with the areas above it', () => {
    const entries = areaEntries(tree, 'fr');
    expect(entries.map((e) => [e.area.code, e.depth, e.path.join(' › ')])).toEqual([
      ['hill-villages', 0, ''],
      ['riverside', 0, ''],
      ['north-district', 1, 'Comté de Riverside'],
      ['north-block', 2, 'Comté de Riverside › Quartier Nord'],
    ]);
  });

  it('never offers an area itself or its sub-areas as its parent', () => {
    expect(possibleParents(tree, region).map((a) => a.code)).toEqual(['hill-villages']);
    expect(possibleParents(tree, north).map((a) => a.code)).toEqual(['hill-villages', 'riverside']);
    expect(possibleParents(tree, null)).toHaveLength(4);
  });

  it('proposes a code from the English name', () => {
    expect(codeFrom('North District')).toBe('north-district');
    expect(codeFrom('  Vieille Ville — Île ')).toBe('vieille-ville-ile');
  });
});

describe('areaScope', () => {
  it('widens an area question to the areas below and above it', () => {
    expect([...areaScope(tree, 'riverside')].sort()).toEqual(['north-block', 'north-district', 'riverside']);
    expect([...areaScope(tree, 'north-district')].sort()).toEqual(['north-block', 'north-district', 'riverside']);
    expect([...areaScope(tree, 'hill-villages')]).toEqual(['hill-villages']);
    expect([...areaScope(tree, 'free-code')]).toEqual(['free-code']);
  });
});
