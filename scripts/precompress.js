#!/usr/bin/env node
'use strict';
/**
 * Writes `NAME.br` and `NAME.gz` beside every compressible file of the given folders (the built web apps'
 * assets), once at build time, so the server sends them from disk instead of compressing on every request.
 * A variant is kept only when it is smaller than the file itself.
 *
 *   node scripts/precompress.js portal/dist/assets
 */
const { readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { extname, join } = require('node:path');
const { brotliCompressSync, constants, gzipSync } = require('node:zlib');

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.map', '.txt', '.wasm']);
// Below this a compressed answer saves less than its headers cost.
const MIN_BYTES = 1024;

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

let written = 0;
let before = 0;
let after = 0;
for (const dir of process.argv.slice(2)) {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`precompress: ${dir} is not a folder`);
    process.exit(2);
  }
  for (const file of files(dir)) {
    if (!COMPRESSIBLE.has(extname(file)) || statSync(file).size < MIN_BYTES) continue;
    const content = readFileSync(file);
    const variants = {
      '.br': brotliCompressSync(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
      '.gz': gzipSync(content, { level: 9 }),
    };
    for (const [suffix, compressed] of Object.entries(variants))
      if (compressed.length < content.length) {
        writeFileSync(file + suffix, compressed);
        written++;
      }
    before += content.length;
    after += variants['.br'].length;
  }
}
console.log(
  `precompress: ${written} files written; ${(before / 1024).toFixed(0)} KiB → ${(after / 1024).toFixed(0)} KiB with brotli`,
);
