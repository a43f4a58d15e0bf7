import { describe, expect, it } from 'vitest';

import { layoutGraph, MIN_DISTANCE } from './graph-layout';

const ids = Array.from({ length: 24 }, (_, i) => `service-${String(i).padStart(2, '0')}`);
const edges: [string, string][] = ids.slice(1).map((id, i) => [ids[Math.floor(i / 3)]!, id]);

describe('layoutGraph', () => {
  it('draws the same graph the same way every time, whatever order the nodes and lines come in', () => {
    const first = layoutGraph(ids, edges);
    const again = layoutGraph([...ids].reverse(), [...edges].reverse().map(([a, b]) => [b, a] as [string, string]));
    expect([...again.entries()].sort()).toEqual([...first.entries()].sort());
    expect(first.size).toBe(ids.length);
  });

  it('keeps every node clear of the others', () => {
    const placed = [...layoutGraph(ids, edges).values()];
    for (let i = 0; i < placed.length; i += 1) {
      for (let j = i + 1; j < placed.length; j += 1) {
        expect(Math.hypot(placed[i]!.x - placed[j]!.x, placed[i]!.y - placed[j]!.y)).toBeGreaterThanOrEqual(MIN_DISTANCE - 0.5);
      }
    }
  });

  it('puts linked services nearer each other than unlinked ones', () => {
    const at = layoutGraph(ids, edges);
    const distance = (a: string, b: string) => Math.hypot(at.get(a)!.x - at.get(b)!.x, at.get(a)!.y - at.get(b)!.y);
    const linked = edges.reduce((sum, [a, b]) => sum + distance(a, b), 0) / edges.length;
    let unlinkedSum = 0;
    let unlinked = 0;
    const pairs = new Set(edges.map(([a, b]) => `${a} ${b}`));
    for (const a of ids) {
      for (const b of ids) {
        if (a < b && !pairs.has(`${a} ${b}`) && !pairs.has(`${b} ${a}`)) {
          unlinkedSum += distance(a, b);
          unlinked += 1;
        }
      }
    }
    expect(linked).toBeLessThan(unlinkedSum / unlinked);
  });

  it('ignores lines to services not drawn, and copes with none or one service', () => {
    expect(layoutGraph([], []).size).toBe(0);
    expect([...layoutGraph(['a'], [['a', 'ghost']]).values()]).toEqual([{ x: expect.any(Number), y: expect.any(Number) }]);
    expect(layoutGraph(['a', 'b'], [['a', 'ghost']])).toEqual(layoutGraph(['a', 'b'], []));
  });
});

describe('layoutGraph with separate groups', () => {
  it('keeps a lone service near the rest rather than far off', () => {
    const at = layoutGraph([...ids, 'zz-alone'], edges);
    const main = ids.map((id) => at.get(id)!);
    const span = Math.max(...main.map((p) => p.x)) - Math.min(...main.map((p) => p.x)) + Math.max(...main.map((p) => p.y)) - Math.min(...main.map((p) => p.y));
    const all = [...at.values()];
    const total = Math.max(...all.map((p) => p.x)) - Math.min(...all.map((p) => p.x)) + Math.max(...all.map((p) => p.y)) - Math.min(...all.map((p) => p.y));
    expect(total).toBeLessThan(span * 1.6);
    const alone = at.get('zz-alone')!;
    for (const p of main) expect(Math.hypot(p.x - alone.x, p.y - alone.y)).toBeGreaterThanOrEqual(MIN_DISTANCE);
  });
});
