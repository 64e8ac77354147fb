// Generates src/generated/types.ts (json-schema-to-typescript), src/generated/codeLists.ts (the x-labels
// of codes.schema.json as a typed constant) and src/generated/schemaDocuments.ts (the schemas as a module)
// from the JSON Schemas.
// Plain CommonJS because it runs before `tsc` (the TypeScript sources import its output).
// `node scripts/generate-types.js` writes the files; `--check` only compares them and exits 1 when stale.
// `--dir DIR` reads and writes another folder instead of src/generated (the freshness test uses it).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { compile } = require('json-schema-to-typescript');

const schemaDir = path.join(__dirname, '..', 'json');
const generatedDir = path.join(__dirname, '..', 'src', 'generated');

const banner = `/* Generated from schemas/json/*.schema.json by scripts/generate-types.js. Do not edit: edit the schema. */`;

/** One synthetic root that refers to every schema and every named definition, so each type is emitted once. */
function modelRoot() {
  const files = fs
    .readdirSync(schemaDir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort();
  const properties = {};
  for (const file of files) {
    const schema = JSON.parse(fs.readFileSync(path.join(schemaDir, file), 'utf8'));
    if (schema.type || schema.allOf) properties[file] = { $ref: file };
    for (const name of Object.keys(schema.$defs ?? {}).sort()) {
      properties[`${file}#${name}`] = { $ref: `${file}#/$defs/${name}` };
    }
  }
  return { title: 'OneSealModel', type: 'object', properties, additionalProperties: false };
}

/** A type's name: the titles of the files and their definitions. Any other title is a label for people (zh). */
const TYPE_NAME = /^[A-Z][A-Za-z0-9]*$/;

function withoutLabels(node) {
  if (Array.isArray(node)) return node.map(withoutLabels);
  if (!node || typeof node !== 'object') return node;
  const labelled = typeof node.title === 'string' && !TYPE_NAME.test(node.title);
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (labelled && key === 'title') continue;
    // Help beside a $ref would make a numbered copy of the referenced type (see below); it is for people too.
    if (labelled && key === 'description' && node.$ref) continue;
    out[key] = withoutLabels(value);
  }
  return out;
}

/**
 * The schemas as json-schema-to-typescript should read them: it names a type after any title, so the zh labels
 * of properties (title: "承诺办结时限") are left out of the copies it compiles; the types keep their names.
 */
function schemasForTypes() {
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'oneseal-schemas-'));
  for (const file of fs.readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json'))) {
    const schema = JSON.parse(fs.readFileSync(path.join(schemaDir, file), 'utf8'));
    fs.writeFileSync(path.join(dir, file), JSON.stringify(withoutLabels(schema)));
  }
  return dir;
}

async function generateTypes() {
  const cwd = schemasForTypes();
  const ts = await compile(modelRoot(), 'OneSealModel', {
    cwd,
    bannerComment: banner,
    additionalProperties: false,
    unreachableDefinitions: false,
    // An upper bound (process steps, branches) stays a bound checked by the validator, not a tuple type.
    maxItems: -1,
    style: { singleQuote: true, printWidth: 110, trailingComma: 'all' },
  }).finally(() => fs.rmSync(cwd, { recursive: true, force: true }));
  // A description beside a $ref to a titled definition makes json-schema-to-typescript emit a numbered copy
  // (TimeLimit1); keep such descriptions on the definition instead, so every shape has exactly one type.
  const copies = [...ts.matchAll(/^export (?:interface|type) ([A-Za-z]+\d+)\b/gm)].map((m) => m[1]);
  if (copies.length > 0) throw new Error(`duplicate generated types: ${copies.join(', ')}`);
  // The synthetic root only exists to reach every definition; it is not part of the model.
  return ts.replace(/\nexport interface OneSealModel \{[\s\S]*?\n\}\n/, '\n');
}

