import type { PathwayPublic, ServicePublic } from '@/client';
import { SECTORS, type Sector } from '@/lib/vocabulary';

import type { PathwayMapSearch } from './search';

/** The canvas behind the graph, and the colour the node labels are drawn in. */
export const MAP_BACKGROUND = '#ffffff';
export const MAP_LABEL = '#212529';
/** Graphics must stand out from what is around them at 3:1 at least (WCAG 1.4.11); we aim higher. */
export const MIN_NODE_CONTRAST = 4.5;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio between two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * One colour per sector, chosen by hand so the sectors that most often offer services
 * (health, police, justice, social services, child protection, housing, specialist NGOs…)
 * are far apart, and each at least MIN_NODE_CONTRAST against the canvas (a unit test
 * checks it). Colour is never the only cue: the legend names each sector, and the table
 * below the graph has the sectors in words.
 */
const SECTOR_COLOURS: Record<Sector, string> = {
  health: '#c92a2a',
  police: '#1c4fa0',
  justice: '#7b2d8e',
  social_services: '#2b7a3d',
  child_protection: '#a14a00',
  housing: '#00707a',
  education: '#7d6400',
  specialist_ngo: '#c2185b',
  community_group: '#5c5f66',
  neighbourhood_group: '#4d6000',
  faith_group: '#7a4b2a',
  local_government: '#4c5fd5',
  traditional_authority: '#9c36b5',
  perpetrator_programme: '#343a40',
  survivors_forum: '#b03a6f',
  youth_services: '#0b7a5a',
  sports_recreation: '#3f6e99',
  urban_planning: '#8f3b1b',
  research: '#5f3dc4',
  media: '#a61e4d',
  private_sector: '#66592a',
  trade_union: '#1d6a8a',
  donor: '#6f42c1',
  international_organisation: '#2d6a4f',
  human_rights_organisation: '#b3261e',
  military: '#4f5d2f',
  network: '#0b5394',
};

export function sectorColour(sector: Sector): string {
  return SECTOR_COLOURS[sector] ?? MAP_LABEL;
}

/** The sectors of the services shown, in the API's order (the legend lists these only). */
export function sectorsShown(services: Pick<ServicePublic, 'partner_sector'>[]): Sector[] {
  const present = new Set(services.map((s) => s.partner_sector));
  return SECTORS.filter((sector) => present.has(sector));
}

/** The services and pathways the filters keep: services in the area (or serving every area), pathways for the need between them.
 * `areaScope` (lib/areas `areaScope`) widens the area through the gazetteer: its sub-areas and the areas above it. */
export function filterMap(services: ServicePublic[], pathways: PathwayPublic[], search: PathwayMapSearch, areaScope?: ReadonlySet<string>) {
  const area = search.area?.toLowerCase();
  const scope = new Set([...(areaScope ?? []), ...(area ? [area] : [])].map((code) => code.toLowerCase()));
  const shownServices = services.filter((s) => !area || s.areas.length === 0 || s.areas.some((a) => scope.has(a.toLowerCase())));
  const ids = new Set(shownServices.map((s) => s.id));
  const shownPathways = pathways.filter(
    (p) => ids.has(p.from_service.id) && ids.has(p.to_service.id) && (!search.need || p.needs.includes(search.need)),
  );
  return { services: shownServices, pathways: shownPathways };
}
