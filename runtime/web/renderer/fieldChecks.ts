import { loadChecks } from '@oneseal/schemas';
import type { FieldChecks } from '../../src/forms';

/**
 * Imports the field checks the server compiled for a form (`checksModule`), from a same-origin (or blob:) URL: the
 * page runs validators without compiling any, so its CSP needs no 'unsafe-eval'.
 */
export async function importFieldChecks(url: string): Promise<FieldChecks> {
  const module = (await import(/* @vite-ignore */ url)) as { default: Parameters<typeof loadChecks>[0] };
  return loadChecks(module.default);
}
