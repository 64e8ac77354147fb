import type { FlowchartInput } from '..';
import { FlowchartError, layoutFlowchart } from '..';
import type { FlowchartChart, FlowchartLayout, FlowNode, Rect } from '..';
import { partBudget } from '../caption';
import { specialProcedureAnchor } from '../specialAnchor';
import { textWidthEm } from '../textMetrics';
import { distinctSeedItems, expectedCounts, homesteadItem, syntheticItem, twelveStepItem } from './fixtures';
import { lineFits, overlappingPairs } from './geometry';

function nodesOf(layout: FlowchartLayout, kind: FlowNode['kind']): FlowNode[] {
  return layout.nodes.filter((node) => node.kind === kind);
}

function inside(inner: Rect, outer: Rect): boolean {
  return (
    inner.x >= outer.x - 0.01 &&
    inner.y >= outer.y - 0.01 &&
    inner.x + inner.width <= outer.x + outer.width + 0.01 &&
    inner.y + inner.height <= outer.y + outer.height + 0.01
  );
}

function onBorder(point: { x: number; y: number }, box: Rect): boolean {
  const within = (value: number, from: number, to: number): boolean =>
    value >= from - 0.6 && value <= to + 0.6;
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= 0.6;
  return (
    ((near(point.x, box.x) || near(point.x, box.x + box.width)) &&
      within(point.y, box.y, box.y + box.height)) ||
    ((near(point.y, box.y) || near(point.y, box.y + box.height)) && within(point.x, box.x, box.x + box.width))
  );
}

/** Whether an axis-parallel segment (as a zero-width or zero-height box) enters a box's interior. */
function crossesInterior(segment: Rect, box: Rect): boolean {
  return (
    segment.x < box.x + box.width &&
    segment.x + segment.width > box.x &&
    segment.y < box.y + box.height &&
    segment.y + segment.height > box.y
  );
}

/** A chart's parts as one graph: arrows to a connector "转 A" followed on to the box "接 A" leads to. */
function joined(chart: FlowchartChart): FlowchartLayout {
  const nodes = chart.parts.flatMap((part) => part.nodes);
  const edges = chart.parts.flatMap((part) => part.edges);
  const through = (id: string) => (id.startsWith('out:') ? id.slice('out:'.length) : id);
  return {
    width: Math.max(...chart.parts.map((part) => part.width)),
    height: chart.parts.reduce((sum, part) => sum + part.height, 0),
    nodes: nodes.filter((node) => node.kind !== 'connector'),
    edges: edges
      .filter((edge) => !edge.id.startsWith('continue:'))
      .map((edge) => ({ ...edge, to: through(edge.to) })),
  };
}

/** Connectors pair up: every "转 X" in one part has its "接 X" in another, one letter per box led to. */
function checkConnectors(chart: FlowchartChart): void {
  const partOf = (id: string) => chart.parts.findIndex((part) => part.nodes.some((node) => node.id === id));
  const connectors = chart.parts.flatMap((part) => part.nodes.filter((node) => node.kind === 'connector'));
  const letters = new Map<string, string>();
  for (const connector of connectors) {
    const [direction, ...rest] = connector.id.split(':');
    const target = rest.join(':');
    const [word, letter] = connector.lines[0]!.text.split(' ');
    expect(word).toBe(direction === 'out' ? '转' : '接');
    expect(letters.get(target) ?? letter).toBe(letter);
    letters.set(target, letter!);
    if (direction === 'out') {
      expect(partOf(`in:${target}`)).toBe(partOf(target));
      expect(partOf(target)).not.toBe(chart.parts.findIndex((part) => part.nodes.includes(connector)));
    }
  }
  expect(new Set(letters.values()).size).toBe(letters.size);
}

