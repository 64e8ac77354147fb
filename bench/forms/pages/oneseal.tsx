// (a) The OneSeal renderer, set up as the portal's application page sets it up (portal/src/pages/Apply.tsx):
// the items merged into one table, the field checks the server compiled for them, deriveForm and createForm when
// the form mounts, the same form effects and the provenance note under each shared field.
import 'antd/dist/reset.css';
import '../../../portal/src/portal.css';
import { createForm, onFieldValueChange } from '@formily/core';
import { checksModule, evaluateChecks } from '@oneseal/schemas';
import { useMemo } from 'react';
import type { MergedForm } from '@oneseal/runtime/web';
import { deriveForm, FormRenderer, mergeForms } from '@oneseal/runtime/web';
import { benchForm, DATA_ELEMENTS, TARGET_TITLE } from './generate';
import { install } from './harness';

const params = new URLSearchParams(location.search);
const { items, target } = benchForm(Number(params.get('fields') ?? 500));
// The portal merges when the items arrive, before the form mounts.
const merged = mergeForms(items, DATA_ELEMENTS);
if (merged.conflicts.length > 0) throw new Error(`merge conflicts: ${JSON.stringify(merged.conflicts)}`);
// The portal imports the module of checks the server compiled (form-checks.js) before the form mounts; this page
// has no server, so it compiles the same module here, outside the timed part, and evaluates its text.
const checks = evaluateChecks(checksModule(deriveForm(merged.form).fieldSchemas));
window.benchItems = items;
const names = new Map(items.map((i) => [i.code, i.name]));
const provenance = Object.fromEntries(
  Object.entries(merged.provenance).map(([key, codes]) => [key, codes.map((c) => names.get(c) ?? c)]),
);
let form: ReturnType<typeof createForm> | undefined;

/** Apply.tsx's ApplicationForm, its form part: what mounting the application page costs. */
function ApplicationForm({ merged }: { merged: MergedForm }) {
  const derived = useMemo(() => deriveForm(merged.form, checks), [merged]);
  form = useMemo(
    () =>
      createForm({
        validateFirst: true,
        effects() {
          onFieldValueChange('*', (field) => {
            if ('setFeedback' in field)
              field.setFeedback({ type: 'error', code: 'ServerError', messages: [] });
          });
        },
      }),
    [],
  );
  return <FormRenderer form={form} schema={derived.formily} provenance={provenance} />;
}

install({
  label: 'oneseal',
  render: () => (
    <main className="os-page">
      <ApplicationForm merged={merged} />
    </main>
  ),
  // One FormItem decorator per field (sections are not decorated).
  countFields: () => document.querySelectorAll('.ant-formily-item').length,
  // labelled() gives each control its field's title as its accessible name.
  target: () => document.querySelector<HTMLInputElement>(`input[aria-label="${TARGET_TITLE}"]`),
  value: () => form?.getValuesIn(target.join('.')),
});
