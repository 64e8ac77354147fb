// Which step a special procedure (特别程序) hangs from. The model does not tie special procedures to
// steps, so the chart attaches each one, with a dashed link, to the step where it most plausibly runs:
//   1. a step of the stage the procedure's kind belongs to (公示 → publicize, 现场勘查 → investigate),
//      the first such step;
//   2. otherwise the first review or investigate step (审查 / 调查核实: hearings, expert reviews,
//      inspections and appraisals all happen between acceptance and decision);
//   3. otherwise the last step before the first decide step;
//   4. otherwise the last step.

import type { ProcessStep, SpecialProcedure, SpecialProcedureKind, StepStage } from '@oneseal/schemas';

const STAGE_OF_KIND: Partial<Record<SpecialProcedureKind, StepStage>> = {
  '6': 'publicize',
  '7': 'investigate',
};

export function specialProcedureAnchor(
  procedure: SpecialProcedure,
  process: readonly ProcessStep[],
): ProcessStep | undefined {
  const preferred = STAGE_OF_KIND[procedure.kind];
  const byKind = preferred ? process.find((step) => step.stage === preferred) : undefined;
  if (byKind) return byKind;
  const review = process.find((step) => step.stage === 'review' || step.stage === 'investigate');
  if (review) return review;
  const decide = process.findIndex((step) => step.stage === 'decide');
  if (decide > 0) return process[decide - 1];
  return process[process.length - 1];
}
