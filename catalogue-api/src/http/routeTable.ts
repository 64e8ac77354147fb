import Router from '@koa/router';
import type { ValidateFunction } from '@oneseal/schemas';
import { createAjv, toIssues } from '@oneseal/schemas';
import type { Principal, Role } from '../auth/roles';
import type { RateLimitKind } from '../config';
import { inScope, ROLE_LABELS } from '../auth/roles';
import { addressKey } from './clientAddress';
import type { ApiContext, ApiState, Deps } from './context';
import { ApiError, badRequest, forbidden, invalid, unauthorized } from './errors';
import type { RawBodyKind } from './middleware';
import { RAW_BODIES, rawBodyKind, readRawBody } from './middleware';

export type JsonSchema = Record<string, unknown>;

export interface ParamSpec {
  description: string;
  schema: JsonSchema;
  required?: boolean;
}

/**
 * One route: how to call it, who may, what it takes and returns (the OpenAPI document is built from this
 * table), and the handler. Handlers call services; they never touch the ORM.
 */
export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Koa-router path under /api, e.g. /townships/:code/items/:itemCode */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** 'public', 'signed-in' (any role), or the roles allowed. */
  access: 'public' | 'signed-in' | readonly Role[];
  /** The region the request acts on; the principal's subtree must contain it (403 otherwise). */
  scope?: (ctx: ApiContext, deps: Deps) => string | Promise<string>;
  params?: Record<string, ParamSpec>;
  query?: Record<string, ParamSpec>;
  headers?: Record<string, ParamSpec>;
  /**
   * The JSON body's schema (validated), or — with `rawBody` — the OpenAPI description of the raw bytes (a
   * typeless schema, as OpenAPI 3.1 models binary data; not validated).
   */
  body?: JsonSchema;
  /** The route takes a body that is not JSON (RAW_BODIES): the handler finds it as a Buffer in ctx.request.body. */
  rawBody?: RawBodyKind;
  /** Counted against the client address's limit of this kind (RATE_LIMIT_*) before anything else; 429 beyond. */
  rateLimit?: RateLimitKind;
  responses: Record<number, { description: string; schema?: JsonSchema; contentType?: string }>;
  handle(ctx: ApiContext, deps: Deps): Promise<void>;
}

function authorize(spec: RouteSpec, principal: Principal | undefined): Principal | undefined {
  if (spec.access === 'public') return principal;
  if (!principal) throw unauthorized();
  if (spec.access !== 'signed-in' && !spec.access.includes(principal.role))
    throw forbidden({
      zh: `${ROLE_LABELS[principal.role]}无权执行此操作（需要：${spec.access.map((r) => ROLE_LABELS[r]).join('、')}）`,
      en: `Role ${principal.role} may not do this (needs ${spec.access.join(', ')})`,
    });
  return principal;
}

/** A body of the wrong kind for the route is refused as such: JSON where a raw body is due, or the reverse. */
function checkBodyType(spec: RouteSpec, ctx: ApiContext): void {
  if (!ctx.request.length && !ctx.get('Transfer-Encoding')) return;
  const kind = rawBodyKind(ctx);
  if (kind === spec.rawBody) return;
  const wanted = spec.rawBody ? RAW_BODIES[spec.rawBody] : undefined;
  throw new ApiError(
    415,
    'unsupported-media-type',
    wanted
      ? {
          zh: `请求体须为${wanted.zh}（Content-Type: ${wanted.contentType}）`,
          en: `Send the file itself (Content-Type: ${wanted.contentType})`,
        }
      : {
          zh: '请求体须为 JSON（Content-Type: application/json）',
          en: 'Send JSON (Content-Type: application/json)',
        },
  );
}

/** Builds the router: auth, scope, parameter and body validation, then the handler. */
export function buildRouter(specs: readonly RouteSpec[], deps: Deps): Router<ApiState> {
  const router = new Router<ApiState>({ prefix: '/api' });
  const ajv = createAjv();
  for (const spec of specs) {
    const validators: {
      where: 'params' | 'query';
      name: string;
      validate: ValidateFunction;
      required: boolean;
    }[] = [];
    for (const where of ['params', 'query'] as const)
      for (const [name, p] of Object.entries(spec[where] ?? {}))
        validators.push({
          where,
          name,
          validate: ajv.compile(p.schema),
          required: where === 'params' || p.required === true,
        });
    const validateBody = spec.body && !spec.rawBody && ajv.compile(spec.body);
    router[spec.method](spec.path, async (ctx) => {
      const c = ctx as unknown as ApiContext;
      c.state.route = spec;
      if (spec.rateLimit) await deps.limits.spend(spec.rateLimit, addressKey(c.ip));
      checkBodyType(spec, c);
      const principal = authorize(spec, c.state.principal);
      for (const v of validators) {
        const value = v.where === 'params' ? c.params[v.name] : c.query[v.name];
        if (value === undefined && !v.required) continue;
        if (value === undefined)
          throw badRequest({ zh: `缺少参数 ${v.name}`, en: `Missing parameter ${v.name}` }, [
            { path: `/${v.name}`, message: '必须填写' },
          ]);
        // Before the schema: a NUL passes `maxLength`, and SQLite fails on it (the body's strings are checked
        // as the body is read).
        if ([value].flat().some((s) => s.includes('\u0000')))
          throw badRequest({ zh: `参数 ${v.name} 无效`, en: `Invalid parameter ${v.name}` }, [
            { path: `/${v.name}`, message: '不能含有空字符（U+0000）' },
          ]);
        if (Array.isArray(value) || !v.validate(value))
          throw badRequest({ zh: `参数 ${v.name} 无效`, en: `Invalid parameter ${v.name}` }, [
            {
              path: `/${v.name}`,
              message: Array.isArray(value)
                ? '只能给出一次'
                : (toIssues(v.validate.errors, c.state.locale)[0]?.message ?? '无效'),
            },
          ]);
      }
      // The body is checked before the scope, since some scopes are read from it.
      if (validateBody) {
        if (c.request.body === undefined)
          throw invalid({ zh: '缺少请求体', en: 'A JSON body is required' }, [
            { path: '/', message: '必须提供 JSON 请求体' },
          ]);
        if (!validateBody(c.request.body))
          throw invalid(
            { zh: '请求内容有误', en: 'The request body is invalid' },
            toIssues(validateBody.errors, c.state.locale),
          );
      }
      if (principal && spec.scope && spec.access !== 'public') {
        const region = await spec.scope(c, deps);
        if (!inScope(principal, region))
          throw forbidden({
            zh: `无权操作辖区以外的 ${region}`,
            en: `${region} is outside your region ${principal.regionCode}`,
          });
      }
      // A raw body is read only for a caller allowed to send it.
      if (spec.rawBody) c.request.body = await readRawBody(c, spec.rawBody);
      await spec.handle(c, deps);
    });
  }
  return router;
}

/** The revision in an If-Match header ("7" or 7); 428 when absent, 400 when not a revision. */
export function requireRevision(ctx: ApiContext): number {
  const header = ctx.get('If-Match');
  if (!header)
    throw new ApiError(
      428,
      'revision-required',
      { zh: '保存时须在 If-Match 中给出读取时的 revision', en: 'Send the revision you read in If-Match' },
      [{ path: '/If-Match', message: '缺少 If-Match' }],
    );
  const revision = Number(header.replace(/^W\//, '').replace(/"/g, ''));
  if (!Number.isInteger(revision) || revision < 1)
    throw badRequest({ zh: 'If-Match 不是有效的 revision', en: 'If-Match is not a revision' }, [
      { path: '/If-Match', message: '应为正整数' },
    ]);
  return revision;
}
