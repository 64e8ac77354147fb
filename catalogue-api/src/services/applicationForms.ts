import type { DataElement, Item, ItemForm, ValidateFunction } from '@oneseal/schemas';
import { checksModule, createAjv, patternsIn } from '@oneseal/schemas';
import type { DerivedForm, MergedForm } from '@oneseal/runtime';
import { CONTACT_ELEMENT, deriveForm, mergeForms } from '@oneseal/runtime';
import { Op } from 'sequelize';
import { invalid } from '../http/errors';
import { linearRegExp, re2Problem } from './linearRegExp';
import { patternProblem, requireSafePatterns } from './patternSafety';
import type { Store } from './store';

type Schema = Record<string, unknown>;

/**
 * The one-table form of a set of published item versions, built once: merged (一表申请), derived, its submission
 * validator compiled with patterns on RE2, and — on first ask — its field checks compiled for the portal.
 */
export interface ApplicationForm {
  items: Item[];
  merged: MergedForm;
  derived: DerivedForm;
  /** Checks a submission (patterns run in linear time, whatever is stored). */
  validate: ValidateFunction;
  /** The revision of each data element the forms bind, as merged: an element saved since makes a new form. */
  elements: Map<string, number>;
  /** The portal's field checks as an ES module (`checksModule`), compiled the first time a page asks. */
  checks?: Promise<string>;
}

// Forms of the item versions asked for most recently. An entry holds a few compiled validators (tens of KB); a
// township's applications use a handful of item sets, so this covers many townships in bounded memory.
const FORMS_KEPT = 200;
const forms = new Map<string, ApplicationForm>();
const ajv = createAjv({ regExp: linearRegExp });

function keep(key: string, form: ApplicationForm): void {
  forms.delete(key);
  if (forms.size >= FORMS_KEPT) {
    const [oldest, old] = forms.entries().next().value as [string, ApplicationForm];
    forms.delete(oldest);
    // ajv keeps every schema it compiled: let the evicted one go with its entry.
    ajv.removeSchema(old.validate.schema as Schema);
  }
  forms.set(key, form);
}

function boundElements(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => boundElements(v, out));
  else if (value !== null && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) {
      if (key === 'x-data-element' && typeof child === 'string') out.add(child);
      else boundElements(child, out);
    }
  return out;
}

/** A copy of `schema` without the patterns `keep` refuses, at any depth (values and labels are not schemas). */
function withPatterns(schema: unknown, keep: (pattern: string) => boolean): unknown {
  if (Array.isArray(schema)) return schema.map((s) => withPatterns(s, keep));
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => key !== 'pattern' || typeof value !== 'string' || keep(value))
      .map(([key, value]) => [key, DATA_KEYWORDS.has(key) ? value : withPatterns(value, keep)]),
  );
}
const DATA_KEYWORDS = new Set(['pattern', 'enum', 'const', 'x-labels']);

/**
 * A stored pattern the server cannot run in bounded time (saved before patterns were checked: invalid, or too
 * large for RE2): the rule is left out, so the form still takes applications, and the log says so for the editors.
 */
function runnable(items: Item[]): (pattern: string) => boolean {
  return (pattern) => {
    const problem = re2Problem(pattern);
    if (problem)
      console.warn(
        `form of ${items.map((i) => `${i.regionCode}/${i.code}@${i.version}`).join(', ')}: pattern ${JSON.stringify(pattern)} left out, ${problem.detail}`,
      );
    return !problem;
  };
}

async function elementRevisions(store: Store, codes: Iterable<string>): Promise<Map<string, number>> {
  const wanted = [...codes];
  if (wanted.length === 0) return new Map();
  const rows = await store.models.DataElement.findAll({
    where: { code: { [Op.in]: wanted } },
    attributes: ['code', 'revision'],
  });
  return new Map(rows.map((r) => [r.code, r.revision]));
}

