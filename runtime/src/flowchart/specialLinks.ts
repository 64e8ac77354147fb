// Tidies the dashed links from one step to its stacked special procedures into a single bus. ELK
// routes each link on its own, which draws parallel dashed lines with jogs; here they share one
// vertical run — start → (busX, start.y) → (busX, y) → procedure — when such a bus is clear of every
// node, edge label and other edge. Otherwise ELK's routes stay.

import type { FlowEdge, FlowNode, Point, Rect } from './types';

/** Whether an axis-parallel segment enters a box's interior (running along its border is fine). */
function crossesBox(from: Point, to: Point, box: Rect): boolean {
  const left = Math.min(from.x, to.x);
  const right = Math.max(from.x, to.x);
  const top = Math.min(from.y, to.y);
  const bottom = Math.max(from.y, to.y);
  return left < box.x + box.width && right > box.x && top < box.y + box.height && bottom > box.y;
}

/** Whether two axis-parallel segments run along the same line and share a stretch. */
function overlaps(a1: Point, a2: Point, b1: Point, b2: Point): boolean {
  const shared = (p: number, q: number, r: number, s: number): boolean =>
    Math.min(Math.max(p, q), Math.max(r, s)) - Math.max(Math.min(p, q), Math.min(r, s)) > 0.5;
  if (a1.x === a2.x && b1.x === b2.x && Math.abs(a1.x - b1.x) < 1) return shared(a1.y, a2.y, b1.y, b2.y);
  if (a1.y === a2.y && b1.y === b2.y && Math.abs(a1.y - b1.y) < 1) return shared(a1.x, a2.x, b1.x, b2.x);
  return false;
}

function segments(points: readonly Point[]): [Point, Point][] {
  return points.slice(1).map((point, index) => [points[index] as Point, point]);
}

function busRoutes(links: readonly FlowEdge[], busX: number): Map<string, Point[]> | undefined {
  const routes = new Map<string, Point[]>();
  for (const link of links) {
    const start = link.points[0];
    const end = link.points[link.points.length - 1];
    if (!start || !end) return undefined;
    routes.set(link.id, [start, { x: busX, y: start.y }, { x: busX, y: end.y }, end]);
  }
  return routes;
}

function isClear(
  routes: Map<string, Point[]>,
  edges: readonly FlowEdge[],
  nodes: readonly FlowNode[],
): boolean {
  const boxes: Rect[] = [...nodes, ...edges.flatMap((edge) => (edge.label ? [edge.label.box] : []))];
  const others = edges.filter((edge) => !routes.has(edge.id)).flatMap((edge) => segments(edge.points));
  for (const points of routes.values()) {
    for (const [from, to] of segments(points)) {
      if (boxes.some((box) => crossesBox(from, to, box))) return false;
      if (others.some(([a, b]) => overlaps(from, to, a, b))) return false;
    }
  }
  return true;
}

export function mergeSpecialLinks(edges: FlowEdge[], nodes: readonly FlowNode[]): FlowEdge[] {
  const byAnchor = new Map<string, FlowEdge[]>();
  for (const edge of edges) {
    if (edge.kind === 'special-link') byAnchor.set(edge.from, [...(byAnchor.get(edge.from) ?? []), edge]);
  }
  const rerouted = new Map<string, Point[]>();
  for (const links of byAnchor.values()) {
    if (links.length < 2) continue;
    // Candidate bus positions: every vertical run ELK used for these links, the first one first.
    const candidates = [
      ...new Set(
        links.flatMap((link) =>
          segments(link.points)
            .filter(([a, b]) => a.x === b.x)
            .map(([a]) => a.x),
        ),
      ),
    ];
    for (const busX of candidates) {
      const routes = busRoutes(links, busX);
      if (routes && isClear(routes, edges, nodes)) {
        for (const [id, points] of routes) rerouted.set(id, points);
        break;
      }
    }
  }
  return edges.map((edge) => {
    const points = rerouted.get(edge.id);
    return points ? { ...edge, points } : edge;
  });
}
