import { describe, expect, it } from 'vitest';

import type { PathwayPublic, ServicePublic } from '@/client';

import { filterMap, typeColour } from './map';
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

  it('gives each service type its own colour', () => {
    expect(typeColour('shelter')).not.toEqual(typeColour('hotline'));
  });
});
