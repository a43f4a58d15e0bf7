import type { PathwayPublic, ServicePublic } from '@/client';
import { SERVICE_TYPES, type ServiceType } from '@/lib/vocabulary';

import type { PathwayMapSearch } from './search';

/** One colour per service type (the partner's sector is not part of a service). */
export function typeColour(type: ServiceType): string {
  const index = Math.max(0, SERVICE_TYPES.indexOf(type));
  return `hsl(${Math.round((index * 360) / SERVICE_TYPES.length)}, 60%, 42%)`;
}

/** The services and pathways the filters keep: services in the area (or serving every area), pathways for the need between them. */
export function filterMap(services: ServicePublic[], pathways: PathwayPublic[], search: PathwayMapSearch) {
  const area = search.area?.toLowerCase();
  const shownServices = services.filter((s) => !area || s.areas.length === 0 || s.areas.some((a) => a.toLowerCase() === area));
  const ids = new Set(shownServices.map((s) => s.id));
  const shownPathways = pathways.filter(
    (p) => ids.has(p.from_service.id) && ids.has(p.to_service.id) && (!search.need || p.needs.includes(search.need)),
  );
  return { services: shownServices, pathways: shownPathways };
}
