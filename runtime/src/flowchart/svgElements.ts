// SVG markup for the parts of a laid-out flowchart: text lines, node boxes, edges and arrowheads.
// Every text and attribute value is escaped; numbers come from the (rounded) layout.

import { escapeXml } from './escapeXml';
import { EDGE_COLOURS, NODE_COLOURS } from './style';
import type { FlowEdge, FlowNode, FlowTextLine, Point } from './types';

/** Rounds to 0.1 and prints without trailing zeros or "-0", so output is byte-stable. */
export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}

export function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`)
    .join('');
}

export function textLine(line: FlowTextLine, fill: string): string {
  return `<text${attrs({
    x: line.x,
    y: line.y,
    'font-size': line.fontSize,
    'font-weight': line.bold ? 'bold' : undefined,
    'text-anchor': line.anchor === 'middle' ? 'middle' : undefined,
    fill,
  })}>${escapeXml(line.text)}</text>`;
}

export function nodeMarkup(node: FlowNode): string {
  const colours = NODE_COLOURS[node.kind];
  const pill = node.kind === 'start' || node.kind === 'finish' || node.kind === 'connector';
  const radius = pill ? node.height / 2 : node.kind === 'step' ? 3 : 6;
  const rect = `<rect${attrs({
    x: node.x,
    y: node.y,
    width: node.width,
    height: node.height,
    rx: radius,
    fill: colours.fill,
    stroke: colours.stroke,
    'stroke-width': node.kind === 'step' ? 1.2 : 1,
    'stroke-dasharray': node.kind === 'special' ? '4 2' : undefined,
  })}/>`;
  const text = node.lines.map((line) => textLine(line, colours.text)).join('');
  return `<g${attrs({ class: `node ${node.kind}`, 'data-id': node.id })}>${rect}${text}</g>`;
}

export type EdgeTone = keyof typeof EDGE_COLOURS;

/** The colour family of an edge: main line, a branch ending the process, a loop back, a special link. */
export function edgeTone(edge: FlowEdge): EdgeTone {
  if (edge.kind === 'special-link') return 'special';
  if (edge.kind === 'marker-link') return 'marker';
  if (edge.branch === undefined) return 'next';
  return edge.dashed ? 'ending' : 'loop';
}

export function markerId(prefix: string, tone: EdgeTone): string {
  return `${prefix}-arrow-${tone}`;
}

/** One arrowhead per tone, coloured like its edges. */
export function arrowDefs(prefix: string): string {
  const markers = (Object.keys(EDGE_COLOURS) as EdgeTone[]).map(
    (tone) =>
      `<marker${attrs({
        id: markerId(prefix, tone),
        viewBox: '0 0 10 10',
        refX: 9,
        refY: 5,
        markerWidth: 7,
        markerHeight: 7,
        markerUnits: 'userSpaceOnUse',
        orient: 'auto',
      })}><path d="M0,1 L10,5 L0,9 Z"${attrs({ fill: EDGE_COLOURS[tone] })}/></marker>`,
  );
  return `<defs>${markers.join('')}</defs>`;
}

function pathData(points: readonly Point[]): string {
  return points.map((point, index) => `${index === 0 ? 'M' : 'L'}${num(point.x)},${num(point.y)}`).join(' ');
}

export function edgeMarkup(edge: FlowEdge, prefix: string): string {
  const tone = edgeTone(edge);
  const colour = EDGE_COLOURS[tone];
  const classes = ['edge', edge.kind];
  if (edge.kind === 'transition') classes.push(edge.branch ?? 'next');
  const path =
    edge.points.length >= 2
      ? `<path${attrs({
          d: pathData(edge.points),
          fill: 'none',
          stroke: colour,
          'stroke-width': tone === 'next' || tone === 'marker' ? 1.2 : 1,
          'stroke-dasharray': edge.dashed ? '5 3' : undefined,
          'marker-end': edge.kind === 'special-link' ? undefined : `url(#${markerId(prefix, tone)})`,
        })}/>`
      : '';
  let label = '';
  if (edge.label) {
    const { box, lines } = edge.label;
    label =
      `<g class="edge-label"><rect${attrs({ ...box, fill: '#ffffff', 'fill-opacity': 0.9 })}/>` +
      lines.map((line) => textLine(line, colour)).join('') +
      '</g>';
  }
  return `<g${attrs({ class: classes.join(' '), 'data-id': edge.id, 'data-from': edge.from, 'data-to': edge.to })}>${path}${label}</g>`;
}
