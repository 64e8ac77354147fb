import type { Ajv, ValidateFunction } from '@oneseal/schemas';
import { createAjv } from '@oneseal/schemas';
import type { Middleware } from 'koa';
import type { ApiState } from './context';
import type { JsonSchema, RouteSpec } from './routeTable';

/** What a JSON answer holds, as its client reads it: Dates become strings, undefined members disappear. */
function sentJson(body: unknown): unknown {
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : undefined;
  return JSON.parse(text ?? JSON.stringify(body)) as unknown;
}

/** The value at a JSON Pointer, shortened, to show what an answer held where it failed. */
function valueText(root: unknown, pointer: string): string {
  let node = root;
  for (const key of pointer.split('/').slice(1))
    node = (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')];
  return (JSON.stringify(node) ?? 'nothing').slice(0, 120);
}

// One Ajv and one compiled validator per schema for the process: tests build many apps, and compiling the
// model's larger shapes takes seconds.
let ajv: Ajv | undefined;
const validators = new WeakMap<JsonSchema, ValidateFunction>();
function validatorOf(schema: JsonSchema): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) validators.set(schema, (validate = (ajv ??= createAjv()).compile(schema)));
  return validate;
}

/** Declared JSON, as opposed to a document, a file or a script the route declares by its content type. */
const isJsonResponse = (r: RouteSpec['responses'][number]) =>
  r.schema !== undefined && (r.contentType === undefined || /json/.test(r.contentType));

/**
 * Compiles the checks of every answer the routes declare, ahead of use: the first compile of a large shape
 * blocks the event loop for up to seconds, which a test that times the server must not measure.
 */
export function compileResponseChecks(routes: readonly RouteSpec[], errorSchema: JsonSchema): void {
  validatorOf(errorSchema);
  for (const route of routes)
    for (const declared of Object.values(route.responses))
      if (isJsonResponse(declared)) validatorOf(declared.schema!);
}

/**
 * Checks every answer against the route table, for tests (the app installs it under NODE_ENV=test, outside the
 * error middleware so that it sees error answers too): a JSON answer must match the schema the route declares
 * for its status, every 4xx/5xx answer the one error schema, and a 2xx status must be declared. A mismatch
 * replaces the answer with a 500 naming the route, the path and the ajv errors, and is written to the console,
 * so the test that caused it fails where it happened.
 */
export function responseCheck(errorSchema: JsonSchema): Middleware<ApiState> {
  return async (ctx, next) => {
    await next();
    const spec = ctx.state.route;
    const declared = spec?.responses[ctx.status];
    const hasBody = ctx.body !== undefined && ctx.body !== null;
    let problem: string | undefined;
    let schema: JsonSchema | undefined;
    if (ctx.status >= 400) schema = errorSchema;
    else if (spec && !declared) problem = `status ${ctx.status} is not declared`;
    else if (declared && isJsonResponse(declared)) schema = declared.schema;
    if (schema && !problem) {
      if (!hasBody || !ctx.response.is('json')) problem = `expected a JSON body, got ${ctx.type || 'none'}`;
      else {
        const validate = validatorOf(schema);
        const sent = sentJson(ctx.body);
        if (!validate(sent))
          problem = (validate.errors ?? [])
            .slice(0, 5)
            .map(
              (e) =>
                `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}, got ${valueText(sent, e.instancePath)}`,
            )
            .join('; ');
      }
    }
    if (!problem) return;
    const route = spec ? `${spec.method.toUpperCase()} ${spec.path}` : 'no route';
    const message = `response of ${route} (${ctx.method} ${ctx.path}, status ${ctx.status}) does not match its schema: ${problem}`;
    console.error(message);
    ctx.status = 500;
    ctx.body = {
      error: {
        code: 'response-mismatch',
        message,
        details: [{ path: route, message: problem }],
      },
    };
  };
}
