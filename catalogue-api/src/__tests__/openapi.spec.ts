import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonSchemaObject } from '@oneseal/schemas';
import { createAjv, loadSchemas } from '@oneseal/schemas';
import { DATA_DIR } from '@oneseal/seeds';
import { apiRoutes } from '../app';
import type { RouteSpec } from '../http/routeTable';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = Record<string, unknown>;

interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
  security?: Record<string, string[]>[];
  'x-roles'?: string[];
}
interface Document {
  openapi: string;
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonObject>; securitySchemes?: Record<string, JsonObject> };
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Validates with @seriousme/openapi-schema-validator. The package is ESM only and jest (CommonJS, Node 20)
 * cannot load it, so it runs in a child Node process that reads the document on stdin.
 */
function validateOpenApi(doc: unknown): { valid: boolean; errors?: unknown } {
  const script = `import { Validator } from '@seriousme/openapi-schema-validator';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const result = await new Validator().validate(JSON.parse(input));
process.stdout.write(JSON.stringify({ valid: result.valid, errors: result.errors }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: __dirname,
    input: JSON.stringify(doc),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`openapi validator failed to run: ${run.stderr}`);
  return JSON.parse(run.stdout) as { valid: boolean; errors?: unknown };
}

/** koa-router path → OpenAPI path: every `:name` segment becomes `{name}`, under the /api prefix. */
const openApiPath = (routerPath: string) => `/api${routerPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
const pathParamNames = (routerPath: string) =>
  [...routerPath.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);

/** Every `$ref` string anywhere in a value, with the JSON pointer where it sits. */
function refsIn(value: unknown, at = ''): { at: string; ref: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refsIn(v, `${at}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === '$ref' && typeof v === 'string' ? [{ at, ref: v }] : refsIn(v, `${at}/${k}`),
  );
}

function resolvePointer(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) return undefined;
    node = (node as JsonObject)[key];
  }
  return node;
}

const NOT_SCHEMAS = new Set(['enum', 'const', 'default', 'examples', 'x-labels']);
const isObjectType = (type: unknown) => type === 'object' || (Array.isArray(type) && type.includes('object'));

/**
 * Every object schema reachable from `schema` (following `$ref`s into the document) that says nothing of its
 * members: no properties, no additionalProperties schema, no $ref and no allOf/anyOf/oneOf. Pointers name where
 * each sits, from `at`.
 */
function bareObjects(root: unknown, schema: unknown, at: string, seen = new Set<string>()): string[] {
  if (Array.isArray(schema)) return schema.flatMap((s, i) => bareObjects(root, s, `${at}/${i}`, seen));
  if (schema === null || typeof schema !== 'object') return [];
  const s = schema as JsonObject;
  const found: string[] = [];
  const describesMembers =
    s.properties !== undefined ||
    s.patternProperties !== undefined ||
    (s.additionalProperties !== null && typeof s.additionalProperties === 'object') ||
    ['$ref', 'allOf', 'anyOf', 'oneOf'].some((k) => s[k] !== undefined);
  if (isObjectType(s.type) && !describesMembers) found.push(at);
  if (typeof s.$ref === 'string' && s.$ref.startsWith('#/') && !seen.has(s.$ref)) {
    seen.add(s.$ref);
    found.push(...bareObjects(root, resolvePointer(root, s.$ref.slice(1)), s.$ref, seen));
  }
  for (const [key, value] of Object.entries(s))
    if (!NOT_SCHEMAS.has(key)) found.push(...bareObjects(root, value, `${at}/${key}`, seen));
  return found;
}

/** Drops `$id`/`$schema` and rewrites every `$ref` through `ref`, at every depth. */
function mapSchema(value: unknown, ref: (r: string) => string): Json {
  if (Array.isArray(value)) return value.map((v) => mapSchema(v, ref));
  if (value === null || typeof value !== 'object') return value as Json;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$id' || k === '$schema') continue;
    out[k] = k === '$ref' && typeof v === 'string' ? ref(v) : mapSchema(v, ref);
  }
  return out;
}

/** An absolute reference without an empty trailing fragment: `…/x.schema.json#` and `…/x.schema.json` are one. */
const canonical = (absolute: string) => absolute.replace(/#$/, '');

/** A shallow copy without one key. */
function without(value: JsonObject, key: string): JsonObject {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

const readSeed = (...segments: string[]) =>
  JSON.parse(readFileSync(join(DATA_DIR, ...segments), 'utf8')) as unknown;
const seedFiles = (folder: string) =>
  readdirSync(join(DATA_DIR, folder))
    .filter((f) => f.endsWith('.json'))
    .sort();

const routes: RouteSpec[] = apiRoutes();
let t: TestApp;
let doc: Document;

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.api.get('/api/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  doc = res.body as Document;
});
afterAll(() => t.close());

describe(`GET /api/openapi.json (${DB_LABEL})`, () => {
  it('is a valid OpenAPI 3.1 document', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    const result = validateOpenApi(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('the validator is not a rubber stamp: the same document with a response lacking its description fails', () => {
    const broken = structuredClone(doc) as unknown as { paths: Record<string, Record<string, JsonObject>> };
    const health = broken.paths['/api/health']!.get!;
    health.responses = { 200: {} }; // a response object needs a description
    expect(validateOpenApi(broken).valid).toBe(false);
  });

  it('documents exactly the routes of apiRoutes(), method by method', () => {
    const expected = routes.map((r) => `${r.method.toUpperCase()} ${openApiPath(r.path)}`).sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, item]) =>
        Object.keys(item)
          .filter((k) => HTTP_METHODS.includes(k))
          .map((m) => `${m.toUpperCase()} ${path}`),
      )
      .sort();
    expect(routes.length).toBeGreaterThan(10);
    expect(new Set(expected).size).toBe(expected.length);
    expect(documented).toEqual(expected);
  });

  it('declares every path parameter, required, with a schema, and no parameter the path lacks', () => {
    for (const route of routes) {
      const op = doc.paths[openApiPath(route.path)]![route.method]!;
      const inPath = (op.parameters ?? []).filter((p) => p.in === 'path');
      expect({ route: route.path, names: inPath.map((p) => p.name).sort() }).toEqual({
        route: route.path,
        names: pathParamNames(route.path).sort(),
      });
      for (const p of inPath) {
        expect(p.required).toBe(true);
        expect(p.schema).toEqual(expect.any(Object));
      }
    }
  });

  it('declares every query parameter and header of the table', () => {
    for (const route of routes) {
      const op = doc.paths[openApiPath(route.path)]![route.method]!;
      const declared = (where: string) =>
        (op.parameters ?? [])
          .filter((p) => p.in === where)
          .map((p) => p.name)
          .sort();
      expect(declared('query')).toEqual(Object.keys(route.query ?? {}).sort());
      expect(declared('header')).toEqual(Object.keys(route.headers ?? {}).sort());
      expect(op.requestBody !== undefined).toBe(route.body !== undefined);
    }
  });
});

describe('response schemas say what an answer holds', () => {
  it('no response schema, at any depth and through every $ref, is a bare object', () => {
    const bare: string[] = [];
    let responses = 0;
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item))
        for (const [status, response] of Object.entries(op.responses)) {
          responses++;
          bare.push(...bareObjects(doc, response, `${method.toUpperCase()} ${path} ${status}`));
        }
    expect(responses).toBeGreaterThan(200);
    expect(bare).toEqual([]);
  });

  it('the search bites: it finds a bare object inside properties, items and a referenced component', () => {
    const root = {
      components: { schemas: { Loose: { type: 'object', properties: { a: { type: 'object' } } } } },
    };
    expect(
      bareObjects(root, { type: 'array', items: { $ref: '#/components/schemas/Loose' } }, 'answer'),
    ).toEqual(['#/components/schemas/Loose/properties/a']);
    expect(bareObjects(root, { type: ['object', 'null'] }, 'answer')).toEqual(['answer']);
    expect(bareObjects(root, { type: 'object', additionalProperties: { type: 'string' } }, 'answer')).toEqual(
      [],
    );
  });
});

describe('model schemas come from @oneseal/schemas, not retyped', () => {
  const schemas = loadSchemas();
  const idByTitle = new Map(schemas.map((s) => [String(s.title), String(s.$id)]));

  it('has one component per schema file, named by its title', () => {
    expect(Object.keys(doc.components.schemas).sort()).toEqual([...idByTitle.keys()].sort());
  });

  it.each(schemas.map((s) => [String(s.title), s] as const))(
    'components.schemas.%s is its schema file with only $id/$schema dropped and $refs made internal',
    (title, schema: JsonSchemaObject) => {
      const component = doc.components.schemas[title];
      // Both sides are brought to absolute references: the file's refs are resolved against its own $id, the
      // component's "#/components/schemas/<Title><fragment>" is mapped back to that title's $id.
      const fromFile = mapSchema(schema, (r) => canonical(new URL(r, String(schema.$id)).toString()));
      const fromDocument = mapSchema(component, (r) => {
        const match = /^#\/components\/schemas\/([^/]+)(\/.*)?$/.exec(r);
        if (!match) return `not internal: ${r}`;
        const id = idByTitle.get(match[1]!);
        return id ? canonical(`${id}#${match[2] ?? ''}`) : `unknown component: ${r}`;
      });
      expect(fromDocument).toEqual(fromFile);
      // The plain facts, in case the normalisation above hid something.
      expect(Object.keys((component?.properties as JsonObject | undefined) ?? {})).toEqual(
        Object.keys(schema.properties ?? {}),
      );
      expect(component?.required).toEqual(schema.required);
      expect(Object.keys((component?.$defs as JsonObject | undefined) ?? {})).toEqual(
        Object.keys(schema.$defs ?? {}),
      );
      expect(JSON.stringify(component)).not.toMatch(/"\$id"|"\$schema"/);
    },
  );
});

describe('the bundled document is self-consistent', () => {
  const DOC_ID = 'https://oneseal.test/openapi.json';
  const bundled = (name: string) => {
    // A fresh Ajv with the OneSeal formats; the whole document is added as one schema resource, so every
    // "#/components/…" reference is resolved inside it. OpenAPI's own top-level fields are declared as
    // annotation keywords so that Ajv's strict mode accepts the document root.
    const ajv = createAjv();
    ajv.addVocabulary(Object.keys(doc).filter((k) => !k.startsWith('$')));
    ajv.addSchema({ ...doc, $id: DOC_ID });
    return ajv.compile({ $ref: `${DOC_ID}#/components/schemas/${name}` });
  };

  it('every $ref is internal and points at something', () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(50);
    const bad = refs.filter(
      ({ ref }) => !ref.startsWith('#/') || resolvePointer(doc, ref.slice(1)) === undefined,
    );
    expect(bad).toEqual([]);
  });

  it('Item, ItemImplementation, BaseItem and Bundle compile from the document alone', () => {
    for (const name of ['Item', 'ItemImplementation', 'BaseItem', 'Bundle'])
      expect(typeof bundled(name)).toBe('function');
  });

  it('every published seed item of 阳朔镇 validates against the bundled Item; a copy without name does not', async () => {
    const validate = bundled('Item');
    const one = await t.api.get('/api/public/regions/450321100/items/0117302000');
    expect(one.status).toBe(200);
    const item = one.body as JsonObject;
    expect(item.kind).toBe('item');
    expect(validate(item)).toBe(true);

    const withoutName = without(item, 'name');
    expect(validate(withoutName)).toBe(false);
    expect(validate.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ keyword: 'required', params: { missingProperty: 'name' } }),
      ]),
    );
    expect(validate({ ...item, notInTheModel: true })).toBe(false);

    const list = await t.api.get('/api/public/regions/450321100/items?limit=100');
    expect(list.status).toBe(200);
    const codes = (list.body as { items: { code: string }[] }).items.map((i) => i.code);
    expect(codes.length).toBeGreaterThan(1);
    for (const code of codes) {
      const res = await t.api.get(`/api/public/regions/450321100/items/${code}`);
      expect(res.status).toBe(200);
      expect({ code, valid: validate(res.body), errors: validate.errors }).toEqual({
        code,
        valid: true,
        errors: null,
      });
    }
  });

  it('seed base items validate against the bundled BaseItem', () => {
    const validate = bundled('BaseItem');
    const files = seedFiles('base-items');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const item = readSeed('base-items', file) as JsonObject;
      expect({ file, valid: validate(item), errors: validate.errors }).toEqual({
        file,
        valid: true,
        errors: null,
      });
    }
    const withoutName = without(readSeed('base-items', files[0]!) as JsonObject, 'name');
    expect(validate(withoutName)).toBe(false);
  });

  it('seed implementations validate against the bundled ItemImplementation', () => {
    const validate = bundled('ItemImplementation');
    let count = 0;
    for (const file of seedFiles('implementations')) {
      const list = readSeed('implementations', file) as JsonObject[];
      expect(Array.isArray(list)).toBe(true);
      for (const impl of list) {
        count++;
        expect({ file, baseCode: impl.baseCode, valid: validate(impl), errors: validate.errors }).toEqual({
          file,
          baseCode: impl.baseCode,
          valid: true,
          errors: null,
        });
      }
    }
    expect(count).toBeGreaterThan(0);
    const first = (readSeed('implementations', seedFiles('implementations')[0]!) as JsonObject[])[0]!;
    // unevaluatedProperties must still see the properties of the allOf'd LocalFields through the bundled refs.
    expect(validate({ ...first, extraField: 1 })).toBe(false);
    expect(
      validate({ ...first, implementingBody: { ...(first.implementingBody as JsonObject), uscc: '1' } }),
    ).toBe(false);
  });

  it('seed and published bundles validate against the bundled Bundle', async () => {
    const validate = bundled('Bundle');
    const files = seedFiles('bundles');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bundle = readSeed('bundles', file);
      expect({ file, valid: validate(bundle), errors: validate.errors }).toEqual({
        file,
        valid: true,
        errors: null,
      });
    }
    const res = await t.api.get('/api/public/bundles');
    expect(res.status).toBe(200);
    expect((res.body as unknown[]).length).toBeGreaterThan(0);
    for (const bundle of res.body as unknown[]) expect(validate(bundle)).toBe(true);
  });
});

