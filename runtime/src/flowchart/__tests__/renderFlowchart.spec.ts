import { layoutFlowchart, printSize, renderFlowchart, renderFlowchartPages } from '..';
import {
  distinctSeedItems,
  expectedCounts,
  homesteadItem,
  hostileItem,
  syntheticItem,
  twelveStepItem,
  XSS,
} from './fixtures';
import { overlappingPairs } from './geometry';
import { allElements, byClass, parseXml, textContent } from './xml';
import type { XmlElement } from './xml';

const num = (element: XmlElement, name: string): number => {
  const value = Number(element.attributes[name]);
  if (!Number.isFinite(value)) throw new Error(`<${element.name}> has no numeric ${name}`);
  return value;
};

function nodeRects(svg: XmlElement): { id: string; x: number; y: number; width: number; height: number }[] {
  return byClass(svg, 'node').map((group) => {
    const rect = group.children.find(
      (child): child is XmlElement => typeof child !== 'string' && child.name === 'rect',
    );
    if (!rect) throw new Error(`node ${group.attributes['data-id']} has no <rect>`);
    return {
      id: group.attributes['data-id'] ?? '',
      x: num(rect, 'x'),
      y: num(rect, 'y'),
      width: num(rect, 'width'),
      height: num(rect, 'height'),
    };
  });
}

