import { describe, expect, it } from 'vitest';

import type { PathwayPublic, ServicePublic } from '@/client';

import { SECTORS } from '@/lib/vocabulary';

import { contrastRatio, filterMap, MAP_BACKGROUND, MAP_LABEL, MIN_NODE_CONTRAST, sectorColour, sectorsShown } from './map';
import { parsePathwayMapSearch } from './search';

const service = (id: string, areas: string[]) => ({ id, areas, type: 'shelter' }) as unknown as ServicePublic;
const pathway = (id: string, from: string, to: string, needs: string[]) =>
  ({ id, from_service: { id: from }, to_service: { id: to }, needs }) as unknown as PathwayPublic;

describe('pathway map', () => {
  it('keeps a known need, an area and the findings toggle only', () => {
    expect(parsePathwayMapSearch({ need: 'emergency_shelter', area: ' North ', findings: 'show' })).toEqual({ need: 'emergency_shelter', area: 'North', findings: 'show' });
    expect(parsePathwayMapSearch({ need: 'castle', findings: 'yes' })).toEqual({});
  });

  it('keeps services in the area or serving every area, and pathways for the need between them', () => {
    const services = [service('a', []), service('b', ['North']), service('c', ['South'])];
    const pathways = [pathway('1', 'a', 'b', ['emergency_shelter']), pathway('2', 'a', 'c', ['emergency_shelter']), pathway('3', 'b', 'a', ['legal_advice'])];
    const shown = filterMap(services, pathways, { area: 'north', need: 'emergency_shelter' });
    expect(shown.services.map((s) => s.id)).toEqual(['a', 'b']);
    expect(shown.pathways.map((p) => p.id)).toEqual(['1']);
    expect(filterMap(services, pathways, {}).pathways).toHaveLength(3);
  });

  it('gives each partner sector its own colour', () => {
    expect(new Set(SECTORS.map(sectorColour)).size).toBe(SECTORS.length);
    expect(sectorColour('health')).not.toEqual(sectorColour('police'));
  });

  it('keeps every sector colour legible against the canvas, and the labels readable', () => {
    for (const sector of SECTORS) {
      expect(contrastRatio(sectorColour(sector), MAP_BACKGROUND), sector).toBeGreaterThanOrEqual(MIN_NODE_CONTRAST);
    }
    expect(MIN_NODE_CONTRAST).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(MAP_LABEL, MAP_BACKGROUND)).toBeGreaterThanOrEqual(7);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
  });

  it('lists in the legend only the sectors of the services shown, in the API order', () => {
    const shown = [{ partner_sector: 'police' }, { partner_sector: 'health' }, { partner_sector: 'police' }] as const;
    expect(sectorsShown([...shown])).toEqual(['health', 'police']);
  });
});
