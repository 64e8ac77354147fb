// What each node and edge label says, as measured text blocks (zh-CN wording).

import { codeLabel, formatTimeLimit } from '@oneseal/schemas';
import type { BranchKind, ProcessStep, SpecialProcedure, StepBranch, TimeLimit } from '@oneseal/schemas';
import type { LayoutVariant } from './layoutVariants';
import { FONT } from './style';
import { TextBlockBuilder } from './textBlock';
import type { TextBlock } from './textBlock';

/** The verb after a branch's time limit: "5个自然日内补正". */
const BRANCH_LIMIT_VERB: Record<BranchKind, string> = {
  refuse: '告知',
  deny: '告知',
  correct: '补正',
  return: '重办',
};

export function branchKindLabel(kind: BranchKind): string {
  return codeLabel('BranchKind', kind) ?? kind;
}

/** "5个自然日内补正", or "当场补正" for 即办. */
export function branchLimitPhrase(kind: BranchKind, limit: TimeLimit): string {
  const verb = BRANCH_LIMIT_VERB[kind];
  return limit.none === 'immediate' ? `当场${verb}` : `${formatTimeLimit(limit)}内${verb}`;
}

function quoted(document: string): string {
  return `《${document}》`;
}

/** Step name (bold, centred), then 岗位, 时限 and 文书 with hanging indents. */
export function stepBlock(step: ProcessStep, widths: LayoutVariant): TextBlock {
  const block = new TextBlockBuilder(widths.nodeTextEm).centred(step.name, FONT.title, true);
  if (step.post) block.labelled('岗位：', [step.post], FONT.body);
  if (step.timeLimit) block.labelled('时限：', [formatTimeLimit(step.timeLimit)], FONT.body);
  if (step.documents && step.documents.length > 0) block.labelled('文书：', step.documents, FONT.body);
  return block.build();
}

/** Where a branch ends the process: "不予受理" and the document handed out. */
export function endBlock(branch: StepBranch, widths: LayoutVariant): TextBlock {
  const block = new TextBlockBuilder(widths.nodeTextEm).centred(
    branchKindLabel(branch.kind),
    FONT.title,
    true,
  );
  if (branch.document) block.centred(quoted(branch.document), FONT.body);
  block.centred('（办理终止）', FONT.body);
  return block.build();
}

/** A special procedure: its name, kind, own time limit and whether it counts in the promised limit. */
export function specialBlock(procedure: SpecialProcedure, widths: LayoutVariant): TextBlock {
  const block = new TextBlockBuilder(widths.nodeTextEm).centred(procedure.name, FONT.title, true);
  block.labelled(
    '特别程序：',
    [codeLabel('SpecialProcedureKind', procedure.kind) ?? procedure.kind],
    FONT.body,
  );
  if (procedure.timeLimit) block.labelled('时限：', [formatTimeLimit(procedure.timeLimit)], FONT.body);
  if (procedure.countsInLimit !== undefined)
    block.centred(procedure.countsInLimit ? '计入办结时限' : '不计入办结时限', FONT.body, true);
  return block.build();
}

export function markerBlock(text: string): TextBlock {
  return new TextBlockBuilder(Infinity).centred(text, FONT.body, true).build();
}

/**
 * Where an arrow leaves a part of a split chart ("转 A") or comes back in ("接 A"): the same letter at both
 * ends, as the 连接符 of a printed flowchart.
 */
export function connectorBlock(direction: 'out' | 'in', letter: string): TextBlock {
  return markerBlock(`${direction === 'out' ? '转' : '接'} ${letter}`);
}

/** The condition on the arrow(s) to the next steps: "材料齐全并符合法定形式". */
export function nextLabelBlock(condition: string, widths: LayoutVariant): TextBlock {
  return new TextBlockBuilder(widths.edgeLabelEm).centred(condition, FONT.label).build();
}

/**
 * The label beside a branch edge: its condition (or kind), then — for a branch that loops back — the
 * notice handed out, and the branch's time limit ("5个自然日内补正"). The document of a branch that
 * ends the process is shown in its end node instead. Undefined when there is nothing the target node
 * does not already say.
 */
export function branchLabelBlock(branch: StepBranch, widths: LayoutVariant): TextBlock | undefined {
  const ends = branch.to === undefined;
  const lines: string[] = [];
  if (branch.label) lines.push(branch.label);
  else if (!ends) lines.push(branchKindLabel(branch.kind));
  if (!ends && branch.document) lines.push(quoted(branch.document));
  if (branch.timeLimit) lines.push(branchLimitPhrase(branch.kind, branch.timeLimit));
  if (lines.length === 0) return undefined;
  const block = new TextBlockBuilder(widths.edgeLabelEm);
  lines.forEach((line) => block.centred(line, FONT.label));
  return block.build();
}
