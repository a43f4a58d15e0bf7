/** A box in the picture's own coordinates (SVG user units, or a graph's model units). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelRequest {
  id: string;
  /** The marker's centre. */
  cx: number;
  cy: number;
  /** Half the marker's size: the label keeps clear of it. */
  radius: number;
  width: number;
  height: number;
}

export interface PlacedLabel extends Box {
  id: string;
  /** False when every spot around the marker collides: the label is left out (the name stays in the marker's accessible name and title). */
  visible: boolean;
  /** Where the label sits relative to its marker. */
  side: Side;
}

export type Side = 'right' | 'left' | 'below' | 'above' | 'upper-right' | 'lower-right' | 'upper-left' | 'lower-left';

const SIDES: Side[] = ['right', 'left', 'below', 'above', 'upper-right', 'lower-right', 'upper-left', 'lower-left'];

export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(box: Box, bounds: Box): boolean {
  return box.x >= bounds.x && box.y >= bounds.y && box.x + box.width <= bounds.x + bounds.width && box.y + box.height <= bounds.y + bounds.height;
}

function candidate(label: LabelRequest, side: Side, gap: number): Box {
  const { cx, cy, radius: r, width: w, height: h } = label;
  const d = r + gap;
  switch (side) {
    case 'right':
      return { x: cx + d, y: cy - h / 2, width: w, height: h };
    case 'left':
      return { x: cx - d - w, y: cy - h / 2, width: w, height: h };
    case 'below':
      return { x: cx - w / 2, y: cy + d, width: w, height: h };
    case 'above':
      return { x: cx - w / 2, y: cy - d - h, width: w, height: h };
    case 'upper-right':
      return { x: cx + r, y: cy - d - h, width: w, height: h };
    case 'lower-right':
      return { x: cx + r, y: cy + d, width: w, height: h };
    case 'upper-left':
      return { x: cx - r - w, y: cy - d - h, width: w, height: h };
    case 'lower-left':
      return { x: cx - r - w, y: cy + d, width: w, height: h };
  }
}

/**
 * Places labels beside their markers so that no two labels overlap, nor a label a marker.
 * Deterministic: labels are taken top to bottom (then left to right, then by id); each takes the
 * first of eight spots around its marker that is free and inside `bounds`. A label with no free
 * spot is marked not visible rather than drawn over another. `obstacles` (fixed texts) are kept clear too.
 */
export function placeLabels(labels: readonly LabelRequest[], bounds?: Box, gap = 3, obstacles: readonly Box[] = []): PlacedLabel[] {
  const order = [...labels].sort((a, b) => a.cy - b.cy || a.cx - b.cx || a.id.localeCompare(b.id));
  const markers: Box[] = labels.map((l) => ({ x: l.cx - l.radius, y: l.cy - l.radius, width: 2 * l.radius, height: 2 * l.radius }));
  const taken: Box[] = [...obstacles];
  const placed = new Map<string, PlacedLabel>();
  for (const label of order) {
    let chosen: PlacedLabel | undefined;
    for (const side of SIDES) {
      const box = candidate(label, side, gap);
      if (bounds && !inside(box, bounds)) continue;
      if (taken.some((other) => intersects(box, other))) continue;
      if (markers.some((marker) => intersects(box, marker))) continue;
      chosen = { ...box, id: label.id, visible: true, side };
      break;
    }
    if (chosen) taken.push(chosen);
    placed.set(label.id, chosen ?? { ...candidate(label, 'right', gap), id: label.id, visible: false, side: 'right' });
  }
  return labels.map((l) => placed.get(l.id)!);
}

/** A generous estimate of a label's width (Latin text, sans-serif), so that drawn text stays inside its box. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) {
    if (/[A-Z0-9MWmw@%&]/.test(ch)) units += 0.72;
    else if (/[iljtf.,'’:;|! ]/.test(ch)) units += 0.36;
    else units += 0.6;
  }
  return Math.ceil(units * fontSize) + 2;
}

/**
 * A long name cut to at most `max` characters for a label, at a word boundary where one is near,
 * ending in "…" (the full name stays in the title, the tooltip and the table). Short names are kept whole.
 */
export function abbreviate(text: string, max: number): string {
  const name = text.trim().replace(/\s+/g, ' ');
  if ([...name].length <= max) return name;
  const chars = [...name].slice(0, max - 1);
  const cut = chars.lastIndexOf(' ');
  const kept = cut >= max / 2 ? chars.slice(0, cut) : chars;
  return `${kept.join('').replace(/[\s,;:·–-]+$/, '')}…`;
}