/** Every code list with its zh labels, in enum order, so UIs and documents read names from one table. */
function generateCodeLists() {
  const codes = JSON.parse(fs.readFileSync(path.join(schemaDir, 'codes.schema.json'), 'utf8'));
  const lists = {};
  for (const [name, def] of Object.entries(codes.$defs)) {
    const labels = def['x-labels'];
    const unlabelled = def.enum.filter((value) => typeof labels?.[value] !== 'string');
    if (unlabelled.length > 0)
      throw new Error(`codes.schema.json ${name}: no x-labels for ${unlabelled.join(', ')}`);
    // Pairs, not an object: integer-like keys ("10") would be reordered before "01".
    lists[name] = def.enum.map((value) => [value, labels[value]]);
  }
  const body = Object.entries(lists)
    .map(([name, pairs]) => `  ${name}: [\n${pairs.map((p) => `    ${JSON.stringify(p)},`).join('\n')}\n  ],`)
    .join('\n');
  return `${banner}\n\nexport const CODE_LISTS = {\n${body}\n} as const;\n`;
}

/**
 * The schema documents themselves as a module, so the model loads the same way in Node and in a browser bundle
 * (the portal and the designer validate with it) without reading files at run time.
 */
function generateSchemaDocuments() {
  const documents = fs
    .readdirSync(schemaDir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()
    .map((file) => JSON.stringify(JSON.parse(fs.readFileSync(path.join(schemaDir, file), 'utf8')), null, 2));
  return `${banner}\n\nexport const SCHEMA_DOCUMENTS: readonly object[] = [\n${documents.join(',\n')},\n];\n`;
}

/**
 * Every named shape of the model — each schema file and each titled definition — by its title: its generated
 * type (SchemaTypes) and its JSON Schema reference (SCHEMA_REFS). The API contract names request and response
 * shapes this way, so a name gives both the type a client reads and the schema the server validates with.
 */
function generateSchemaRefs(types) {
  const exported = new Set([...types.matchAll(/^export (?:interface|type) (\w+)\b/gm)].map((m) => m[1]));
  const refs = [];
  for (const file of fs
    .readdirSync(schemaDir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()) {
    const schema = JSON.parse(fs.readFileSync(path.join(schemaDir, file), 'utf8'));
    if (exported.has(schema.title)) refs.push([schema.title, schema.$id]);
    for (const [name, def] of Object.entries(schema.$defs ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)))
      if (exported.has(def.title)) refs.push([def.title, `${schema.$id}#/$defs/${name}`]);
  }
  refs.sort(([a], [b]) => (a < b ? -1 : 1));
  const names = refs.map(([title]) => title);
  if (new Set(names).size !== names.length) throw new Error('two model shapes share a title');
  return `${banner}

import type * as Model from './types';

/** The generated type of each named shape of the model. */
export interface SchemaTypes {
${refs.map(([title]) => `  ${title}: Model.${title};`).join('\n')}
}

/** The JSON Schema reference (\`$id\`, with the definition's pointer) of each named shape of the model. */
export const SCHEMA_REFS: { readonly [Name in keyof SchemaTypes]: string } = {
${refs.map(([title, ref]) => `  ${title}: '${ref}',`).join('\n')}
};
`;
}

/** File name (inside src/generated) → content. */
async function generateAll() {
  const types = await generateTypes();
  return {
    'types.ts': types,
    'schemaRefs.ts': generateSchemaRefs(types),
    'codeLists.ts': generateCodeLists(),
    'schemaDocuments.ts': generateSchemaDocuments(),
  };
}

module.exports = { generateAll, generatedDir };

async function main(args) {
  const dirIndex = args.indexOf('--dir');
  const dir = dirIndex >= 0 ? path.resolve(args[dirIndex + 1]) : generatedDir;
  const files = await generateAll();
  if (args.includes('--check')) {
    const stale = Object.entries(files)
      .filter(
        ([name, content]) =>
          !fs.existsSync(path.join(dir, name)) || fs.readFileSync(path.join(dir, name), 'utf8') !== content,
      )
      .map(([name]) => name);
    if (stale.length > 0) {
      console.error(`stale generated files in ${dir}: ${stale.join(', ')} — run \`npm run build\``);
      process.exitCode = 1;
    }
    return;
  }
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exitCode = 2;
  });
}
