import type { ApiErrorBody, ValidationIssue } from '../generated/types';
import type { Answer, Method, OperationContract } from './operations';
import { API_OPERATIONS } from './operations';
import type { FileBody, PathsOf, RequestArgs, RequestOf, ResponseOf } from './types';

type ErrorFields = ApiErrorBody['error'];
/** What some error answers carry beyond code, message and details (a 409's current revision, an import report). */
export type ProblemExtra = Omit<ErrorFields, 'code' | 'message' | 'details'>;

/**
 * An answer of the API that is not a success, as the API states it: status, stable code, message (zh-CN unless
 * the client asked for English), the problems by JSON path, and what the error carries beyond those. Status 0
 * means the server was not reached.
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ValidationIssue[] = [],
    readonly extra: ProblemExtra = {},
  ) {
    super(message);
    this.name = 'ApiProblem';
  }

  /** The problem an error answer states; a body that is not the API's error shape still gives status and a message. */
  static fromAnswer(status: number, body: unknown): ApiProblem {
    const error = (body as Partial<ApiErrorBody> | undefined)?.error;
    if (!error || typeof error.code !== 'string' || typeof error.message !== 'string')
      return new ApiProblem(status, `http-${status}`, `服务暂时不可用（${status}）`);
    const { code, message, details, ...extra } = error;
    return new ApiProblem(status, code, message, Array.isArray(details) ? details : [], extra);
  }
}

/** The part of a fetch Response the client reads; the browser's and Node's both fit. */
export interface FetchResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  blob(): Promise<Blob>;
}

/** The part of `fetch` the client calls (pass `fetch` itself, or a wrapper for tests). */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string | FileBody; signal?: AbortSignal },
) => Promise<FetchResponse>;

export interface ClientOptions {
  /** Where /api answers, e.g. '/api' in a page served by the API, or 'http://127.0.0.1:3000/api'. */
  baseUrl: string;
  /** The bearer token, or a function read on every call (a session that signs in and out). */
  token?: string | (() => string | undefined);
  /** Accept-Language: messages in zh-CN (the default) or English. */
  language?: 'zh-CN' | 'en';
  /** Called with every problem before it is thrown, e.g. to sign out on 401. */
  onProblem?: (problem: ApiProblem) => void;
}

type Call<M extends Method> = <P extends PathsOf<M>>(
  path: P,
  ...args: RequestArgs<M, P>
) => Promise<ResponseOf<M, P>>;

/** The typed client: one method per HTTP method, each taking a path of the contract with its parameters. */
export interface ApiClient {
  get: Call<'GET'>;
  post: Call<'POST'>;
  put: Call<'PUT'>;
}

/** `/items/:code` with { code: '450321100' } → `/items/450321100` (each value URL-encoded). */
export function fillPath(path: string, params: Readonly<Record<string, string>> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}

function queryString(query: Readonly<Record<string, string | number | undefined>> = {}): string {
  const entries = Object.entries(query).filter((e): e is [string, string | number] => e[1] !== undefined);
  return entries.length
    ? `?${new URLSearchParams(entries.map(([k, v]): [string, string] => [k, String(v)])).toString()}`
    : '';
}

/** The contract of an operation and the kind of its successful answer. */
function operation(method: Method, path: string): { spec: OperationContract; answer: Answer } {
  const spec = (API_OPERATIONS as Record<string, OperationContract | undefined>)[`${method} ${path}`];
  const answer = spec && (spec.responses[200] ?? spec.responses[201]);
  if (!spec || !answer) throw new Error(`${method} ${path} is not an operation of the API`);
  return { spec, answer };
}

/**
 * A client of the catalogue API typed end to end by the contract (API_OPERATIONS): paths, path parameters,
 * query, headers, body and answer, e.g. `client.get('/public/regions/:code/items', { params: { code }, query })`.
 * JSON answers are parsed, text answers returned as strings, files as Blobs; error answers throw ApiProblem.
 */
export function createClient(fetch: FetchLike, options: ClientOptions): ApiClient {
  const base = options.baseUrl.replace(/\/$/, '');
  async function call(method: Method, path: string, request: Partial<RequestOf<Method, never>> = {}) {
    const { spec, answer } = operation(method, path);
    const headers: Record<string, string> = {
      Accept: answer === 'text' || answer === 'file' ? '*/*' : 'application/json',
      'Accept-Language': options.language ?? 'zh-CN',
      ...(request.headers as Record<string, string> | undefined),
    };
    const token = typeof options.token === 'function' ? options.token() : options.token;
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: string | FileBody | undefined;
    if (request.body !== undefined) {
      // A file goes as it is, with the media type the operation takes; anything else is JSON.
      const upload = spec.body === 'file' ? spec.bodyType : undefined;
      headers['Content-Type'] = upload ?? 'application/json';
      body = upload ? (request.body as FileBody) : JSON.stringify(request.body);
    }
    const url = `${base}${fillPath(path, request.params as Record<string, string> | undefined)}${queryString(
      request.query as Record<string, string | number> | undefined,
    )}`;
    let response: FetchResponse;
    try {
      response = await fetch(url, { method, headers, body, signal: request.signal });
    } catch (error) {
      if ((error as { name?: string }).name === 'AbortError') throw error;
      throw new ApiProblem(0, 'network', '网络连接失败，请检查网络后重试');
    }
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      const problem = ApiProblem.fromAnswer(response.status, parsed);
      options.onProblem?.(problem);
      throw problem;
    }
    if (answer === 'file') return response.blob();
    const text = await response.text();
    return answer === 'text' ? text : (JSON.parse(text) as unknown);
  }
  const bind =
    <M extends Method>(method: M): Call<M> =>
    (path, ...args) =>
      call(method, path, args[0] as Partial<RequestOf<Method, never>>) as never;
  return { get: bind('GET'), post: bind('POST'), put: bind('PUT') };
}