describe('renderFlowchart', () => {
  it('draws one group per node and per edge, countable by class, for the 宅基地 seed item', async () => {
    const item = homesteadItem();
    const svg = parseXml(await renderFlowchart(item));
    const counts = expectedCounts(item);
    expect(svg.name).toBe('svg');
    expect(byClass(svg, 'node', 'step')).toHaveLength(counts.steps);
    expect(byClass(svg, 'node', 'end')).toHaveLength(counts.ends);
    expect(byClass(svg, 'node', 'special')).toHaveLength(counts.specials);
    // An arrow to another part goes on from that part's connector ("接 A"): count each arrow once.
    const transitions = byClass(svg, 'edge', 'transition').filter(
      (edge) => !edge.attributes['data-id']!.startsWith('continue:'),
    );
    expect(transitions).toHaveLength(counts.transitions);
    expect(byClass(svg, 'edge', 'special-link')).toHaveLength(counts.specials);

    // Edges name real nodes; ending branches and special links are dashed, the main line is not.
    const ids = new Set(byClass(svg, 'node').map((group) => group.attributes['data-id']));
    for (const edge of byClass(svg, 'edge')) {
      expect(ids.has(edge.attributes['data-from'])).toBe(true);
      expect(ids.has(edge.attributes['data-to'])).toBe(true);
    }
    const dashed = (edge: XmlElement): boolean =>
      allElements(edge).some(
        (element) => element.name === 'path' && element.attributes['stroke-dasharray'] !== undefined,
      );
    expect(byClass(svg, 'edge', 'refuse').every(dashed)).toBe(true);
    expect(byClass(svg, 'edge', 'deny').every(dashed)).toBe(true);
    expect(byClass(svg, 'edge', 'special-link').every(dashed)).toBe(true);
    expect(byClass(svg, 'edge', 'next').some(dashed)).toBe(false);
    expect(byClass(svg, 'edge', 'correct').some(dashed)).toBe(false);
    // Arrowheads refer to markers defined in the document.
    const markers = new Set(
      allElements(svg)
        .filter((e) => e.name === 'marker')
        .map((e) => `url(#${e.attributes.id})`),
    );
    const arrows = allElements(svg).flatMap((e) =>
      e.attributes['marker-end'] ? [e.attributes['marker-end']] : [],
    );
    expect(arrows.length).toBeGreaterThanOrEqual(counts.transitions);
    for (const arrow of arrows) expect(markers.has(arrow)).toBe(true);
  });

  it('puts the title, the promised and statutory limits and the special procedures in words', async () => {
    const svg = parseXml(await renderFlowchart(homesteadItem()));
    const heading = textContent(byClass(svg, 'heading')[0]!);
    expect(heading).toBe('农村村民宅基地和建房（规划许可）审批 办理流程图');
    const caption = byClass(svg, 'caption')[0]!;
    const captionText = textContent(caption);
    expect(captionText).toContain('承诺办结时限：9个工作日');
    expect(captionText).toContain('法定办结时限：20个工作日（自受理之日起计算，村级公示时间不计入）');
    expect(captionText).toContain('选址实地审查（5个工作日，计入办结时限）');
    expect(captionText).toContain('村级公示（5个工作日，不计入办结时限）');
    expect(allElements(svg).find((e) => e.name === 'title')?.children).toEqual([heading]);
    expect(svg.attributes['font-family']).toContain('Noto Sans CJK SC');
  });

  it('has no overlapping node boxes in any part of the SVG, for seed and synthetic items', async () => {
    for (const item of [homesteadItem(), syntheticItem(), twelveStepItem()]) {
      const svg = parseXml(await renderFlowchart(item));
      const charts = await layoutFlowchart(item);
      const parts = charts.flatMap((chart) => chart.parts);
      // Each part is drawn in its own group, its boxes where they were laid out.
      const graphs = byClass(svg, 'graph');
      expect(graphs).toHaveLength(parts.length);
      graphs.forEach((graph, index) => {
        const rects = nodeRects(graph);
        expect(overlappingPairs(rects)).toEqual([]);
        expect(rects).toEqual(
          parts[index]!.nodes.map(({ id, x, y, width, height }) => ({ id, x, y, width, height })),
        );
      });
      const steps = byClass(svg, 'node', 'step').map((node) => node.attributes['data-id']);
      if (!item.processRoutes?.length) expect(steps).toEqual(item.process.map((step) => `step:${step.id}`));
    }
  });

  it('gives the same bytes for the same item', async () => {
    const first = await renderFlowchart(syntheticItem());
    await renderFlowchart(homesteadItem());
    expect(await renderFlowchart(syntheticItem())).toBe(first);
    expect(await renderFlowchart(homesteadItem())).toBe(await renderFlowchart(homesteadItem()));
    expect(first).not.toMatch(/\d\.\d{2,}/); // coordinates rounded to 0.1
  });

  it('escapes planted markup in every text field', async () => {
    const item = hostileItem();
    const source = await renderFlowchart(item);
    // Nothing planted survives as markup…
    for (const payload of XSS) expect(source).not.toContain(payload);
    expect(source).not.toMatch(/<script|<img|<\/style|\{\{/i);
    // …the document still parses, with no element or attribute an editor smuggled in…
    const svg = parseXml(source);
    const elements = allElements(svg);
    expect(
      elements
        .map((e) => e.name)
        .filter((name) => ['script', 'img', 'style', 'foreignObject'].includes(name)),
    ).toEqual([]);
    expect(elements.flatMap((e) => Object.keys(e.attributes)).filter((name) => /^on/i.test(name))).toEqual(
      [],
    );
    // …and the planted texts are shown as text, escaped.
    expect(source).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(source).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(source).toContain('&#123;&#123;constructor&#125;&#125;');
    expect(source).toContain('&lt;/style&gt;');
    const texts = elements.filter((e) => e.name === 'text').map(textContent);
    // Wrapped lines drop the spaces they break at: compare without whitespace.
    const squash = (text: string): string => text.replace(/\s+/g, '');
    const shown = (group: XmlElement): string =>
      allElements(group)
        .filter((e) => e.name === 'text')
        .map(textContent)
        .join('');
    // The homestead item states every step's post, so every step has a planted post to show.
    expect(item.process.filter((step) => step.post === undefined)).toEqual([]);
    for (const step of item.process) {
      const node = byClass(svg, 'node', 'step').find(
        (group) => group.attributes['data-id'] === `step:${step.id}`,
      )!;
      expect(squash(shown(node))).toContain(squash(step.name));
      expect(squash(shown(node))).toContain(squash(step.post!));
      for (const document of step.documents ?? []) expect(squash(shown(node))).toContain(squash(document));
      (step.branches ?? []).forEach((branch, index) => {
        const edge = byClass(svg, 'edge').find(
          (group) => group.attributes['data-id'] === `branch:${step.id}:${index}`,
        )!;
        expect(squash(shown(edge))).toContain(squash(branch.label ?? ''));
        if (branch.to === undefined) {
          const end = byClass(svg, 'node', 'end').find(
            (group) => group.attributes['data-id'] === edge.attributes['data-to'],
          )!;
          expect(squash(shown(end))).toContain(squash(branch.document ?? ''));
        }
      });
    }
    for (const special of byClass(svg, 'node', 'special'))
      expect(squash(shown(special))).toContain(squash(XSS.join('')));
    expect(squash(texts.join(''))).toContain(squash(XSS.join('')));
    expect(allElements(svg).find((e) => e.name === 'title')?.children).toEqual([
      `${XSS.join('')} 办理流程图`,
    ]);
    expect(squash(textContent(byClass(svg, 'caption')[0]!))).toContain(squash(XSS.join('')));
  });

  it('escapes ids and drops characters XML does not allow', async () => {
    const item = { ...homesteadItem(), name: 'a\u0001b\u0007c"\'&' };
    const source = await renderFlowchart(item, { idPrefix: 'x"><script>' });
    expect(source).not.toContain('<script>');
    const svg = parseXml(source);
    expect(textContent(byClass(svg, 'heading')[0]!)).toBe('abc"\'& 办理流程图');
  });

  it('prints only what the steps state, on every page of a chart split over pages (model v2)', async () => {
    // The twelve steps with no post, no limit and no description, twice over; a special procedure stating
    // neither its limit nor whether it counts; no promised or statutory limit.
    const twelve = twelveStepItem();
    const process = [0, 1].flatMap((round) =>
      twelve.process!.map((step) => {
        const rest = { ...step };
        delete rest.post;
        delete rest.timeLimit;
        delete rest.description;
        const id = (s: string) => `${s}-${round}`;
        return {
          ...rest,
          id: id(step.id),
          ...(step.next ? { next: step.next.map(id) } : round === 0 ? { next: ['apply-1'] } : {}),
          ...(step.branches
            ? { branches: step.branches.map((b) => ({ ...b, ...(b.to ? { to: id(b.to) } : {}) })) }
            : {}),
        };
      }),
    );
    const item = {
      name: '最低生活保障',
      process,
      specialProcedures: [{ kind: '6' as const, name: '公示' }],
    };
    const pages = await renderFlowchartPages(item);
    expect(pages.length).toBeGreaterThan(1);
    const texts = pages.flatMap((page) =>
      allElements(parseXml(page))
        .filter((e) => e.name === 'text')
        .map(textContent),
    );
    expect(texts).toEqual(expect.arrayContaining(['转 A', '接 A']));
    expect(texts.some((text) => text.startsWith('特别程序：'))).toBe(true);
    for (const unstated of [
      '岗位：',
      '时限：',
      '计入办结时限',
      '不计入办结时限',
      '承诺办结时限',
      '法定办结时限',
    ])
      expect(texts.filter((text) => text.includes(unstated))).toEqual([]);
  });

  it('prints every seed flowchart on pages within the A4 content area with fonts of 9 pt or more', async () => {
    for (const item of [...distinctSeedItems(), twelveStepItem()]) {
      for (const page of await renderFlowchartPages(item)) {
        const svg = parseXml(page);
        const [, , width, height] = (svg.attributes.viewBox ?? '').split(' ').map(Number) as [
          number,
          number,
          number,
          number,
        ];
        const widthMm = Number(/^([\d.]+)mm$/.exec(svg.attributes.width ?? '')?.[1]);
        const heightMm = Number(/^([\d.]+)mm$/.exec(svg.attributes.height ?? '')?.[1]);
        expect(widthMm).toBeLessThanOrEqual(174);
        expect(heightMm).toBeLessThanOrEqual(236);
        // Aspect ratio kept (each side is rounded up to 0.1 mm).
        expect(Math.abs(widthMm / width - heightMm / height)).toBeLessThanOrEqual(0.1 / width + 0.1 / height);
        const scalePtPerUnit = (widthMm / width) * (72 / 25.4);
        const fonts = allElements(svg)
          .filter((e) => e.name === 'text')
          .map((e) => num(e, 'font-size'));
        expect({ item: item.name, smallest: Math.min(...fonts) * scalePtPerUnit >= 8.99 }).toEqual({
          item: item.name,
          smallest: true,
        });
        expect(printSize(width, height).smallestFontPt).toBeGreaterThanOrEqual(9);
      }
    }
  });
});
