import type { CompiledCheck } from '@oneseal/schemas';
import { loadChecks } from '@oneseal/schemas';

/** The checks of a form-checks module, its text evaluated as a page imports it. */
export function importedChecks(source: string): Map<string, CompiledCheck> {
  const factory = new Function(source.replace('export default function checks', 'return function checks'))();
  return loadChecks(factory);
}