const sameRevisions = (a: Map<string, number>, b: Map<string, number>) =>
  a.size === b.size && [...a].every(([code, revision]) => b.get(code) === revision);

/** The published rows of `codes` in a township, with the given columns; 422 naming those not published. */
async function published<K extends 'version' | 'item'>(
  store: Store,
  regionCode: string,
  codes: string[],
  column: K,
) {
  const rows = await store.models.PublishedItem.findAll({
    where: { regionCode, itemCode: { [Op.in]: codes } },
    attributes: ['itemCode', column],
  });
  const missing = codes.filter((c) => !rows.some((r) => r.itemCode === c));
  if (missing.length > 0)
    throw invalid(
      { zh: '所选事项未在该乡镇发布', en: 'Some items are not published in this township' },
      missing.map((c) => ({ path: '/items', message: `事项 ${c} 未在该乡镇发布` })),
    );
  return codes.map((c) => rows.find((r) => r.itemCode === c)!);
}

async function build(store: Store, regionCode: string, codes: string[]): Promise<ApplicationForm> {
  const rows = await published(store, regionCode, codes, 'item');
  const items = rows.map((r) => JSON.parse(r.item) as Item);
  // The contact number is asked of every application, whether or not an item's form binds it.
  const used = boundElements(
    items.map((i) => i.form),
    new Set([CONTACT_ELEMENT]),
  );
  const [elementRows, elements] = await Promise.all([
    store.models.DataElement.findAll({ where: { code: { [Op.in]: [...used] } }, attributes: ['doc'] }),
    elementRevisions(store, used),
  ]);
  const merged = mergeForms(
    items,
    elementRows.map((r) => r.doc as DataElement),
  );
  const derived = deriveForm(merged.form);
  const validate = ajv.compile(withPatterns(derived.validation, runnable(items)) as Schema);
  return { items, merged, derived, validate, elements };
}

/**
 * The application form of `codes` (in that order) as published in a township now. One indexed read of the current
 * versions and one of the bound data elements' revisions when the form is known; built (and kept) otherwise.
 */
export async function applicationForm(
  store: Store,
  regionCode: string,
  codes: string[],
): Promise<ApplicationForm> {
  const current = await published(store, regionCode, codes, 'version');
  const key = `${regionCode}:${current.map((r) => `${r.itemCode}@${r.version}`).join(',')}`;
  const known = forms.get(key);
  if (known && sameRevisions(known.elements, await elementRevisions(store, known.elements.keys()))) {
    keep(key, known);
    return known;
  }
  const form = await build(store, regionCode, codes);
  // Published between the two reads: kept under the versions it was built from.
  keep(`${regionCode}:${form.items.map((i) => `${i.code}@${i.version}`).join(',')}`, form);
  return form;
}

/**
 * The portal's field checks of a form, as an ES module: every field's part of the submission schema compiled by
 * ajv ahead of time, so the page runs them without eval. A stored pattern that is not proved safe is left out of
 * the browser's copy (it would freeze the page; the server, on RE2, still applies it at submission).
 */
export function fieldChecksSource(form: ApplicationForm): Promise<string> {
  form.checks ??= (async () => {
    const safe = new Set<string>();
    const patterns = new Set(patternsIn([...form.derived.fieldSchemas.values()]).map((p) => p.pattern));
    for (const pattern of patterns) if (!(await patternProblem(pattern))) safe.add(pattern);
    const browserSafe = new Map(
      [...form.derived.fieldSchemas].map(([key, schema]) => [
        key,
        withPatterns(schema, (p) => safe.has(p)) as Schema,
      ]),
    );
    return checksModule(browserSafe);
  })();
  return form.checks;
}

/**
 * The field checks of a form being designed (unsaved), for the designer's live preview: compiled the same way, and
 * refused (422 naming the field) while a pattern is unsafe, as saving it would be.
 */
export async function draftChecksSource(form: ItemForm): Promise<string> {
  await requireSafePatterns(form, '/form');
  return checksModule(deriveForm(form).fieldSchemas);
}