/** Every structural and geometric property the layout promises, for one item without process routes. */
function checkLayout(item: FlowchartInput, charts: FlowchartChart[]): void {
  expect(charts).toHaveLength(1);
  const chart = charts[0]!;
  checkConnectors(chart);
  for (const part of chart.parts) checkGeometry(part);
  const layout = joined(chart);
  const counts = expectedCounts(item);
  const byId = new Map(layout.nodes.map((node) => [node.id, node]));
  expect(byId.size).toBe(layout.nodes.length);

  // One step node per process step, in process order; a terminal per ending branch; one per special procedure.
  expect(nodesOf(layout, 'step').map((node) => node.stepId)).toEqual(item.process.map((step) => step.id));
  expect(nodesOf(layout, 'end')).toHaveLength(counts.ends);
  expect(nodesOf(layout, 'special')).toHaveLength(counts.specials);
  expect(nodesOf(layout, 'start')).toHaveLength(1);
  // 办结 once, or not at all when a step is itself called 办结.
  const saysFinish = item.process.some((step) => step.name.includes('办结'));
  expect(nodesOf(layout, 'finish')).toHaveLength(saysFinish ? 0 : 1);

  // One transition per next entry and per branch, each from its step to the right node.
  const transitions = layout.edges.filter((edge) => edge.kind === 'transition');
  expect(transitions).toHaveLength(counts.transitions);
  const expected = item.process.flatMap((step) => [
    ...(step.next ?? []).map((to) => `step:${step.id} -> step:${to}`),
    ...(step.branches ?? []).map(
      (branch) => `step:${step.id} -> ${branch.to === undefined ? 'end' : `step:${branch.to}`}`,
    ),
  ]);
  const actual = transitions.map(
    (edge) => `${edge.from} -> ${byId.get(edge.to)?.kind === 'end' ? 'end' : edge.to}`,
  );
  expect(actual.sort()).toEqual(expected.sort());
  for (const end of nodesOf(layout, 'end')) {
    expect(transitions.filter((edge) => edge.to === end.id)).toHaveLength(1);
  }
  // Ending branches and special links are dashed; next transitions and loops are not.
  for (const edge of layout.edges) {
    const endsProcess = byId.get(edge.to)?.kind === 'end';
    expect(edge.dashed).toBe(endsProcess || edge.kind === 'special-link');
  }
  // Each special procedure hangs from exactly one step.
  for (const special of nodesOf(layout, 'special')) {
    const links = layout.edges.filter((edge) => edge.kind === 'special-link' && edge.to === special.id);
    expect(links).toHaveLength(1);
    expect(byId.get(links[0]?.from ?? '')?.kind).toBe('step');
  }
}

/** No overlaps, text inside its boxes, edges around boxes and orthogonal, everything inside the drawing. */
function checkGeometry(layout: FlowchartLayout): void {
  const byId = new Map(layout.nodes.map((node) => [node.id, node]));
  // No two node boxes overlap; edge labels overlap neither nodes nor each other.
  expect(overlappingPairs(layout.nodes)).toEqual([]);
  const labels = layout.edges.flatMap((edge) =>
    edge.label ? [{ id: `label ${edge.id}`, ...edge.label.box }] : [],
  );
  expect(overlappingPairs([...layout.nodes, ...labels])).toEqual([]);

  // Every line of text fits its box, and its recorded width is the estimate for its text.
  for (const node of layout.nodes) {
    expect(node.lines.length).toBeGreaterThan(0);
    for (const line of node.lines) {
      expect({ node: node.id, line: line.text, fits: lineFits(line, node) }).toEqual({
        node: node.id,
        line: line.text,
        fits: true,
      });
      expect(line.width).toBeCloseTo(textWidthEm(line.text, line.bold) * line.fontSize, 0);
    }
  }
  for (const edge of layout.edges) {
    for (const line of edge.label?.lines ?? []) expect(lineFits(line, edge.label!.box)).toBe(true);
  }

  // Edges run around boxes and labels, never through them.
  for (const edge of layout.edges) {
    const obstacles = [...layout.nodes, ...labels];
    edge.points.slice(1).forEach((to, index) => {
      const from = edge.points[index]!;
      const segment = {
        x: Math.min(from.x, to.x),
        y: Math.min(from.y, to.y),
        width: Math.abs(to.x - from.x),
        height: Math.abs(to.y - from.y),
      };
      const hit = obstacles.filter((box) => crossesInterior(segment, box)).map((box) => box.id);
      expect({ edge: edge.id, hit }).toEqual({ edge: edge.id, hit: [] });
    });
  }

  // Everything lies within the drawing; edges are orthogonal polylines from border to border.
  const drawing = { x: 0, y: 0, width: layout.width, height: layout.height };
  for (const node of layout.nodes) expect(inside(node, drawing)).toBe(true);
  for (const edge of layout.edges) {
    expect(edge.points.length).toBeGreaterThanOrEqual(2);
    edge.points.slice(1).forEach((point, index) => {
      const previous = edge.points[index]!;
      expect(point.x === previous.x || point.y === previous.y).toBe(true);
    });
    for (const point of edge.points) expect(inside({ ...point, width: 0, height: 0 }, drawing)).toBe(true);
    expect(onBorder(edge.points[0]!, byId.get(edge.from)!)).toBe(true);
    expect(onBorder(edge.points[edge.points.length - 1]!, byId.get(edge.to)!)).toBe(true);
  }
}

