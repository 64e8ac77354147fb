import { bodyParser } from '@koa/bodyparser';
import type { Middleware, ParameterizedContext } from 'koa';
import type { Principal } from '../auth/roles';
import { storageError, storageFault } from '../services/storageFaults';
import { activePrincipal } from '../services/users';
import type { ApiState, Deps } from './context';
import { MAX_BODY_DEPTH, nestsDeeperThan, refusedValueAt } from './bodyChecks';
import { ApiError, badRequest, unauthorized } from './errors';

/**
 * Headers every answer carries. When the public address is https, browsers are told to use nothing else for a
 * year (HSTS): a later plain-http link or a downgrading network cannot strip the encryption.
 */
export function securityHeaders(publicBaseUrl: string): Middleware {
  const https = publicBaseUrl.startsWith('https:');
  return async (ctx, next) => {
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('Referrer-Policy', 'no-referrer');
    if (https) ctx.set('Strict-Transport-Security', 'max-age=31536000');
    await next();
  };
}

/** zh-CN unless the client asks for English first. */
export const locale: Middleware<ApiState> = async (ctx, next) => {
  ctx.state.locale = /^en\b/i.test(ctx.get('Accept-Language')) ? 'en' : 'zh-CN';
  await next();
};

/**
 * Bodies that are not JSON, taken by the routes that declare them (`rawBody` in the route table): the content
 * type they must have and their size limit. `jsonBody` leaves them unread; the router reads them after the
 * caller's role and region have been checked, and refuses them (415) on every other route.
 */
export const RAW_BODIES = {
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    maxBytes: 5 * 1024 * 1024,
    zh: 'Excel 工作簿（.xlsx）',
  },
} as const;
export type RawBodyKind = keyof typeof RAW_BODIES;

/** The raw body kind of the request by its Content-Type, if it has a body of one. */
export function rawBodyKind(ctx: { is(...types: string[]): string | false | null }): RawBodyKind | undefined {
  return (Object.keys(RAW_BODIES) as RawBodyKind[]).find((k) => ctx.is(RAW_BODIES[k].contentType));
}