describe('security and the write contract', () => {
  const schemes = () => Object.keys(doc.components.securitySchemes ?? {});

  it('public routes opt out with security: [], every other route keeps a bearer requirement', () => {
    expect(schemes().length).toBeGreaterThan(0);
    for (const route of routes) {
      const op = doc.paths[openApiPath(route.path)]![route.method]!;
      const label = `${route.method} ${route.path}`;
      if (route.access === 'public') {
        expect({ label, security: op.security }).toEqual({ label, security: [] });
        continue;
      }
      expect({ label, security: op.security }).not.toEqual({ label, security: [] });
      const effective = op.security ?? doc.security ?? [];
      expect({ label, requirements: effective.length }).not.toEqual({ label, requirements: 0 });
      for (const requirement of effective) {
        expect(Object.keys(requirement).length).toBeGreaterThan(0);
        for (const name of Object.keys(requirement)) expect(schemes()).toContain(name);
      }
      expect({ label, has401: '401' in op.responses }).toEqual({ label, has401: true });
      if (Array.isArray(route.access)) expect(op['x-roles']).toEqual([...route.access]);
    }
  });

  it('every write route except login and a citizen’s application or booking needs a signed-in user', () => {
    const writes = routes.filter((r) => r.method !== 'get');
    expect(writes.length).toBeGreaterThan(5);
    // Signing in, a citizen's application and booking (made and cancelled) are the only writes without a signed-in user.
    expect(
      writes
        .filter((r) => r.access === 'public')
        .map((r) => r.path)
        .sort(),
    ).toEqual(['/auth/login', '/public/bookings', '/public/bookings/:code/cancel', '/public/submissions']);
  });

  it('PUT /townships/{code}/items/{itemCode} documents If-Match, 409 and 422', () => {
    const op = doc.paths['/api/townships/{code}/items/{itemCode}']!.put!;
    const ifMatch = (op.parameters ?? []).find(
      (p) => p.in === 'header' && p.name.toLowerCase() === 'if-match',
    );
    expect(ifMatch).toEqual(expect.objectContaining({ required: true }));
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '409', '422', '428']));
    expect(op.requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ItemImplementation' } } },
    });
  });
});

