import { createHash } from 'node:crypto';
import type { DataElement, Item, SubmissionStatus, ValidateFunction } from '@oneseal/schemas';
import { codeLabel, codeOptions, createAjv, toIssues } from '@oneseal/schemas';
import type { PdfPrinter, SubmittedApplication } from '@oneseal/runtime';
import {
  deriveForm,
  fanOut,
  maskAnswers,
  mergeForms,
  withSections,
  renderApplication,
  renderSubmissionNotice,
} from '@oneseal/runtime';
import { Op } from 'sequelize';
import type { Principal } from '../auth/roles';
import type { Row, SubmissionRow } from '../db/models';
import { conflict, invalid, notFound } from '../http/errors';
import { audit } from './audit';
import { asDate, chinaToday } from './chinaDate';
import { listLibrary } from './library';
import { printOrExplain } from './documents';
import { allocateReference } from './references';
import { getVersion } from './townshipItems';
import { requireRegion } from './publicCatalogue';
import type { Store } from './store';
import { inTransaction } from './store';

/** Where an application stands: the model's SubmissionStatus code list (zh labels beside the codes). */
export const SUBMISSION_STATUSES = codeOptions('SubmissionStatus').map((o) => o.value);
const statusLabel = (status: SubmissionStatus) => codeLabel('SubmissionStatus', status);

// Which step may follow which: a correction goes back to accepted once the materials arrive.
const NEXT: Record<SubmissionStatus, SubmissionStatus[]> = {
  submitted: ['accepted', 'correction', 'refused'],
  correction: ['accepted', 'refused'],
  accepted: ['completed', 'correction'],
  refused: [],
  completed: [],
};

const digest = (reference: string, phone: string) =>
  createHash('sha256').update(`${reference}\u0000${phone}`).digest('hex');

// A compiled validator per exact set of published versions (compiling is the costly part; versions never change).
const validators = new Map<string, ValidateFunction>();
const ajv = createAjv();

function validatorFor(key: string, schema: object): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    if (validators.size >= 500) validators.clear();
    validate = ajv.compile(schema);
    validators.set(key, validate);
  }
  return validate;
}

async function publishedItems(store: Store, regionCode: string, codes: string[]): Promise<Item[]> {
  const rows = await store.models.PublishedItem.findAll({
    where: { regionCode, itemCode: { [Op.in]: codes } },
    attributes: ['itemCode', 'item'],
  });
  const missing = codes.filter((c) => !rows.some((r) => r.itemCode === c));
  if (missing.length > 0)
    throw invalid(
      { zh: '所选事项未在该乡镇发布', en: 'Some items are not published in this township' },
      missing.map((c) => ({ path: '/items', message: `事项 ${c} 未在该乡镇发布` })),
    );
  return codes.map((c) => JSON.parse(rows.find((r) => r.itemCode === c)!.item) as Item);
}

export interface SubmissionInput {
  region: string;
  items: string[];
  data: Record<string, unknown>;
}

/**
 * Takes an application for one or more items of a township: validated against the merged form derived from
 * the published items (the same rules the portal applies), stored with the exact versions it was filled on.
 */
export async function submit(
  store: Store,
  input: SubmissionInput,
): Promise<{ reference: string; status: string }> {
  const region = await requireRegion(store, input.region);
  const codes = [...new Set(input.items)];
  const items = await publishedItems(store, region.code, codes);
  const elements = (await listLibrary(store, 'data-element')).map((e) => e.document as DataElement);
  const merged = mergeForms(items, elements);
  if (merged.conflicts.length > 0)
    throw invalid(
      { zh: '这些事项无法合并为一张表', en: 'These items cannot be merged into one form' },
      merged.conflicts.map((c) => ({ path: `/data/${c.field}`, message: c.message })),
    );
  const versions = items.map((i) => `${i.code}@${i.version}`).join(',');
  const validate = validatorFor(versions, deriveForm(merged.form).validation);
  if (!validate(withSections(merged.form.properties, input.data)))
    throw invalid(
      { zh: '申请信息有误，请检查后再提交', en: 'The application has errors' },
      toIssues(validate.errors).map((e) => ({ path: `/data${e.path}`, message: e.message })),
    );
  const phone = typeof input.data.mobile === 'string' ? input.data.mobile : '';
  if (!phone)
    throw invalid(
      { zh: '请填写手机号码，用于查询办理进度', en: 'A mobile number is needed to look the application up' },
      [{ path: '/data/mobile', message: '必须填写' }],
    );

  return inTransaction(store, async (t) => {
    const now = new Date();
    const reference = await allocateReference(store, t, region.code, now);
    await store.models.Submission.create(
      {
        reference,
        regionCode: region.code,
        status: 'submitted',
        items: items.map((i) => ({
          code: i.code,
          name: i.name,
          version: i.version,
          baseVersion: i.baseVersion,
        })),
        data: { form: input.data, perItem: fanOut(items, input.data) },
        phoneDigest: digest(reference, phone),
        history: [{ status: 'submitted', at: now.toISOString() }],
        createdAt: now,
        updatedAt: now,
      },
      { transaction: t },
    );
    return { reference, status: 'submitted' };
  });
}

