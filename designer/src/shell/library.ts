import type { MaterialEntry } from '@oneseal/schemas';
import { api } from '../api';

// The material library, read once per page load and shared by the editor's pickers, cards and preview.
let library: Promise<MaterialEntry[]> | undefined;

export function loadLibrary(): Promise<MaterialEntry[]> {
  library ??= api.get('/materials').catch((error: unknown) => {
    library = undefined;
    throw error;
  });
  return library;
}
