import type { JsonSchemaObject } from '@oneseal/schemas';
import { loadSchemas } from '@oneseal/schemas';
import { RAW_BODIES } from './http/middleware';
import type { JsonSchema, RouteSpec } from './http/routeTable';
import { errorBody } from './routes/common';

/** Component name of a model schema: base-item.schema.json → BaseItem (its own title). */
function componentName(schema: JsonSchemaObject): string {
  return String(schema.title);
}

/**
 * Bundles the model into the document: every `$ref` — to a whole schema by `$id`, to another file by relative
 * name, or to `#…` inside the schema it stands in — becomes a pointer under `#/components/schemas`, so tools
 * that resolve only internal references (Swagger UI, validators) read the same shapes the API validates with.
 */
function bundleRefs(value: unknown, names: Map<string, string>, base: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => bundleRefs(v, names, base));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === '$id' || key === '$schema') continue;
    out[key] =
      key === '$ref' && typeof v === 'string' ? internalRef(v, names, base) : bundleRefs(v, names, base);
  }
  return out;
}

function internalRef(ref: string, names: Map<string, string>, base: string | undefined): string {
  const absolute = base ? new URL(ref, base).toString() : ref;
  const [resource, fragment = ''] = absolute.split('#');
  const name = names.get(resource!);
  return name ? `#/components/schemas/${name}${fragment}` : ref;
}

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

function parameters(spec: RouteSpec) {
  const list: object[] = [];
  for (const [where, entries] of [
    ['path', spec.params],
    ['query', spec.query],
    ['header', spec.headers],
  ] as const)
    for (const [name, p] of Object.entries(entries ?? {}))
      list.push({
        name,
        in: where,
        required: where === 'path' || p.required === true,
        description: p.description,
        schema: p.schema,
      });
  return list;
}

/**
 * The OpenAPI 3.1 document of every route in the table. Its components are the model's own JSON Schemas
 * (draft 2020-12, which OpenAPI 3.1 takes as they are), so request and response shapes are never retyped.
 */
export function openApiDocument(routes: readonly RouteSpec[], version: string): Record<string, unknown> {
  const schemas = loadSchemas();
  const names = new Map(schemas.map((s) => [String(s.$id), componentName(s)]));
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const path = `/api${toOpenApiPath(spec.path)}`;
    const responses = Object.fromEntries(
      Object.entries(spec.responses).map(([status, r]) => [
        status,
        r.schema
          ? {
              description: r.description,
              content: { [r.contentType ?? 'application/json']: { schema: r.schema } },
            }
          : { description: r.description },
      ]),
    );
    if (spec.rateLimit)
      responses['429'] ??= {
        description: `请求过于频繁（每个地址的 ${spec.rateLimit} 限额，见 RATE_LIMIT_${spec.rateLimit.toUpperCase()}）；Retry-After 给出等待秒数`,
        content: { 'application/json': { schema: errorBody } },
      };
    paths[path] ??= {};
    paths[path][spec.method] = {
      tags: [spec.tag],
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      operationId: `${spec.method}${spec.path.replace(/[/:-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
      parameters: parameters(spec),
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              content: {
                [spec.rawBody ? RAW_BODIES[spec.rawBody].contentType : 'application/json']: {
                  schema: spec.body,
                },
              },
            },
          }
        : {}),
      responses,
      ...(spec.access === 'public' ? { security: [] } : {}),
      ...(Array.isArray(spec.access) ? { 'x-roles': spec.access } : {}),
    };
  }
  const doc = {
    openapi: '3.1.0',
    info: {
      title: 'OneSeal 一章通 API',
      version,
      description:
        '乡镇审批服务事项清单的动态管理与公开查询。错误统一为 { error: { code, message, details: [{ path, message }] } }，消息默认中文，Accept-Language: en 返回英文。',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'POST /api/auth/login 得到的令牌' },
      },
      schemas: Object.fromEntries(
        schemas.map((s) => [componentName(s), bundleRefs(s, names, String(s.$id)) as JsonSchema]),
      ),
    },
  };
  // Route schemas refer to the model by absolute $id; component schemas were bundled above.
  return { ...doc, paths: bundleRefs(doc.paths, names, undefined) };
}
