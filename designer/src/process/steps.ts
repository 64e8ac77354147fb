// Pure edits of a process (a list of steps linked by id), so that links never point at a step that is gone.
import type { ProcessStep, StepBranch, StepStage } from '@oneseal/schemas';
import { codeLabel } from '@oneseal/schemas';

/** The model's StepId (process-step.schema.json). */
export const STEP_ID = /^[a-z][a-z0-9-]{0,31}$/;

/** An id not yet used: the stage's own code, then stage-2, stage-3 … */
export function freshId(steps: readonly ProcessStep[], stage: StepStage): string {
  const taken = new Set(steps.map((s) => s.id));
  if (!taken.has(stage)) return stage;
  for (let n = 2; ; n++) if (!taken.has(`${stage}-${n}`)) return `${stage}-${n}`;
}

/** A new step at the end; the step that ended the process until now leads to it. */
export function appendStep(steps: readonly ProcessStep[]): ProcessStep[] {
  const stage: StepStage = steps.length === 0 ? 'accept' : 'other';
  // The post is the editor's to state: a new step names none.
  const step: ProcessStep = { id: freshId(steps, stage), name: `新环节 ${steps.length + 1}`, stage };
  const last = steps[steps.length - 1];
  const linked = steps.map((s) =>
    s === last && (s.next ?? []).length === 0 ? { ...s, next: [step.id] } : s,
  );
  return [...linked, step];
}

export function moveStep(steps: readonly ProcessStep[], index: number, by: -1 | 1): ProcessStep[] {
  const to = index + by;
  if (to < 0 || to >= steps.length) return [...steps];
  const copy = [...steps];
  [copy[index], copy[to]] = [copy[to]!, copy[index]!];
  return copy;
}

export interface Removal {
  steps: ProcessStep[];
  /** Names of the steps that lost a link to the removed one (for the editor to be told). */
  relinked: string[];
}

/**
 * Removes a step and every link to it: a step that led to it leads where it led instead (so the line stays
 * unbroken), and a branch that went back to it ends the process there.
 */
export function removeStep(steps: readonly ProcessStep[], index: number): Removal {
  const gone = steps[index];
  if (!gone) return { steps: [...steps], relinked: [] };
  const onward = (gone.next ?? []).filter((id) => id !== gone.id);
  const relinked: string[] = [];
  const kept = steps
    .filter((_, i) => i !== index)
    .map((s) => {
      const pointsAt = (s.next ?? []).includes(gone.id) || (s.branches ?? []).some((b) => b.to === gone.id);
      if (!pointsAt) return s;
      relinked.push(s.name);
      const next = [
        ...new Set(
          (s.next ?? []).flatMap((id) => (id === gone.id ? onward : [id])).filter((id) => id !== s.id),
        ),
      ];
      const branches = s.branches?.map((b): StepBranch => {
        if (b.to !== gone.id) return b;
        const copy = { ...b };
        delete copy.to;
        return copy;
      });
      const updated: ProcessStep = { ...s };
      if (next.length > 0) updated.next = next;
      else delete updated.next;
      if (branches) updated.branches = branches;
      return updated;
    });
  return { steps: kept, relinked };
}

/** Gives a step a new id, and every link to it follows. */
export function renameStep(steps: readonly ProcessStep[], from: string, to: string): ProcessStep[] {
  const swap = (id: string) => (id === from ? to : id);
  return steps.map((s) => ({
    ...s,
    ...(s.id === from ? { id: to } : {}),
    ...(s.next ? { next: s.next.map(swap) } : {}),
    ...(s.branches
      ? { branches: s.branches.map((b) => (b.to === undefined ? b : { ...b, to: swap(b.to) })) }
      : {}),
  }));
}

/** Why an id cannot be used, or undefined when it can. */
export function idProblem(steps: readonly ProcessStep[], index: number, id: string): string | undefined {
  if (!STEP_ID.test(id)) return '以小写字母开头，只用小写字母、数字和连字符，至多 32 位';
  if (steps.some((s, i) => i !== index && s.id === id)) return '与其他环节的编号重复';
  return undefined;
}

/** "第 2 步 · 窗口受理" */
export const stepLabel = (steps: readonly ProcessStep[], id: string) => {
  const index = steps.findIndex((s) => s.id === id);
  return index < 0 ? `（不存在的环节 ${id}）` : `第 ${index + 1} 步 · ${steps[index]!.name || '未命名'}`;
};

export const stageLabel = (stage: string) => codeLabel('StepStage', stage) ?? stage;

const FIELD_LABELS: Record<string, string> = {
  id: '环节编号',
  name: '环节名称',
  stage: '环节类别',
  post: '岗位',
  timeLimit: '时限',
  documents: '产生的文书',
  description: '说明',
  next: '后续环节',
  branches: '分支',
  kind: '分支类别',
  label: '分支条件',
  document: '分支文书',
  to: '转到',
  value: '数值',
  unit: '单位',
  note: '说明',
};

/**
 * Where a problem of the preview lies, in the editor's words: "第 2 步 · 环节名称" for /item/process/1/name,
 * "基本目录事项 /name" for anything outside the process.
 */
export function issuePlace(steps: readonly ProcessStep[], path: string): { step?: number; text: string } {
  const match = /^\/item\/process\/(\d+)(\/.*)?$/.exec(path);
  if (!match) return { text: `基本目录事项的其他要素（${path.replace(/^\/item/, '') || '/'}）` };
  const step = Number(match[1]);
  const parts = (match[2] ?? '').split('/').filter(Boolean);
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (/^\d+$/.test(part)) {
      const previous = parts[i - 1];
      words.push(previous === 'branches' ? `第 ${Number(part) + 1} 个分支` : `第 ${Number(part) + 1} 项`);
    } else words.push(FIELD_LABELS[part] ?? part);
  }
  const name = steps[step]?.name;
  return { step, text: [`第 ${step + 1} 步${name ? `「${name}」` : ''}`, ...words].join(' · ') };
}
