import type { ValidationIssue } from '@oneseal/schemas';
import { patternsIn } from '@oneseal/schemas';
import { check } from 'recheck';
import { invalid } from '../http/errors';
import { PATTERN_SIZE_LIMIT, re2Problem } from './linearRegExp';

// recheck answers the seed patterns in milliseconds (its native checker runs in a child process, off the event
// loop); a pattern it cannot judge in this time is refused rather than trusted.
const CHECK_TIMEOUT_MS = 3000;
// Verdicts are pure functions of the pattern: kept for the patterns seen most recently (bounded).
const VERDICTS_KEPT = 1000;
const verdicts = new Map<string, Promise<string | undefined>>();

async function judge(pattern: string): Promise<string | undefined> {
  try {
    new RegExp(pattern, 'u');
  } catch {
    return '不是有效的正则表达式（请检查括号、方括号和转义）';
  }
  const onServer = re2Problem(pattern);
  if (onServer?.reason === 'too-large')
    return `正则表达式中的重复次数过多（展开后超过 ${PATTERN_SIZE_LIMIT} 个字符单元），长度请用“最短/最长长度”限制`;
  if (onServer) return '服务器无法执行该正则表达式（不支持前瞻、后顾和反向引用）';
  let diagnostics: Awaited<ReturnType<typeof check>>;
  try {
    diagnostics = await check(pattern, 'u', { timeout: CHECK_TIMEOUT_MS });
  } catch (error) {
    // The checker itself failed (not the pattern): not remembered, so the next save asks again.
    verdicts.delete(pattern);
    console.error('recheck failed', error);
    return '暂时无法检查该正则表达式是否安全，请稍后再试';
  }
  if (diagnostics.status === 'safe') return undefined;
  if (diagnostics.status === 'vulnerable')
    return diagnostics.complexity.type === 'exponential'
      ? '该正则表达式存在灾难性回溯（指数级），恶意输入可使校验卡死，请改写（如去掉嵌套的重复）'
      : '该正则表达式存在多项式级回溯，长输入可使校验极慢，请改写（如去掉相邻的重复）';
  return '无法在限定时间内确认该正则表达式安全，请简化';
}

/**
 * Why a pattern may not be saved, in zh-CN, or undefined when it is safe: it must be a valid JavaScript pattern
 * (the portal runs it), one RE2 can run (the server runs it), and free of catastrophic backtracking by recheck's
 * analysis (so no input can make any engine spend more than linear time on it).
 */
export function patternProblem(pattern: string): Promise<string | undefined> {
  let verdict = verdicts.get(pattern);
  if (!verdict) {
    if (verdicts.size >= VERDICTS_KEPT) verdicts.delete(verdicts.keys().next().value!);
    verdict = judge(pattern);
    verdicts.set(pattern, verdict);
  }
  return verdict;
}

/** Every unsafe or invalid pattern in a document, by JSON Pointer under `pointerPrefix`. */
export async function patternIssues(doc: unknown, pointerPrefix = ''): Promise<ValidationIssue[]> {
  const found = patternsIn(doc, pointerPrefix);
  const problems = await Promise.all(found.map((p) => patternProblem(p.pattern)));
  return found.flatMap((p, i) => (problems[i] ? [{ path: p.pointer, message: problems[i]! }] : []));
}

/** Refuses (422, naming each field) a document holding a pattern that is invalid or may backtrack catastrophically. */
export async function requireSafePatterns(doc: unknown, pointerPrefix = ''): Promise<void> {
  const issues = await patternIssues(doc, pointerPrefix);
  if (issues.length > 0)
    throw invalid({ zh: '表单中的正则表达式不安全或无效', en: 'Unsafe or invalid patterns' }, issues);
}