describe('layoutFlowchart', () => {
  it('lays out the 宅基地 seed item: 6 steps, 补正 loop, 不予受理 and 不予批准 ends, 2 special procedures', async () => {
    const item = homesteadItem();
    const charts = await layoutFlowchart(item);
    checkLayout(item, charts);
    const layout = joined(charts[0]!);
    expect(nodesOf(layout, 'step')).toHaveLength(6);
    expect(layout.edges.filter((edge) => edge.kind === 'transition')).toHaveLength(5 + 3);

    const correct = layout.edges.find((edge) => edge.branch === 'correct');
    expect(correct).toMatchObject({ from: 'step:accept', to: 'step:accept', dashed: false });
    expect(correct?.label?.lines.map((line) => line.text)).toEqual([
      '材料不齐全',
      '《补正材料通知书》',
      '5个自然日内补正',
    ]);

    const ends = nodesOf(layout, 'end').map((node) => node.lines.map((line) => line.text).join('|'));
    expect(ends).toEqual([
      '不予受理|《不予受理通知书》|（办理终止）',
      '不予批准|《不予批准决定书》|（办理终止）',
    ]);

    const step = nodesOf(layout, 'step').find((node) => node.stepId === 'accept');
    expect(step?.lines.map((line) => line.text)).toEqual(
      expect.arrayContaining(['窗口受理', '时限：1个工作日', '文书：受理通知书']),
    );
    expect(step?.lines[0]).toMatchObject({ bold: true, anchor: 'middle' });

    const specials = nodesOf(layout, 'special');
    expect(specials.map((node) => node.stepId)).toEqual(['review', 'review']);
    expect(specials.map((node) => node.lines[node.lines.length - 1]?.text)).toEqual([
      '计入办结时限',
      '不计入办结时限',
    ]);
    expect(specials[1]?.lines.map((line) => line.text)).toContain('时限：5个工作日');

    // The main line runs straight down: every next transition is one vertical segment.
    for (const edge of layout.edges.filter((e) => e.kind === 'transition' && e.branch === undefined)) {
      expect(edge.points).toHaveLength(2);
      expect(edge.points[0]!.x).toBe(edge.points[1]!.x);
    }
  });

  it('lays out a synthetic item with 40+ character labels, a fork, loops and many branches', async () => {
    const item = syntheticItem();
    expect(item.process[0]!.name.length).toBeGreaterThan(40);
    const charts = await layoutFlowchart(item);
    checkLayout(item, charts);
    const layout = joined(charts[0]!);
    expect(nodesOf(layout, 'end')).toHaveLength(4);
    // Long names wrap onto several lines instead of widening the box.
    const apply = nodesOf(layout, 'step').find((node) => node.stepId === 'apply')!;
    expect(apply.lines.filter((line) => line.bold).length).toBeGreaterThan(3);
    // Latin words are not cut mid-way.
    const texts = layout.nodes.flatMap((node) => node.lines.map((line) => line.text));
    expect(texts.some((text) => text.includes('50180-2018'))).toBe(true);
    expect(texts.some((text) => text.includes('27001:2013'))).toBe(true);
    // A branch without label shows its kind; a 0-day branch limit reads 当场.
    const back = layout.edges.find((edge) => edge.id === 'branch:decide:1');
    expect(back?.label?.lines.map((line) => line.text)).toEqual(['退回重办']);
    const deny = layout.edges.find((edge) => edge.id === 'branch:decide:0');
    expect(deny?.label?.lines.map((line) => line.text).join('')).toContain('2个工作日内告知');
    expect(layout.edges.find((edge) => edge.id === 'branch:decide:2')?.label).toBeUndefined();
  });

  it('keeps every seed flowchart free of overlaps, with all text inside its box', async () => {
    const items = distinctSeedItems();
    expect(items.length).toBeGreaterThan(20);
    for (const item of items) checkLayout(item, await layoutFlowchart(item));
  });

  it('is deterministic', async () => {
    const first = await layoutFlowchart(syntheticItem());
    await layoutFlowchart(homesteadItem());
    expect(await layoutFlowchart(syntheticItem())).toEqual(first);
  });

  it('rejects a process whose steps refer to missing steps or repeat ids', async () => {
    const item = homesteadItem();
    const dangling = {
      ...item,
      process: item.process.map((s, i) => (i === 0 ? { ...s, next: ['nowhere'] } : s)),
    };
    await expect(layoutFlowchart(dangling)).rejects.toThrow(FlowchartError);
    const badBranch = {
      ...item,
      process: item.process.map((s, i) =>
        i === 1 ? { ...s, branches: [{ kind: 'return' as const, to: 'gone' }] } : s,
      ),
    };
    await expect(layoutFlowchart(badBranch)).rejects.toThrow(/gone/);
    const repeated = { ...item, process: [...item.process, item.process[0]!] };
    await expect(layoutFlowchart(repeated)).rejects.toThrow(/重复/);
  });

  it('links 开始 to the entry step and the final steps to 办结', async () => {
    const layout = joined((await layoutFlowchart(homesteadItem()))[0]!);
    const markerLinks = layout.edges
      .filter((edge) => edge.kind === 'marker-link')
      .map((edge) => `${edge.from}>${edge.to}`);
    expect(markerLinks).toEqual(['start>step:apply', 'step:deliver>finish']);
  });
});