/** A submission, for its applicant only: the same answer for a wrong phone as for no such reference. */
async function applicantsSubmission(store: Store, reference: string, phone: string) {
  const row = await store.models.Submission.findByPk(reference);
  if (!row || row.phoneDigest !== digest(reference, phone))
    throw notFound({
      zh: '没有找到该办件，请核对受理编号和手机号码',
      en: 'No application with this reference and phone',
    });
  return row;
}

/** The applicant's view: status and history, found by reference and the phone given on the form. */
export async function lookUp(store: Store, reference: string, phone: string) {
  const row = await applicantsSubmission(store, reference, phone);
  return {
    reference,
    status: row.status,
    statusLabel: statusLabel(row.status as SubmissionStatus),
    items: row.items,
    history: (row.history as { status: SubmissionStatus }[]).map((h) => ({
      ...h,
      label: statusLabel(h.status),
    })),
    submittedAt: asDate(row.createdAt).toISOString(),
    // The answers, numbers masked, for the portal to show against the form versions in `items`.
    data: maskAnswers((await applicationOf(store, row)).merged.form, submittedAnswers(row)),
  };
}

export async function listSubmissions(store: Store, regionCode: string, status?: string) {
  const rows = await store.models.Submission.findAll({
    where: { regionCode, ...(status ? { status } : {}) },
    order: [['createdAt', 'DESC']],
    limit: 200,
  });
  return rows.map((r) => {
    const status = r.status as SubmissionStatus;
    return {
      reference: r.reference,
      status,
      statusLabel: statusLabel(status),
      // The moves staff may make from here, so the designer offers exactly those.
      next: NEXT[status],
      items: r.items,
      data: r.data,
      history: (r.history as { status: SubmissionStatus }[]).map((h) => ({
        ...h,
        label: statusLabel(h.status),
      })),
      submittedAt: asDate(r.createdAt).toISOString(),
    };
  });
}

/** Township staff move an application on; each step is checked against the allowed ones and audited. */
export async function updateStatus(
  store: Store,
  actor: Principal,
  regionCode: string,
  reference: string,
  status: SubmissionStatus,
  note?: string,
) {
  return inTransaction(store, async (t) => {
    const row = await store.models.Submission.findOne({
      where: { reference, regionCode },
      transaction: t,
      lock: t.LOCK.UPDATE,
    });
    if (!row) throw notFound({ zh: `没有办件 ${reference}`, en: `No application ${reference}` });
    const from = row.status as SubmissionStatus;
    if (!NEXT[from].includes(status))
      throw conflict('wrong-status', {
        zh: `办件当前为“${statusLabel(from)}”，不能改为“${statusLabel(status)}”`,
        en: `Cannot move from ${from} to ${status}`,
      });
    const history = [
      ...(row.history as object[]),
      { status, at: new Date().toISOString(), by: actor.username, ...(note ? { note } : {}) },
    ];
    await row.update({ status, history, updatedAt: new Date() }, { transaction: t });
    await audit(store, t, actor, {
      action: 'submission-status',
      entityType: 'submission',
      entityKey: reference,
      regionCode,
      before: { status: from },
      after: { status, note },
    });
    return { reference, status };
  });
}

export const SUBMISSION_DOCUMENTS = [
  'application.html',
  'application.pdf',
  'notice.html',
  'notice.pdf',
] as const;
export type SubmissionDocumentKind = (typeof SUBMISSION_DOCUMENTS)[number];

type Submission = Row<SubmissionRow>;

const submittedAnswers = (row: Submission) => (row.data as { form: Record<string, unknown> }).form;

/** A stored submission as it was made: the items at the versions it names, merged as the applicant saw them. */
async function applicationOf(store: Store, row: Submission): Promise<SubmittedApplication> {
  const made = row.items as { code: string; version: number }[];
  const [items, elements, region] = await Promise.all([
    Promise.all(made.map(async (i) => (await getVersion(store, row.regionCode, i.code, i.version)).item)),
    listLibrary(store, 'data-element'),
    requireRegion(store, row.regionCode),
  ]);
  return {
    reference: row.reference,
    date: chinaToday(asDate(row.createdAt)),
    townshipName: region.name,
    items,
    merged: mergeForms(
      items,
      elements.map((e) => e.document as DataElement),
    ),
    data: submittedAnswers(row),
  };
}

/**
 * The filled application or the submission's 一次性告知单, rendered against the item versions the application
 * was made on (a form changed since then does not change what the applicant filled in). The caller has checked
 * the receipt key or the staff member's township: these documents carry the applicant's full identity numbers.
 */
export async function submissionDocument(
  store: Store,
  printer: PdfPrinter,
  reference: string,
  kind: SubmissionDocumentKind,
  regionCode?: string,
): Promise<{ contentType: string; content: Buffer }> {
  const row = await store.models.Submission.findByPk(reference);
  // Staff ask through their township: an application of another township is not theirs to print.
  if (!row || (regionCode !== undefined && row.regionCode !== regionCode))
    throw notFound({ zh: '没有找到该办件', en: 'No such application' });
  const application = await applicationOf(store, row);
  const html = kind.startsWith('application')
    ? renderApplication(application)
    : renderSubmissionNotice(application);
  if (kind.endsWith('.html')) return { contentType: 'text/html; charset=utf-8', content: Buffer.from(html) };
  return { contentType: 'application/pdf', content: await printOrExplain(printer, html) };
}