/** Reads a raw body of `kind` into a Buffer: identity encoding only, at most its `maxBytes` (413 beyond). */
export async function readRawBody(ctx: ParameterizedContext<ApiState>, kind: RawBodyKind): Promise<Buffer> {
  const { maxBytes } = RAW_BODIES[kind];
  const encoding = ctx.get('Content-Encoding');
  if (encoding && encoding.toLowerCase() !== 'identity')
    throw new ApiError(415, 'unsupported-encoding', {
      zh: '上传文件时不支持 Content-Encoding 压缩',
      en: 'Send the file without Content-Encoding',
    });
  const tooLarge = () =>
    new ApiError(413, 'too-large', {
      zh: `文件过大（上限 ${maxBytes / 1024 / 1024} MB）`,
      en: `The file is too large (${maxBytes / 1024 / 1024} MB at most)`,
    });
  if ((ctx.request.length ?? 0) > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads JSON bodies only. A body of another type is refused (415) rather than read as empty, and whatever the
 * reader or the parser rejects — malformed JSON, a scalar, a bad encoding, too large, nested deeper than
 * MAX_BODY_DEPTH, a NUL character or a `__proto__` key — is the client's error (4xx). The body is read as text
 * and its depth checked before it is parsed. A raw body (RAW_BODIES) is left for the router, which takes it only
 * on a route that declares it.
 */
export function jsonBody(): Middleware<ApiState> {
  // The text reader, for JSON content types only (checked below): 'json' stands for application/json and +json.
  const read = bodyParser({
    enableTypes: ['text'],
    extendTypes: { text: ['json'] },
    textLimit: '1mb',
    encoding: 'utf-8',
  });
  return async (ctx, next) => {
    if (ctx.request.length || ctx.get('Transfer-Encoding')) {
      if (rawBodyKind(ctx)) return next();
      if (!ctx.is('json'))
        throw new ApiError(415, 'unsupported-media-type', {
          zh: '请求体须为 JSON（Content-Type: application/json）',
          en: 'Send JSON (Content-Type: application/json)',
        });
    }
    let done = false;
    try {
      await read(ctx, async () => {
        done = true;
      });
    } catch (error) {
      throw bodyError(error as { status?: number; statusCode?: number });
    }
    if (!done) return;
    const text: unknown = ctx.request.body;
    if (typeof text === 'string') ctx.request.body = parseJsonBody(text);
    await next();
  };
}

const malformed = () =>
  new ApiError(400, 'malformed-json', {
    zh: '请求体不是有效的 JSON 对象',
    en: 'The request body is not a valid JSON object',
  });

/** A JSON body's text as the object or array it holds ({} when empty), or the 400 that says what is wrong. */
function parseJsonBody(text: string): unknown {
  if (text === '') return {};
  // An object or an array, as before: a bare string, number or null is not a request body.
  if (!/^[ \t\n\r]*[[{]/.test(text)) throw malformed();
  if (nestsDeeperThan(text, MAX_BODY_DEPTH))
    throw new ApiError(
      400,
      'too-deep',
      {
        zh: `请求体嵌套过深（至多 ${MAX_BODY_DEPTH} 层）`,
        en: `The request body nests deeper than ${MAX_BODY_DEPTH} levels`,
      },
      [{ path: '/', message: `嵌套超过 ${MAX_BODY_DEPTH} 层` }],
    );
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw malformed();
  }
  const refused = refusedValueAt(body);
  if (refused)
    throw badRequest(
      { zh: '请求体含有不允许的字符或名称', en: 'The request body holds a refused character or key' },
      [refused],
    );
  return body;
}

function bodyError(error: { status?: number; statusCode?: number }): ApiError {
  const status = error.status ?? error.statusCode;
  if (status === 413)
    return new ApiError(413, 'too-large', {
      zh: '请求体过大（上限 1 MB）',
      en: 'The request body is too large (1 MB at most)',
    });
  if (status === 415)
    return new ApiError(415, 'unsupported-encoding', {
      zh: '不支持该请求体编码',
      en: 'Unsupported Content-Encoding',
    });
  return malformed();
}

/** The one place errors become responses: `{ error: { code, message, details } }`; nothing internal leaks. */
export const errorHandler: Middleware<ApiState> = async (ctx, next) => {
  try {
    await next();
    if (ctx.status === 404 && ctx.body === undefined)
      throw new ApiError(404, 'not-found', {
        zh: `没有这个接口：${ctx.method} ${ctx.path}`,
        en: `No route ${ctx.method} ${ctx.path}`,
      });
    // The router answers a method a path does not take with an empty 405 (501 for methods it does not know)
    // and an Allow header; the client gets the usual error body, and a 4xx either way.
    if ((ctx.status === 405 || ctx.status === 501) && !ctx.body)
      throw new ApiError(405, 'method-not-allowed', {
        zh: `该接口不支持 ${ctx.method} 方法`,
        en: `${ctx.method} is not allowed here`,
      });
  } catch (caught) {
    // A write the database refused for want of space or of write access is answered as such (503), whichever
    // service tried it; any other unexpected error stays a 500.
    const fault = caught instanceof ApiError ? undefined : storageFault(caught);
    const error = caught instanceof ApiError ? caught : fault && storageError(fault);
    if (!error) {
      ctx.app.emit('error', caught, ctx);
      ctx.status = 500;
      ctx.body = {
        error: {
          code: 'internal',
          message: ctx.state.locale === 'en' ? 'Internal error' : '服务器内部错误，请稍后再试',
          details: [],
        },
      };
      return;
    }
    ctx.status = error.status;
    for (const [name, value] of Object.entries(error.headers)) ctx.set(name, value);
    ctx.body = {
      error: {
        code: error.code,
        message: ctx.state.locale === 'en' ? error.text.en : error.text.zh,
        details: error.details,
        ...error.extra,
      },
    };
  }
};

/** Reads a bearer token when there is one; routes decide whether they need it. */
export function authenticate(deps: Deps): Middleware<ApiState> {
  return async (ctx, next) => {
    const header = ctx.get('Authorization');
    if (header) {
      const [scheme, token] = header.split(' ');
      const claimed = scheme?.toLowerCase() === 'bearer' && token ? deps.signer.verify(token) : undefined;
      const principal: Principal | undefined = claimed && (await activePrincipal(deps.store, claimed));
      if (!principal)
        throw unauthorized({
          zh: '登录已失效，请重新登录',
          en: 'The token is invalid or expired; sign in again',
        });
      ctx.state.principal = principal;
    }
    await next();
  };
}