describe('a process taller than a page', () => {
  const plain = () => ({ ...twelveStepItem(), processRoutes: [] });

  it('is split into parts that each fit a page, every step once, joined by 转/接 connectors', async () => {
    const item = plain();
    const charts = await layoutFlowchart(item);
    checkLayout(item, charts);
    const parts = charts[0]!.parts;
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.height).toBeLessThanOrEqual(partBudget(item, part.width));
    // Not shrunk: drawn at the same text sizes as a chart that fits.
    const fonts = parts.flatMap((part) =>
      part.nodes.flatMap((node) => node.lines.map((line) => line.fontSize)),
    );
    expect(Math.min(...fonts)).toBeGreaterThanOrEqual(9.5);
    // The whole chart at once is taller than a page: the split is needed.
    const [whole] = await layoutFlowchart(item, { maxPartHeight: Infinity });
    expect(whole!.parts).toHaveLength(1);
    expect(whole!.parts[0]!.height).toBeGreaterThan(partBudget(item, whole!.parts[0]!.width));
    // 开始 in the first part, 办结 in the last.
    expect(parts[0]!.nodes.some((node) => node.kind === 'start')).toBe(true);
    expect(parts[parts.length - 1]!.nodes.some((node) => node.kind === 'finish')).toBe(true);
  });

  it('prints the condition to go on (nextLabel) on the arrow to the next step', async () => {
    const layout = joined((await layoutFlowchart(plain()))[0]!);
    const label = (id: string) =>
      layout.edges.find((edge) => edge.id === id)?.label?.lines.map((l) => l.text);
    expect(label('next:accept:0')?.join('')).toBe('材料齐全并符合法定形式');
    expect(label('next:approve:0')?.join('')).toBe('符合条件的予以批准');
    expect(label('next:apply:0')).toBeUndefined();
  });
});

