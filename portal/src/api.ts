import type { Bundle, DataElement, Region, ResolvedItem } from '@oneseal/schemas';
import { importFieldChecks } from '@oneseal/runtime/web';
import { ApiProblem } from '@oneseal/schemas';

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      ...init,
      headers: { Accept: 'application/json', ...init?.headers },
    });
  } catch {
    throw new ApiProblem(0, 'network', '网络连接失败，请检查网络后重试');
  }
  if (!response.ok)
    throw ApiProblem.fromAnswer(response.status, await response.json().catch(() => undefined));
  return (await response.json()) as T;
}

/** An entry of a township's list: what the item states of these; an unstated one is left out. */
export interface ItemSummary {
  code: string;
  name: string;
  type?: string;
  version: number;
  tags: string[];
  serviceObjects?: string[];
  visits?: number;
  online?: boolean;
  implementingBody?: string;
}

export interface SubmissionStatusView {
  reference: string;
  status: string;
  statusLabel: string;
  items: { code: string; name: string; version: number }[];
  history: { status: string; label: string; at: string; note?: string }[];
  submittedAt: string;
  data: Record<string, unknown>;
  /** Looked up by phone: identity and phone numbers partly hidden. */
  masked: boolean;
}

/** How the applicant proves an application is theirs: the 查询码 of the receipt (everything) or the phone (progress). */
export type ApplicantSecret = { code: string } | { phone: string };

const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])),
  ).toString();
  return search ? `?${search}` : '';
};

export const api = {
  regions: (q?: string) => request<Region[]>(`/public/regions${query({ q })}`),
  items: (region: string, params: { q?: string; tag?: string; cursor?: string }) =>
    request<{ items: ItemSummary[]; total: number; next: string | null }>(
      `/public/regions/${region}/items${query({ ...params, limit: '100' })}`,
    ),
  item: (region: string, code: string) => request<ResolvedItem>(`/public/regions/${region}/items/${code}`),
  itemVersion: (region: string, code: string, version: number) =>
    request<ResolvedItem>(`/public/regions/${region}/items/${code}/versions/${version}`),
  bundles: () => request<Bundle[]>('/public/bundles'),
  dataElements: () => request<DataElement[]>('/public/data-elements'),
  /** The form's field checks, compiled by the server for exactly these items (a same-origin module, no eval). */
  fieldChecks: (region: string, codes: string[]) =>
    importFieldChecks(
      `/api/public/regions/${region}/form-checks.js${query({ items: codes.join(',') })}`,
    ).catch(() => {
      throw new ApiProblem(0, 'network', '无法加载申请表的校验规则，请刷新页面重试');
    }),
  submit: (body: { region: string; items: string[]; data: unknown }) =>
    request<{ reference: string; status: string; queryCode: string }>('/public/submissions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }),
  submission: (reference: string, secret: ApplicantSecret) =>
    request<SubmissionStatusView>(`/public/submissions/${reference}${query(secret)}`),
};

/** Where the printable documents are (opened by the browser itself, not fetched). */
export const documentUrl = {
  item: (
    region: string,
    code: string,
    document: 'guide.pdf' | 'notice.pdf' | 'flowchart.svg' | 'blank-form.pdf',
  ) => `/api/public/regions/${region}/items/${code}/${document}`,
  submission: (reference: string, code: string, document: 'application.pdf' | 'notice.pdf') =>
    `/api/public/submissions/${reference}/${document}${query({ code })}`,
};

/**
 * The 查询码 of an application this tab submitted, for its receipt page (which may be reloaded). Kept for the
 * session only: a shared computer in the service hall forgets it; the applicant writes it down or prints it.
 */
export const receipts = {
  save: (reference: string, code: string) => sessionStorage.setItem(`oneseal.receipt.${reference}`, code),
  load: (reference: string): string | undefined =>
    sessionStorage.getItem(`oneseal.receipt.${reference}`) ?? undefined,
};
