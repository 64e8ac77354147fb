import type { Answer, OperationContract } from '@oneseal/schemas';
import { API_OPERATIONS, SCHEMA_REFS } from '@oneseal/schemas';
import { apiRoutes } from '../app';
import { RAW_BODIES } from '../http/middleware';
import type { JsonSchema, RouteSpec } from '../http/routeTable';

/**
 * The route table and the contract the typed client is built on (schemas/src/api/operations.ts) describe the
 * same operations with the same shapes, so neither can change without the other.
 */
const routes = apiRoutes();
const contract = API_OPERATIONS as Record<string, OperationContract>;
const keyOf = (r: RouteSpec) => `${r.method.toUpperCase()} ${r.path}`;
const BINARY = /^application\/(pdf|vnd\.openxmlformats)/;

/** What the table says a response carries, in the contract's terms. */
function answerOf(response: { schema?: JsonSchema; contentType?: string }): string {
  if (response.contentType && !/json/.test(response.contentType))
    return BINARY.test(response.contentType) ? 'file' : 'text';
  const ref = response.schema?.$ref;
  if (typeof ref !== 'string') return response.schema ? `inline ${JSON.stringify(response.schema)}` : 'text';
  return Object.entries(SCHEMA_REFS).find(([, id]) => id === ref)?.[0] ?? `unnamed ${ref}`;
}

const flags = (entries: Record<string, { required?: boolean }> | undefined) =>
  Object.fromEntries(Object.entries(entries ?? {}).map(([name, p]) => [name, p.required === true]));

describe('the route table and the API contract', () => {
  it('name the same operations', () => {
    expect(routes.map(keyOf).sort()).toEqual(Object.keys(contract).sort());
  });

  it.each(routes.map((r) => [keyOf(r), r] as const))(
    '%s: same query, headers, body and answers',
    (key, route) => {
      const spec = contract[key]!;
      expect(flags(route.query)).toEqual(spec.query ?? {});
      expect(flags(route.headers)).toEqual(spec.headers ?? {});
      if (route.rawBody) {
        expect(spec.body).toBe('file');
        expect(spec.bodyType).toBe(RAW_BODIES[route.rawBody].contentType);
      } else
        expect(route.body).toEqual(
          spec.body ? { $ref: SCHEMA_REFS[spec.body as keyof typeof SCHEMA_REFS] } : undefined,
        );
      const successes = Object.fromEntries(
        Object.entries(route.responses)
          .filter(([status]) => Number(status) < 300)
          .map(([status, response]) => [status, answerOf(response)]),
      );
      expect(successes).toEqual(
        Object.fromEntries(Object.entries(spec.responses).map(([s, a]) => [s, a as Answer])),
      );
    },
  );

  it('the comparison bites: a response schema written inline is not the contract’s named shape', () => {
    expect(answerOf({ schema: { type: 'object', properties: { revision: { type: 'integer' } } } })).toMatch(
      /^inline/,
    );
    expect(answerOf({ schema: { $ref: SCHEMA_REFS.DraftView } })).toBe('DraftView');
    expect(answerOf({ contentType: 'application/pdf', schema: { type: 'string' } })).toBe('file');
  });
});