describe('process routes', () => {
  it('draws one chart per route, with its name and situation, each only with the steps it passes', async () => {
    const item = twelveStepItem();
    const charts = await layoutFlowchart(item);
    expect(charts.map((chart) => chart.route)).toEqual([
      { name: '一般程序', situation: '支出型救助对象' },
      { name: '紧急程序', situation: '情况紧急、需立即采取措施的，先行救助，事后补齐手续' },
      { name: '不予受理' },
    ]);
    const steps = (chart: FlowchartChart) =>
      joined(chart)
        .nodes.filter((node) => node.kind === 'step')
        .map((node) => node.stepId);
    expect(steps(charts[0]!)).toEqual(item.process.map((step) => step.id));
    expect(steps(charts[1]!)).toEqual(['apply', 'accept', 'approve', 'pay']);
    expect(steps(charts[2]!)).toEqual(['apply', 'check', 'accept']);
    for (const chart of charts) {
      checkConnectors(chart);
      for (const part of chart.parts) checkGeometry(part);
    }
  });

  it('links the steps of a route in its order where the process goes elsewhere, without the process’s condition', async () => {
    const urgent = joined((await layoutFlowchart(twelveStepItem()))[1]!);
    const next = urgent.edges.filter((edge) => edge.id.startsWith('next:'));
    expect(next.map((edge) => `${edge.from}>${edge.to}`)).toEqual([
      'step:apply>step:accept',
      'step:accept>step:approve',
      'step:approve>step:pay',
    ]);
    // 受理's "材料齐全…" belongs to its arrow to 入户调查, not to the route's jump to 审批.
    expect(next.every((edge) => edge.label === undefined)).toBe(true);
    expect(nodesOf(urgent, 'finish')).toHaveLength(1);
  });

  it('ends a 不予受理 route at its ending branch, with no 办结', async () => {
    const refuse = joined((await layoutFlowchart(twelveStepItem()))[2]!);
    expect(nodesOf(refuse, 'finish')).toEqual([]);
    expect(nodesOf(refuse, 'end').map((node) => node.lines[0]!.text)).toEqual(['不予受理']);
  });

  it('names a route step that is not in the process', async () => {
    const item = twelveStepItem();
    item.processRoutes = [{ id: 'bad', name: '简易程序', steps: ['apply', 'nowhere'] }];
    await expect(layoutFlowchart(item)).rejects.toThrow(/nowhere/);
  });
});

describe('办结 drawn once', () => {
  it('draws no 办结 marker after a step that is itself called 办结', async () => {
    const item = homesteadItem();
    const process = item.process.map((step, i) => (i === 3 ? { ...step, name: '办结' } : step));
    const layout = joined((await layoutFlowchart({ ...item, process }))[0]!);
    const texts = layout.nodes.flatMap((node) => node.lines.map((line) => line.text));
    expect(texts.filter((text) => text === '办结')).toHaveLength(1);
    expect(nodesOf(layout, 'finish')).toEqual([]);
  });
});

describe('specialProcedureAnchor', () => {
  const process = homesteadItem().process;
  const procedure = (kind: '1' | '6' | '7') => ({
    kind,
    name: 'x',
    timeLimit: { value: 1, unit: 'day' as const },
    countsInLimit: true,
  });

  it('prefers a step of the procedure’s own stage, then the first review or investigate step', () => {
    const withPublicize = [
      ...process.slice(0, 3),
      { ...process[2]!, id: 'pub', stage: 'publicize' as const },
      ...process.slice(3),
    ];
    expect(specialProcedureAnchor(procedure('6'), withPublicize)?.id).toBe('pub');
    expect(specialProcedureAnchor(procedure('1'), withPublicize)?.id).toBe('review');
    expect(specialProcedureAnchor(procedure('7'), process)?.id).toBe('review');
  });

  it('falls back to the step before the decision, then to the last step', () => {
    const noReview = process.filter((step) => step.stage !== 'review');
    expect(specialProcedureAnchor(procedure('1'), noReview)?.id).toBe('accept');
    const noDecision = noReview.filter((step) => step.stage !== 'decide');
    expect(specialProcedureAnchor(procedure('1'), noDecision)?.id).toBe('deliver');
    expect(specialProcedureAnchor(procedure('1'), [])).toBeUndefined();
  });
});
