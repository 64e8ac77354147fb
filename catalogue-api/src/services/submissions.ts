import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DataElement, SubmissionStatus } from '@oneseal/schemas';
import { codeLabel, codeOptions, toIssues } from '@oneseal/schemas';
import type { PdfPrinter, SubmittedApplication } from '@oneseal/runtime';
import {
  fanOut,
  maskAnswers,
  mergeForms,
  queryCodeFromBytes,
  withSections,
  renderApplication,
  renderSubmissionNotice,
} from '@oneseal/runtime';
import type { Transaction } from 'sequelize';
import { QueryTypes } from 'sequelize';
import type { Principal } from '../auth/roles';
import type { Row, SubmissionRow } from '../db/models';
import { conflict, invalid, notFound } from '../http/errors';
import { applicationForm } from './applicationForms';
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

const digest = (reference: string, secret: string) =>
  createHash('sha256').update(`${reference}\u0000${secret}`).digest('hex');

const sameDigest = (stored: string | null, reference: string, secret: string) =>
  stored !== null && timingSafeEqual(Buffer.from(stored), Buffer.from(digest(reference, secret)));

/**
 * The one INSERT of an application, written by hand: the public route's hot path, where building a model
 * instance (setters, validation, query generation) cost more than the statement. Sequelize still formats the
 * values, so the row reads back through the Submission model like any other.
 */
async function insertSubmission(store: Store, t: Transaction, row: SubmissionRow): Promise<void> {
  const values = [
    row.reference,
    row.regionCode,
    row.status,
    JSON.stringify(row.items),
    JSON.stringify(row.data),
    row.phoneDigest,
    row.queryCodeHash,
    JSON.stringify(row.history),
    row.createdAt,
    row.updatedAt,
  ];
  await store.sequelize.query(
    'INSERT INTO submissions (reference, region_code, status, items, data, phone_digest, query_code_hash, history, created_at, updated_at) ' +
      `VALUES (${values.map(() => '?').join(', ')})`,
    { replacements: values, transaction: t, type: QueryTypes.INSERT },
  );
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
): Promise<{ reference: string; status: string; queryCode: string }> {
  const region = await requireRegion(store, input.region);
  // Merged, derived and compiled once per set of published versions (services/applicationForms.ts).
  const { items, merged, validate } = await applicationForm(store, region.code, [...new Set(input.items)]);
  if (merged.conflicts.length > 0)
    throw invalid(
      { zh: '这些事项无法合并为一张表', en: 'These items cannot be merged into one form' },
      merged.conflicts.map((c) => ({ path: `/data/${c.field}`, message: c.message })),
    );
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
    // Kept only as a hash: whoever reads the database or a backup cannot use it to open applications.
    const queryCode = queryCodeFromBytes(randomBytes(10));
    await insertSubmission(store, t, {
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
      queryCodeHash: digest(reference, queryCode),
      history: [{ status: 'submitted', at: now.toISOString() }],
      createdAt: now,
      updatedAt: now,
    });
    return { reference, status: 'submitted', queryCode };
  });
}

/** How an applicant proves an application is theirs: the phone on the form, or the 查询码 of the receipt. */
export type ApplicantSecret = { phone: string } | { queryCode: string };

/** A submission, for its applicant only: the same answer for a wrong secret as for no such reference. */
async function applicantsSubmission(store: Store, reference: string, secret: ApplicantSecret) {
  const row = await store.models.Submission.findByPk(reference);
  const holds =
    row &&
    ('phone' in secret
      ? sameDigest(row.phoneDigest, reference, secret.phone)
      : sameDigest(row.queryCodeHash, reference, secret.queryCode.toUpperCase()));
  if (!holds)
    throw notFound(
      'phone' in secret
        ? {
            zh: '没有找到该办件，请核对受理编号和手机号码',
            en: 'No application with this reference and phone',
          }
        : { zh: '没有找到该办件，请核对受理编号和查询码', en: 'No application with this reference and code' },
    );
  return row;
}

/**
 * The applicant's view: status, history and the answers. With the phone, numbers are masked (a reference and
 * a phone number are not much of a secret); with the 查询码 the answers are shown in full.
 */
export async function lookUp(store: Store, reference: string, secret: ApplicantSecret) {
  const row = await applicantsSubmission(store, reference, secret);
  const answers = submittedAnswers(row);
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
    // The answers, for the portal to show against the form versions in `items`.
    data: 'phone' in secret ? maskAnswers((await applicationOf(store, row)).merged.form, answers) : answers,
    masked: 'phone' in secret,
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
 * was made on (a form changed since then does not change what the applicant filled in). These documents carry
 * the applicant's full identity numbers: the applicant opens them with the 查询码 (printed on them), staff
 * through their own township.
 */
export async function submissionDocument(
  store: Store,
  printer: PdfPrinter,
  reference: string,
  kind: SubmissionDocumentKind,
  by: { queryCode: string } | { regionCode: string },
): Promise<{ contentType: string; content: Buffer }> {
  let row: Submission;
  if ('queryCode' in by) row = await applicantsSubmission(store, reference, by);
  else {
    const found = await store.models.Submission.findByPk(reference);
    // Staff ask through their township: an application of another township is not theirs to print.
    if (!found || found.regionCode !== by.regionCode)
      throw notFound({ zh: '没有找到该办件', en: 'No such application' });
    row = found;
  }
  const application = {
    ...(await applicationOf(store, row)),
    ...('queryCode' in by ? { queryCode: by.queryCode.toUpperCase() } : {}),
  };
  const html = kind.startsWith('application')
    ? renderApplication(application)
    : renderSubmissionNotice(application);
  if (kind.endsWith('.html')) return { contentType: 'text/html; charset=utf-8', content: Buffer.from(html) };
  return { contentType: 'application/pdf', content: await printOrExplain(printer, html) };
}
