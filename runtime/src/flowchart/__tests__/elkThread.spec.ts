import { layoutFlowchart } from '..';
import type { FlowchartChart } from '../types';
import { homesteadItem } from './fixtures';
import type { ChartedItem } from './fixtures';

/** The step boxes of every part of every chart (a tall process is split into parts). */
const stepsOf = (charts: FlowchartChart[]) =>
  charts.flatMap((c) => c.parts.flatMap((p) => p.nodes.filter((n) => n.kind === 'step')));

/** A long process: `steps` steps in a line, every third one with a 补正 branch back three steps. */
function longProcess(steps: number): ChartedItem {
  const item = homesteadItem();
  return {
    ...item,
    process: Array.from({ length: steps }, (_, i) => ({
      id: `s${i}`,
      name: `第 ${i + 1} 个环节：审查申请材料并核实现场情况`,
      stage: 'review' as const,
      post: '规划建设岗',
      ...(i < steps - 1 ? { next: [`s${i + 1}`] } : {}),
      ...(i % 3 === 2 ? { branches: [{ kind: 'correct' as const, to: `s${i - 2}` }] } : {}),
    })),
  };
}

describe('ELK runs beside the caller, not in its thread', () => {
  it('the caller keeps running (timers fire) while a long process is laid out', async () => {
    let ticks = 0;
    let last = performance.now();
    let longestStall = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longestStall = Math.max(longestStall, now - last);
      last = now;
      ticks++;
    }, 5);
    const started = performance.now();
    const layout = await layoutFlowchart(longProcess(30));
    const took = performance.now() - started;
    clearInterval(timer);
    expect(stepsOf(layout)).toHaveLength(30);
    // In the caller's thread the layout is one stall as long as the layout itself.
    expect({
      took: Math.round(took),
      ticked: ticks >= 5,
      stalledHalfTheTime: longestStall >= took / 2,
    }).toEqual({
      took: Math.round(took),
      ticked: true,
      stalledHalfTheTime: false,
    });
  });

  it('lays out several charts at once, each to its own answer', async () => {
    const [a, b, c] = await Promise.all(
      [longProcess(4), longProcess(7), homesteadItem()].map((item) => layoutFlowchart(item)),
    );
    expect([a, b].map((l) => stepsOf(l!).length)).toEqual([4, 7]);
    expect(stepsOf(c!)).toHaveLength(homesteadItem().process.length);
  });
});
