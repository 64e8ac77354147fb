import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DataElement, SubmissionStatus, TimeLimit } from '@oneseal/schemas';
import { codeLabel, codeOptions, deadline, formatTimeLimit, toIssues, toWorkdays } from '@oneseal/schemas';
import type { PdfPrinter, SubmittedApplication } from '@oneseal/runtime';
import {
  CONTACT_ELEMENT,
  fanOut,
  maskAnswers,
  mergeForms,
  queryCodeFromBytes,
  withSections,
  renderApplication,
  renderSubmissionNotice,
} from '@oneseal/runtime';
import type { Transaction, WhereOptions } from 'sequelize';
import { Op, QueryTypes } from 'sequelize';
import type { Principal } from '../auth/roles';
import type { Row, SubmissionRow } from '../db/models';
import { conflict, invalid, notFound } from '../http/errors';
import { applicantMobileOf, applicantNameOf } from './applicantIndex';
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
    row.applicantName,
    row.applicantMobile,
    row.queryCodeHash,
    JSON.stringify(row.history),
    row.createdAt,
    row.updatedAt,
  ];
  await store.sequelize.query(
    'INSERT INTO submissions (reference, region_code, status, items, data, phone_digest, applicant_name, applicant_mobile, query_code_hash, history, created_at, updated_at) ' +
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
  const phone = input.data[CONTACT_ELEMENT];
  if (typeof phone !== 'string' || !phone)
    throw invalid(
      { zh: '请填写手机号码，用于查询办理进度', en: 'A mobile number is needed to look the application up' },
      [{ path: `/data/${CONTACT_ELEMENT}`, message: '必须填写' }],
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
      applicantName: applicantNameOf(input.data),
      applicantMobile: applicantMobileOf(input.data),
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

/** What a staff search holds: a whole or partial reference, a mobile number, or the start of a name. */
export type SubmissionSearch =
  { reference: string } | { referencePrefix: string } | { mobile: string } | { namePrefix: string };

/**
 * Reads what staff typed into the search box of one township's applications. Each kind is an index range of that
 * township (the reference is the primary key; name and mobile are indexed beside the township): 20261203-0001 or
 * 20261203 is the rest of the township's reference, 11 digits from 1 a mobile number, anything else a name's start.
 */
export function parseSubmissionSearch(regionCode: string, text: string): SubmissionSearch | undefined {
  const q = text.trim().replace(/\s+/g, '');
  if (!q) return undefined;
  if (/^\d{9}-\d{8}-\d{4}$/.test(q)) return { reference: q };
  if (/^\d{8}(-\d{0,4})?$/.test(q)) return { referencePrefix: `${regionCode}-${q}` };
  if (/^1\d{10}$/.test(q)) return { mobile: q };
  return { namePrefix: q };
}

/**
 * `LIKE 'prefix%'` as an index range on both databases: MySQL uses its index for LIKE with a literal prefix;
 * SQLite only with a case-insensitive column, so there it is the byte range [prefix, prefix + U+10FFFF).
 */
function startsWith(store: Store, prefix: string) {
  // A typed % or _ is a letter, not a pattern.
  if (store.sequelize.getDialect() === 'mysql') return { [Op.like]: `${prefix.replace(/[\\%_]/g, '\\$&')}%` };
  return { [Op.gte]: prefix, [Op.lt]: `${prefix}\u{10FFFF}` };
}

function searchWhere(store: Store, search: SubmissionSearch | undefined): WhereOptions {
  if (!search) return {};
  if ('reference' in search) return { reference: search.reference };
  if ('referencePrefix' in search) return { reference: startsWith(store, search.referencePrefix) };
  if ('mobile' in search) return { applicantMobile: search.mobile };
  return { applicantName: startsWith(store, search.namePrefix) };
}

/**
 * The promised limit of an application: the shortest of its items' 承诺办结时限, and from the day it was
 * accepted the date it must be done by on the working-day calendar (while it is open).
 */
function timeLimitOf(
  limits: (TimeLimit | undefined)[],
  status: SubmissionStatus,
  history: { status: SubmissionStatus; at: string }[],
  today: string,
) {
  const spans = limits
    .filter((l): l is TimeLimit => l !== undefined && (l.none === 'immediate' || l.value !== undefined))
    .sort((a, b) => (toWorkdays(a) ?? 0) - (toWorkdays(b) ?? 0));
  const shortest = spans[0];
  if (!shortest) return undefined;
  const promised = formatTimeLimit({ ...shortest, note: undefined, extension: undefined });
  const accepted = [...history].reverse().find((h) => h.status === 'accepted');
  if (!accepted || status === 'refused' || status === 'completed') return { promised };
  const due =
    shortest.none === 'immediate'
      ? { date: chinaToday(new Date(accepted.at)), unpublishedYears: [] }
      : deadline(chinaToday(new Date(accepted.at)), shortest.value!, shortest.unit!);
  return {
    promised,
    due: due.date,
    overdue: today > due.date,
    ...(due.unpublishedYears.length > 0 ? { unpublishedYears: due.unpublishedYears } : {}),
  };
}

export async function listSubmissions(store: Store, regionCode: string, status?: string, q?: string) {
  const rows = await store.models.Submission.findAll({
    where: {
      regionCode,
      ...(status ? { status } : {}),
      ...searchWhere(store, parseSubmissionSearch(regionCode, q ?? '')),
    },
    order: [['createdAt', 'DESC']],
    limit: 200,
  });
  // Each item version's promised limit once, however many applications name it.
  const limits = new Map<string, Promise<TimeLimit | undefined>>();
  const limitOf = (code: string, version: number) => {
    const key = `${code}@${version}`;
    if (!limits.has(key))
      limits.set(
        key,
        getVersion(store, regionCode, code, version).then(
          (v) => v.item.promisedLimit,
          () => undefined,
        ),
      );
    return limits.get(key)!;
  };
  const today = chinaToday();
  return Promise.all(
    rows.map(async (r) => {
      const status = r.status as SubmissionStatus;
      const items = r.items as { code: string; version: number }[];
      const history = r.history as { status: SubmissionStatus; at: string }[];
      const timeLimit = timeLimitOf(
        await Promise.all(items.map((i) => limitOf(i.code, i.version))),
        status,
        history,
        today,
      );
      return {
        reference: r.reference,
        status,
        statusLabel: statusLabel(status),
        // The moves staff may make from here, so the designer offers exactly those.
        next: NEXT[status],
        items: r.items,
        data: r.data,
        history: history.map((h) => ({ ...h, label: statusLabel(h.status) })),
        submittedAt: asDate(r.createdAt).toISOString(),
        ...(r.applicantName ? { applicantName: r.applicantName } : {}),
        ...(timeLimit ? { timeLimit } : {}),
      };
    }),
  );
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
