import type { DataElement, Item } from '@oneseal/schemas';
import { PRINT_CSS, renderDocument, trusted } from '@oneseal/templates';
import { renderFlowchartPages } from '../flowchart';
import type { SubmittedApplication } from './applicationView';
import { applicationView } from './applicationView';
import { blankFormView } from './blankFormView';
import { guideSections } from './guideView';
import type { NoticeOptions } from './noticeView';
import { noticeView } from './noticeView';
import type { PageHeader } from './pageStyle';
import { chineseNumber, documentPageStyle } from './pageStyle';
import { itemPageUrl, qrSvg } from './qr';

export interface DocumentOptions {
  /** Base address of the public portal, for the QR code (PUBLIC_BASE_URL). */
  publicBaseUrl?: string;
}

const DEFAULT_BASE_URL = 'http://localhost:3000';
const css = trusted(PRINT_CSS);

export const itemHeader = (item: Item): PageHeader => ({
  left: item.regionName ? `${item.name}（${item.regionName}）` : item.name,
  right: item.version === undefined ? '' : `第 ${item.version} 版`,
});

/** The facts of the guide's header the item states, each as a label and a value. */
function headerFacts(item: Item): { label: string; value: string }[] {
  return [
    { label: '实施主体', value: item.implementingBody?.name },
    { label: '基本编码', value: item.code },
    { label: '实施编码', value: item.implementationCode },
    { label: '版本', value: item.version === undefined ? undefined : `第 ${item.version} 版` },
    { label: '生效日期', value: item.effectiveDate },
  ].filter((f): f is { label: string; value: string } => f.value !== undefined);
}

/**
 * The guide's body as the templates lay it out: header facts, QR code, numbered sections and the flowchart
 * (one SVG per printed page, so a tall process goes on over pages instead of being shrunk).
 */
export async function guideBodyView(item: Item, options: DocumentOptions = {}) {
  const process = item.process ?? [];
  const flowchart = process.length > 0 ? await renderFlowchartPages({ ...item, process }) : [];
  const sections = guideSections(item, { hasFlowchart: flowchart.length > 0 }).map((s, i) => ({
    ...s,
    number: chineseNumber(i + 1),
  }));
  const meta = headerFacts(item);
  // The QR code opens the item's page on the portal; an item of no township list (a guide read from a file) has none.
  const page =
    item.regionCode && item.code
      ? itemPageUrl(options.publicBaseUrl ?? DEFAULT_BASE_URL, item.regionCode, item.code)
      : undefined;
  return {
    title: item.name,
    meta: meta.length > 0 ? meta : undefined,
    qr: page ? trusted(await qrSvg(page)) : undefined,
    flowchart: flowchart.map(trusted),
    sections,
  };
}

/** The 办事指南 of one item as an A4 HTML document (the same bytes for the same item). */
export async function renderGuide(item: Item, options: DocumentOptions = {}): Promise<string> {
  return renderDocument('guide', {
    documentTitle: `${item.name} 办事指南`,
    css,
    pageStyle: trusted(documentPageStyle(itemHeader(item))),
    guide: await guideBodyView(item, options),
  });
}

/** The 一次性告知单, optionally with the materials still missing or the reason for refusal. */
export function renderNotice(item: Item, options: NoticeOptions = {}): string {
  return renderDocument('notice', {
    documentTitle: `${item.name} 一次性告知单`,
    css,
    pageStyle: trusted(documentPageStyle(itemHeader(item))),
    notice: noticeView(item, options),
  });
}

/**
 * The application form on paper, with the same fields as the online form; `dataElements` give the options of
 * choices bound to a data element (the dictionary, or at least the elements the form binds).
 */
export function renderBlankForm(item: Item, dataElements: readonly DataElement[]): string {
  const form = blankFormView(item, dataElements);
  return renderDocument('blank-form', {
    documentTitle: form.title,
    css,
    pageStyle: trusted(documentPageStyle(itemHeader(item))),
    form,
  });
}

const applicationHeader = (application: SubmittedApplication): PageHeader => ({
  left: `${application.townshipName} 网上申请`,
  right: `受理编号 ${application.reference}`,
});

/** The application as the applicant filled it online, against the form versions it was made on. */
export function renderApplication(application: SubmittedApplication): string {
  return renderDocument('application', {
    documentTitle: `申请表 ${application.reference}`,
    css,
    pageStyle: trusted(documentPageStyle(applicationHeader(application))),
    application: applicationView(application),
  });
}

/** The 一次性告知单 of a submission: every material its items need, once each, and where to bring them. */
export function renderSubmissionNotice(application: SubmittedApplication): string {
  return renderDocument('submission-notice', {
    documentTitle: `一次性告知单 ${application.reference}`,
    css,
    pageStyle: trusted(documentPageStyle(applicationHeader(application))),
    application: applicationView(application),
  });
}
