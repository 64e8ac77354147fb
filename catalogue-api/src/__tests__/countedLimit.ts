import type { TimeLimit, TimeUnit } from '@oneseal/schemas';

/**
 * A time limit a test computes with. Model v2 lets a limit be unstated or "no limit"; the seed items these tests
 * use state a count, so anything else is a broken fixture and fails here by name instead of as NaN further on.
 */
export function countedLimit(limit: TimeLimit | undefined): { value: number; unit: TimeUnit } {
  if (limit?.value === undefined || limit.unit === undefined)
    throw new Error(`expected a time limit stated as a count, got ${JSON.stringify(limit)}`);
  return { value: limit.value, unit: limit.unit };
}