describe(`GET /api/docs (${DB_LABEL})`, () => {
  it('is HTML that loads only same-origin assets, each answering with its content type', async () => {
    const page = await t.api.get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const html = page.text;
    expect(html).not.toMatch(/https?:\/\//i);
    const references = [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]!);
    expect(references.length).toBeGreaterThanOrEqual(2);
    const expectedType: Record<string, RegExp> = {
      css: /^text\/css/,
      js: /^(application|text)\/javascript/,
    };
    for (const ref of references) {
      expect(ref).toMatch(/^\/(?!\/)/); // a path on this server, not //cdn…
      const extension = /\.([a-z]+)$/.exec(ref)?.[1] ?? '';
      expect(Object.keys(expectedType)).toContain(extension);
      const asset = await t.api.get(ref);
      expect({ ref, status: asset.status }).toEqual({ ref, status: 200 });
      expect(asset.headers['content-type']).toMatch(expectedType[extension]!);
      const body = asset.text ?? (asset.body as Buffer).toString('utf8');
      expect(body.length).toBeGreaterThan(0);
      if (extension === 'css') {
        // Stylesheet urls are inline data or same-origin paths.
        for (const [, url] of body.matchAll(/url\(\s*["']?([^"')\s]{0,40})/g))
          expect(url).toMatch(/^(data:|\/(?!\/)|#)/);
      }
    }
    const init = await t.api.get('/api/docs/init.js');
    expect(init.text).not.toMatch(/https?:\/\//i);
    const specUrl = /url:\s*['"]([^'"]+)['"]/.exec(init.text)?.[1];
    expect(specUrl).toBe('/api/openapi.json');
    expect((await t.api.get(specUrl!)).status).toBe(200);
  });

  it('an asset that is not part of the page is refused in the JSON error shape', async () => {
    const res = await t.api.get('/api/docs/assets/package.json');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body).toEqual({
      error: { code: expect.any(String), message: expect.any(String), details: expect.any(Array) },
    });
  });
});
