// Fixed ports on step and special-procedure boxes, so ELK attaches edges where a reader expects them:
//   - the main line (next transitions, 开始 / 办结 links) enters at the top centre and leaves at the
//     bottom centre of each step, so it runs straight down through the box centres;
//   - branches that loop back (补正, 退回重办) leave from the left side: loops and their labels sit
//     left of the main line. A loop to the same step (补正) comes back in at the left side, below
//     it; a loop to an earlier step joins the main line above that step and enters at the top, so it
//     never runs through the label of a 补正 loop on the same step;
//   - branches that end the process (不予受理, 不予批准) leave from the right side: end nodes sit
//     right of the main line;
//   - the dashed links to special procedures leave from the side the layout variant puts them on
//     (right, below any ending branch, or left, between loops), and enter the procedure's box from
//     the side facing the step.
// Ports a box does not use are left out, and a side with one port has it in the middle.

import type { ElkPort } from 'elkjs/lib/elk-api';
import type { FlowGraph, GraphEdge, GraphNode } from './flowGraph';

type PortRole = 'in' | 'out' | 'loopIn' | 'loopOut' | 'ending' | 'special';
type Side = 'NORTH' | 'SOUTH' | 'WEST' | 'EAST';

const portId = (nodeId: string, role: PortRole): string => `${nodeId}|${role}`;

/** A branch that goes back to a step (补正, 退回重办), directly or through a connector; not one that ends. */
function isLoop(edge: GraphEdge): boolean {
  return edge.kind === 'transition' && edge.branch !== undefined && !edge.dashed;
}

export class PortPlan {
  private readonly kinds: Map<string, string>;
  private readonly used = new Map<string, Set<PortRole>>();

  private readonly specialSide: 'left' | 'right';

  constructor(graph: FlowGraph) {
    this.specialSide = graph.variant.specialSide;
    this.kinds = new Map(graph.nodes.map((node) => [node.id, node.kind]));
    for (const edge of graph.edges) {
      const source = this.sourceRole(edge);
      const target = this.targetRole(edge);
      if (source) this.use(edge.from, source);
      if (target) this.use(edge.to, target);
    }
  }

  /** The port id (or node id, for boxes without ports) an edge starts from. */
  source(edge: GraphEdge): string {
    const role = this.sourceRole(edge);
    return role ? portId(edge.from, role) : edge.from;
  }

  target(edge: GraphEdge): string {
    const role = this.targetRole(edge);
    return role ? portId(edge.to, role) : edge.to;
  }

  /** The ports of a box, positioned relative to its top-left corner; undefined for free boxes. */
  ports(node: GraphNode): ElkPort[] | undefined {
    const used = this.used.get(node.id) ?? new Set<PortRole>();
    const { width: w, height: h } = node;
    const port = (role: PortRole, side: Side, x: number, y: number): ElkPort => ({
      id: portId(node.id, role),
      x,
      y,
      width: 0,
      height: 0,
      layoutOptions: { 'elk.port.side': side },
    });
    const onRight = this.specialSide === 'right';
    if (node.kind === 'special')
      return [onRight ? port('in', 'WEST', 0, h / 2) : port('in', 'EAST', w, h / 2)];
    if (node.kind !== 'step') return undefined;
    const ports = [port('in', 'NORTH', w / 2, 0), port('out', 'SOUTH', w / 2, h)];
    // Each side holds its ports top to bottom in this order, spread evenly.
    const sides: [Side, number, PortRole[]][] = [
      ['WEST', 0, onRight ? ['loopIn', 'loopOut'] : ['loopIn', 'special', 'loopOut']],
      ['EAST', w, onRight ? ['ending', 'special'] : ['ending']],
    ];
    for (const [side, x, roles] of sides) {
      const present = roles.filter((role) => used.has(role));
      present.forEach((role, index) =>
        ports.push(port(role, side, x, (h * (index + 1)) / (present.length + 1))),
      );
    }
    return ports;
  }

  private sourceRole(edge: GraphEdge): PortRole | undefined {
    if (this.kinds.get(edge.from) !== 'step') return undefined;
    if (edge.kind === 'special-link') return 'special';
    if (edge.kind === 'transition' && edge.branch !== undefined) {
      return isLoop(edge) ? 'loopOut' : 'ending';
    }
    return 'out';
  }

  private targetRole(edge: GraphEdge): PortRole | undefined {
    const kind = this.kinds.get(edge.to);
    if (kind === 'special') return 'in';
    if (kind !== 'step') return undefined;
    const selfLoop = edge.from === edge.to && isLoop(edge);
    return selfLoop ? 'loopIn' : 'in';
  }

  private use(nodeId: string, role: PortRole): void {
    const roles = this.used.get(nodeId) ?? new Set<PortRole>();
    roles.add(role);
    this.used.set(nodeId, roles);
  }
}
