import type { JsonSchemaObject } from '@oneseal/schemas';
import { loadSchemas } from '@oneseal/schemas';
import type { JsonSchema, RouteSpec } from './http/routeTable';

/** Component name of a model schema: base-item.schema.json → BaseItem (its own title). */
function componentName(schema: JsonSchemaObject): string {
  return String(schema.title);
}

/** Rewrites `$ref`s to whole model schemas into component references; refs into $defs stay as they are. */
function rewriteRefs(value: unknown, components: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, components));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$ref' && typeof v === 'string' && components.has(v))
      out[k] = `#/components/schemas/${components.get(v)}`;
    else out[k] = rewriteRefs(v, components);
  }
  return out;
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
  const components = new Map(schemas.map((s) => [String(s.$id), componentName(s)]));
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
    paths[path] ??= {};
    paths[path][spec.method] = {
      tags: [spec.tag],
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      operationId: `${spec.method}${spec.path.replace(/[/:-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
      parameters: parameters(spec),
      ...(spec.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: spec.body } } } }
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
      schemas: Object.fromEntries(schemas.map((s) => [componentName(s), s as JsonSchema])),
    },
  };
  return rewriteRefs(doc, components) as Record<string, unknown>;
}
