/**
 * The network's gazetteer as every screen reads it: area codes (what the API stores on
 * partners, services and locations) shown as names in the interface language, with the
 * wider area they sit in. A code that is not in the gazetteer is shown as itself.
 */
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { areasAreaTree, type AreaPublic } from '@/client';

import { folded } from './languages';
import { unwrap } from './problem';

export const areaKeys = {
  all: (network: string) => ['networks', network, 'areas'] as const,
  tree: (network: string) => [...areaKeys.all(network), 'tree'] as const,
};

/** The network of the current screen (`/n/$network/…`). */
export function useCurrentNetwork(): string {
  const params: { network?: string } = useParams({ strict: false });
  return params.network ?? '';
}

/** The whole gazetteer, each parent before its sub-areas (the API bounds it). */
export function useAreaTree(network: string) {
  return useQuery({
    queryKey: areaKeys.tree(network),
    enabled: Boolean(network),
    queryFn: ({ signal }) => unwrap(areasAreaTree({ path: { network }, signal })),
    staleTime: 60_000,
  });
}

type Names = AreaPublic['names'];

/** The area's name in `uiLanguage`, English when it has none there. */
export function areaLabel(names: Names, uiLanguage: string): string {
  const name = uiLanguage === 'fr' ? names.fr : uiLanguage === 'es' ? names.es : names.en;
  return name || names.en;
}

export interface AreaEntry {
  area: AreaPublic;
  label: string;
  depth: number;
  /** The names of the areas above it, nearest last ("Greater Riverside"). */
  path: string[];
}

/** The tree as a list in picker order, with each area's depth and the path above it. */
export function areaEntries(tree: readonly AreaPublic[], uiLanguage: string): AreaEntry[] {
  const byId = new Map(tree.map((area) => [area.id, area]));
  return tree.map((area) => {
    const path: string[] = [];
    const seen = new Set<string>([area.id]);
    let parent = area.parent_id ? byId.get(area.parent_id) : undefined;
    while (parent && !seen.has(parent.id)) {
      seen.add(parent.id);
      path.unshift(areaLabel(parent.names, uiLanguage));
      parent = parent.parent_id ? byId.get(parent.parent_id) : undefined;
    }
    return { area, label: areaLabel(area.names, uiLanguage), depth: path.length, path };
  });
}

/** Whether `query` names the area in any interface language or is part of its code. */
export function areaMatches(area: AreaPublic, query: string): boolean {
  const wanted = folded(query);
  if (!wanted) return true;
  return [area.code, area.names.en, area.names.fr, area.names.es].some((text) => text && folded(text).includes(wanted));
}

/** The codes an area question covers: the area, every area below it and every area above
 * it (a region's question finds a district's service; a district's, a region-wide one). */
export function areaScope(tree: readonly AreaPublic[], code: string): Set<string> {
  const byCode = new Map(tree.map((area) => [area.code, area]));
  const byId = new Map(tree.map((area) => [area.id, area]));
  const scope = new Set<string>([code]);
  let current = byCode.get(code);
  while (current?.parent_id) {
    const parent = byId.get(current.parent_id);
    if (!parent || scope.has(parent.code)) break;
    scope.add(parent.code);
    current = parent;
  }
  const start = byCode.get(code);
  const below = start ? [start.id] : [];
  while (below.length) {
    const id = below.pop();
    for (const area of tree) {
      if (area.parent_id === id && !scope.has(area.code)) {
        scope.add(area.code);
        below.push(area.id);
      }
    }
  }
  return scope;
}

/** code → name in the interface language; unknown codes come back as they are. */
export function useAreaNames(network?: string): (code: string) => string {
  const { i18n } = useTranslation();
  const current = useCurrentNetwork();
  network = network ?? current;
  const ui = i18n.resolvedLanguage ?? 'en';
  const tree = useAreaTree(network).data;
  const names = useMemo(() => new Map((tree ?? []).map((area) => [area.code, areaLabel(area.names, ui)])), [tree, ui]);
  return useCallback((code: string) => names.get(code) ?? code, [names]);
}
