/** A node's place in the graph's own (model) coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** The ideal length of a line between two services, in model units (a node is 22 wide, a label up to about 170). */
export const EDGE_LENGTH = 100;
/** No two nodes end closer than this, so every node and its label have room. */
export const MIN_DISTANCE = 56;

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** A force-directed layout of one connected group of nodes 0..n-1, centred near the origin. */
function forceLayout(n: number, links: readonly (readonly [number, number])[]): { xs: Float64Array; ys: Float64Array } {
  const k = EDGE_LENGTH;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const r = k * 0.6 * Math.sqrt(i + 0.5);
    xs[i] = r * Math.cos(i * GOLDEN_ANGLE);
    ys[i] = r * Math.sin(i * GOLDEN_ANGLE);
  }
  const steps = n > 300 ? 120 : 300;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  let temperature = k * Math.sqrt(n) * 0.5 + k;
  const cooling = temperature / steps;
  for (let step = 0; step < steps && n > 1; step += 1) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i += 1) {
      for (let j = i + 1; j < n; j += 1) {
        let ddx = xs[i]! - xs[j]!;
        let ddy = ys[i]! - ys[j]!;
        let d2 = ddx * ddx + ddy * ddy;
        if (d2 < 0.01) {
          // Two nodes on the same spot: part them along a direction fixed by their indices.
          ddx = Math.cos(i + j);
          ddy = Math.sin(i + j);
          d2 = 1;
        }
        const force = (k * k) / d2; // (k²/d) along the unit vector = k²/d² × (ddx, ddy)
        dx[i]! += ddx * force;
        dy[i]! += ddy * force;
        dx[j]! -= ddx * force;
        dy[j]! -= ddy * force;
      }
    }
    for (const [a, b] of links) {
      const ddx = xs[a]! - xs[b]!;
      const ddy = ys[a]! - ys[b]!;
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 1;
      const force = d / k; // (d²/k) along the unit vector
      dx[a]! -= ddx * force;
      dy[a]! -= ddy * force;
      dx[b]! += ddx * force;
      dy[b]! += ddy * force;
    }
    for (let i = 0; i < n; i += 1) {
      // A gentle pull to the centre keeps the group round.
      dx[i]! -= xs[i]! * 0.05;
      dy[i]! -= ys[i]! * 0.05;
      const length = Math.sqrt(dx[i]! * dx[i]! + dy[i]! * dy[i]!);
      if (length > 0) {
        const move = Math.min(length, temperature);
        xs[i]! += (dx[i]! / length) * move;
        ys[i]! += (dy[i]! / length) * move;
      }
    }
    temperature = Math.max(temperature - cooling, 1);
  }
  // Then part any two nodes still too close, a few passes (deterministic order).
  for (let pass = 0; pass < 50; pass += 1) {
    let moved = false;
    for (let i = 0; i < n; i += 1) {
      for (let j = i + 1; j < n; j += 1) {
        let ddx = xs[j]! - xs[i]!;
        let ddy = ys[j]! - ys[i]!;
        let d = Math.sqrt(ddx * ddx + ddy * ddy);
        if (d >= MIN_DISTANCE) continue;
        if (d < 0.01) {
          ddx = Math.cos(i + j);
          ddy = Math.sin(i + j);
          d = 1;
        }
        const push = (MIN_DISTANCE - d) / 2 + 0.5;
        xs[i]! -= (ddx / d) * push;
        ys[i]! -= (ddy / d) * push;
        xs[j]! += (ddx / d) * push;
        ys[j]! += (ddy / d) * push;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return { xs, ys };
}

/**
 * Where each node sits, from the graph alone: the node ids and the lines between them. A pure,
 * deterministic layout, so the same graph is always drawn the same way, whatever overlay is shown
 * over it and in whatever order the ids come: each connected group is laid out by a force-directed
 * layout (Fruchterman–Reingold from a fixed spiral start, a fixed number of steps, no randomness),
 * then the groups are packed in rows, largest first, so a lone service does not drift far off and
 * shrink the picture. Nodes end at least MIN_DISTANCE apart.
 */
export function layoutGraph(ids: readonly string[], edges: readonly (readonly [string, string])[]): Map<string, Point> {
  const order = [...new Set(ids)].sort();
  const index = new Map(order.map((id, i) => [id, i]));
  const links = [
    ...new Set(
      edges
        .map(([a, b]) => [index.get(a), index.get(b)] as const)
        .filter((pair): pair is readonly [number, number] => pair[0] !== undefined && pair[1] !== undefined && pair[0] !== pair[1])
        .map(([a, b]) => (a < b ? `${a} ${b}` : `${b} ${a}`)),
    ),
  ]
    .sort()
    .map((key) => key.split(' ').map(Number) as [number, number]);
  // Connected groups (union–find), each listed by its members in id order.
  const parent = order.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (const [a, b] of links) parent[Math.max(root(a), root(b))] = Math.min(root(a), root(b));
  const groups = new Map<number, number[]>();
  order.forEach((_, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), i]));
  const laid = [...groups.values()].map((members) => {
    const local = new Map(members.map((m, i) => [m, i]));
    const { xs, ys } = forceLayout(
      members.length,
      links.filter(([a]) => local.has(a)).map(([a, b]) => [local.get(a)!, local.get(b)!] as const),
    );
    const minX = Math.min(...xs);
    const minY = Math.min(...ys);
    return { members, xs: xs.map((x) => x - minX), ys: ys.map((y) => y - minY), width: Math.max(...xs) - minX, height: Math.max(...ys) - minY };
  });
  laid.sort((a, b) => b.members.length - a.members.length || a.members[0]! - b.members[0]!);
  // Shelf packing: rows about as wide as the largest group, or a little wider than the whole is tall.
  const gap = EDGE_LENGTH;
  const area = laid.reduce((sum, g) => sum + (g.width + gap) * (g.height + gap), 0);
  const rowWidth = Math.max(laid[0]?.width ?? 0, Math.sqrt(area * 1.5));
  const at = new Map<string, Point>();
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const group of laid) {
    if (x > 0 && x + group.width > rowWidth) {
      x = 0;
      y += rowHeight + gap;
      rowHeight = 0;
    }
    group.members.forEach((m, i) => at.set(order[m]!, { x: Math.round((x + group.xs[i]!) * 100) / 100, y: Math.round((y + group.ys[i]!) * 100) / 100 }));
    x += group.width + gap;
    rowHeight = Math.max(rowHeight, group.height);
  }
  return new Map(order.map((id) => [id, at.get(id)!]));
}
