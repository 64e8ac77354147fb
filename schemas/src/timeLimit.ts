import type { TimeLimit } from './generated/types';
import { codeLabel } from './codeLists';

/** A limit in working days, so limits in 工作日 and 自然日 compare (five working days in seven). */
export function toWorkdays(limit: TimeLimit): number {
  return limit.unit === 'workday' ? limit.value : (limit.value * 5) / 7;
}

/** "20个工作日", or "即办" for 0. */
export function formatTimeLimit(limit: TimeLimit): string {
  return limit.value === 0 ? '即办' : `${limit.value}${codeLabel('TimeUnit', limit.unit)}`;
}
