#!/usr/bin/env node
'use strict';
/**
 * bench/forms — how fast the citizen portal's Formily renderer draws and edits a 500-field one-table form,
 * against @rjsf/core 6 (+ @rjsf/validator-ajv8) rendering the same form from its plain JSON Schema.
 *
 *   npm run build && node bench/forms/run.js
 *
 * The form: 10 synthetic items (pages/generate.ts) binding shared data elements of the seed dictionary and adding
 * local fields of every kind, merged by mergeForms into one table of FIELDS fields. Vite builds the production
 * pages into bench/forms/dist (pages/oneseal.tsx, pages/rjsf.tsx, pages/floor.tsx); a tiny HTTP server on
 * 127.0.0.1 serves them; Debian's Chromium (playwright-core, headless, PdfPrinter's flags) opens a fresh browser
 * context and page for every measurement. On each page:
 *   1. first render: performance.now() before createRoot, the form rendered and committed synchronously
 *      (flushSync), until the end of the first frame painted with all FIELDS fields in the DOM (a message posted
 *      from a requestAnimationFrame callback is delivered after that frame's style, layout and paint) — for a
 *      renderer that draws fields only as the reader scrolls, with all it draws by itself, and the count says so;
 *      and the renderer's main-thread CPU time for it (CDP Performance.getMetrics ThreadTime);
 *   2. keystrokes: the text field nearest the middle of the form is scrolled into view and focused, then keys are
 *      pressed one at a time through the browser's input pipeline (Playwright keyboard.press → CDP); each is timed
 *      from its keydown event's timeStamp to the end of the first frame whose <input> shows the new value. The
 *      page goes idle between keys. The first key (lazy compilation of validators) is reported apart.
 * Variants, rotated round by round (A B C D, B C D A, …): OneSeal; RJSF with liveValidate 'onChange' (it
 * validates as you type, like the OneSeal renderer: the comparison the targets are judged on); RJSF without live
 * validation; and the floor, one React-controlled <input> alone, which shows what a keystroke costs the browser
 * itself. Targets: OneSeal keystroke median ÷ RJSF's ≤ 0.2, OneSeal first render ÷ RJSF's ≤ 1.
 *
 * Environment: ROUNDS (pages per variant, default 5), FIELDS (default 500), KEYS (timed keystrokes per page after
 * the first, default 30), CHROMIUM_PATH (default /usr/bin/chromium), BUILD (0 to reuse bench/forms/dist).
 * Exit code: 0 when the benchmark ran (targets met or not), 1 when it could not run, 2 when the watchdog stopped it.
 */

const { existsSync, readFileSync } = require('node:fs');
const { createServer } = require('node:http');
const { cpus } = require('node:os');
const { extname, join, normalize, sep } = require('node:path');
const { fmt, mean, numberFromEnv, table } = require('../report');

const ROOT = join(__dirname, '..', '..');
const DIST = join(__dirname, 'dist');
const BROWSER_JS = join(ROOT, 'runtime', 'dist', 'pdf', 'browser.js');
const SCHEMAS_JS = join(ROOT, 'schemas', 'dist', 'index.js');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const HOST = '127.0.0.1';
const VIEWPORT = { width: 1280, height: 800 };
const TARGET_KEYSTROKE = 0.2;
const TARGET_RENDER = 1.0;
const CHARS = 'abcdefghijklmnopqrstuvwxyz';

const VARIANTS = [
  { name: 'oneseal', page: 'oneseal.html', label: 'OneSeal renderer (Formily 2 + antd 5)' },
  { name: 'rjsf-live', page: 'rjsf.html?live=onChange', label: "RJSF 6, liveValidate 'onChange'" },
  { name: 'rjsf', page: 'rjsf.html?live=off', label: 'RJSF 6, liveValidate off' },
  { name: 'floor', page: 'floor.html', label: 'floor: one React <input> alone', fields: 1 },
];

// ---------------------------------------------------------------------------------------------------------
// The pages: built with Vite, served as static files on 127.0.0.1.
// ---------------------------------------------------------------------------------------------------------

async function buildPages() {
  // Vite warns that a TypeScript config in a CommonJS package will need another loader one day; the portal's
  // build says the same. Not this benchmark's business.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  const { build } = await import('vite');
  await build({ configFile: join(__dirname, 'vite.config.ts'), logLevel: 'warn' });
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

function serve() {
  const server = createServer((req, res) => {
    let path;
    try {
      path = normalize(join(DIST, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (req.method !== 'GET' || !path.startsWith(DIST + sep) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
    res.end(readFileSync(path));
  });
  return new Promise((resolve, reject) => {
    server.listen(0, HOST, () => resolve(server));
    server.once('error', reject);
  });
}

// ---------------------------------------------------------------------------------------------------------
// The form: checked against the model, and described.
// ---------------------------------------------------------------------------------------------------------

/** Checks each generated item form against item-form.schema.json; returns what the merged form holds. */
function describeForm(items, fields) {
  const { createAjv } = require(SCHEMAS_JS);
  const validate = createAjv().getSchema('https://schemas.oneseal.cn/v1/item-form.schema.json');
  const kinds = new Map();
  const shared = new Set();
  let conditions = 0;
  const walk = (props) => {
    for (const field of Object.values(props)) {
      if (field['x-visible-when']) conditions++;
      if (field.type === 'void') walk(field.properties ?? {});
      else if (field['x-data-element']) shared.add(field['x-data-element']);
      else kinds.set(field['x-component'], (kinds.get(field['x-component']) ?? 0) + 1);
    }
  };
  for (const item of items) {
    if (!validate(item.form))
      throw new Error(
        `generated form of ${item.code} breaks item-form.schema.json: ${JSON.stringify(validate.errors)}`,
      );
    walk(item.form.properties);
  }
  const local = [...kinds.values()].reduce((a, b) => a + b, 0);
  if (shared.size + local !== fields)
    throw new Error(`the merged form should hold ${fields} fields, not ${shared.size} + ${local}`);
  const list = [...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
  return `${items.length} items, ${fields} fields = ${shared.size} shared data elements + ${local} local (${list.join(', ')}); ${conditions} conditional fields`;
}

// ---------------------------------------------------------------------------------------------------------
// One measurement: a fresh browser context and page, one mount, 1 + KEYS keystrokes.
// ---------------------------------------------------------------------------------------------------------

async function measure(browser, base, variant, { fields, keys }) {
  const expected = variant.fields ?? fields;
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    // Nothing but the bench server, ever.
    await page.route('**/*', (route) =>
      route.request().url().startsWith(base) ? route.continue() : route.abort(),
    );
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.stack || error.message));
    const url = `${base}/${variant.page}${variant.page.includes('?') ? '&' : '?'}fields=${fields}`;
    await page.goto(url, { waitUntil: 'load' });
    await page
      .waitForFunction(() => globalThis.bench !== undefined, null, { timeout: 30_000 })
      .catch((error) => {
        throw new Error(
          `${variant.name}: page did not start${errors.length ? `: ${errors[0]}` : ` (${error})`}`,
        );
      });
    // The renderer's main-thread CPU time (thread ticks), read before and after.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const cpuMs = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'ThreadTime').value * 1000;
    };

    // Loading, parsing and building the schemas stay outside the bracket: the mount starts on an idle page.
    await page.evaluate(() => globalThis.bench.idle());
    const cpuBefore = await cpuMs();
    const mounted = await page.evaluate((n) => globalThis.bench.mount(n), expected);
    mounted.cpuMs = (await cpuMs()) - cpuBefore;
    if (mounted.fields > expected || mounted.fields === 0)
      throw new Error(`${variant.name}: ${mounted.fields} fields on screen, expected ${expected}`);
    // Fewer: the renderer draws the others as the reader scrolls to them (shown beside its figures).
    mounted.partial = mounted.fields < expected ? `${mounted.fields}/${expected}` : undefined;
    await page.evaluate(() => globalThis.bench.focusTarget());

    const strokes = [];
    let typed = '';
    let keysCpu = 0;
    for (let k = 0; k <= keys; k++) {
      const char = CHARS[k % CHARS.length];
      await page.evaluate((c) => globalThis.bench.arm(c), char);
      if (k === 1) keysCpu = await cpuMs();
      await page.keyboard.press(char);
      strokes.push(await page.evaluate(() => globalThis.bench.keystroke()));
      typed += char;
      await page.evaluate(() => globalThis.bench.idle());
    }
    keysCpu = ((await cpuMs()) - keysCpu) / keys;
    const value = await page.evaluate(() => globalThis.bench.value());
    if (value !== typed)
      throw new Error(`${variant.name}: the form holds ${JSON.stringify(value)}, typed "${typed}"`);
    if (errors.length > 0) throw new Error(`${variant.name}: ${errors[0]}`);
    const items = variant.name === 'oneseal' ? await page.evaluate(() => globalThis.benchItems) : undefined;
    return { mounted, first: strokes[0], strokes: strokes.slice(1), keysCpu, items };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Figures.
// ---------------------------------------------------------------------------------------------------------

/** Nearest-rank percentile (p in 0..1) of a list of numbers. */
function percentile(xs, p) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}
const median = (xs) => percentile(xs, 0.5);

let browser;

async function main() {
  const rounds = numberFromEnv('ROUNDS', 5, { integer: true });
  const fields = numberFromEnv('FIELDS', 500, { integer: true });
  const keys = numberFromEnv('KEYS', 30, { integer: true });
  if (keys + 1 > 150) throw new Error('KEYS must stay below 150: the keystroke field takes 200 characters');
  for (const file of [BROWSER_JS, SCHEMAS_JS])
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium`);

  // Planned: ~20 s to build, ~5 s per page plus ~0.3 s per key on a quiet 2-core machine; far past it, stop.
  const limit = 120 + rounds * VARIANTS.length * (30 + keys * 2);
  const watchdog = setTimeout(() => {
    console.error(`\nbench/forms: still running after ${limit} s — stopping`);
    // Playwright kills the browser it launched when this process exits.
    process.exit(2);
  }, limit * 1000);
  watchdog.unref();

  const started = performance.now();
  if (process.env.BUILD !== '0') await buildPages();
  else if (!existsSync(join(DIST, 'oneseal.html'))) throw new Error('BUILD=0 but bench/forms/dist is empty');
  const built = performance.now();

  const { chromium } = require('playwright-core');
  const { CHROMIUM_FLAGS } = require(BROWSER_JS);
  const server = await serve();
  const base = `http://${HOST}:${server.address().port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS] });
  try {
    console.log(
      `bench/forms — node ${process.version}, ${cpus().length} CPU(s), Chromium ${browser.version()} headless, ` +
        `viewport ${VIEWPORT.width}×${VIEWPORT.height}; FIELDS=${fields} ROUNDS=${rounds} KEYS=${keys}; ` +
        (process.env.BUILD === '0' ? 'pages reused' : `pages built in ${fmt((built - started) / 1000, 1)} s`),
    );

    const runs = Object.fromEntries(VARIANTS.map((v) => [v.name, []]));
    const perRound = [
      [
        'round',
        'renderer',
        'first render ms',
        '1st frame ms (fields)',
        'commit ms',
        'CPU ms',
        '1st key ms',
        'key median ms',
        'key p95 ms',
        'late frames',
      ],
    ];
    let described = false;
    for (let round = 1; round <= rounds; round++) {
      // Rotate the order, so no variant always runs first (or on a warmer machine).
      const order = VARIANTS.map((_, i) => VARIANTS[(i + round - 1) % VARIANTS.length]);
      for (const variant of order) {
        const r = await measure(browser, base, variant, { fields, keys });
        if (r.items && !described) {
          console.log(`form: ${describeForm(r.items, fields)}`);
          described = true;
        }
        runs[variant.name].push(r);
        const ms = r.strokes.map((s) => s.ms);
        const m = r.mounted;
        perRound.push([
          round,
          variant.name,
          fmt(m.paintMs, 1) + (m.partial ? ` (${m.partial})` : ''),
          `${fmt(m.firstFrameMs, 1)} (${m.firstFrameFields})`,
          fmt(m.commitMs, 1),
          fmt(m.cpuMs),
          fmt(r.first.ms, 1),
          fmt(median(ms), 1),
          fmt(percentile(ms, 0.95), 1),
          r.strokes.filter((s) => s.extraFrames > 0).length,
        ]);
      }
    }
    console.log(`\n${table(perRound)}`);
    console.log(
      '   (first render: until the first frame painted with all fields in the DOM — or, if shown as (n/N), ' +
        'with the n fields the renderer drew before it went idle; 1st frame: the first frame ' +
        'after the commit, and how many fields it had; CPU: main-thread CPU time of the mount; late frames: ' +
        'keystrokes whose value was not yet shown by the first frame after the input event)\n',
    );

    const summary = {};
    for (const v of VARIANTS) {
      const rs = runs[v.name];
      const ms = rs.flatMap((r) => r.strokes.map((s) => s.ms));
      summary[v.name] = {
        render: mean(rs.map((r) => r.mounted.paintMs)),
        renderMedian: median(rs.map((r) => r.mounted.paintMs)),
        cpu: mean(rs.map((r) => r.mounted.cpuMs)),
        first: mean(rs.map((r) => r.first.ms)),
        median: median(ms),
        p95: percentile(ms, 0.95),
        keyCpu: mean(rs.map((r) => r.keysCpu)),
        samples: ms.length,
        partial: rs.find((r) => r.mounted.partial)?.mounted.partial,
      };
    }
    console.log(
      `all rounds — first render: mean and median of ${rounds} pages; keystrokes: ${rounds} × ${keys} pooled`,
    );
    console.log(
      table([
        [
          'renderer',
          'first render ms',
          'median',
          'CPU ms',
          '1st key ms',
          'key median ms',
          'key p95 ms',
          'CPU ms/key',
          'keys',
        ],
        ...VARIANTS.map((v) => {
          const s = summary[v.name];
          return [
            v.label,
            fmt(s.render, 1) + (s.partial ? ` (${s.partial})` : ''),
            fmt(s.renderMedian, 1),
            fmt(s.cpu),
            fmt(s.first, 1),
            fmt(s.median, 1),
            fmt(s.p95, 1),
            fmt(s.keyCpu, 1),
            s.samples,
          ];
        }),
      ]),
    );
    console.log(
      "   (CPU: the renderer's main-thread CPU time — steadier than wall time on a busy machine; per key it " +
        "includes the harness's own calls and idle frames, about the floor's figure)\n",
    );

    const a = summary.oneseal;
    const floor = summary.floor;
    const verdict = (met) => (met ? 'PASS' : 'MISS');
    for (const [name, label, judged] of [
      ['rjsf-live', "RJSF liveValidate 'onChange'", true],
      ['rjsf', 'RJSF liveValidate off', false],
    ]) {
      const b = summary[name];
      const key = a.median / b.median;
      const render = a.render / b.render;
      const tag = judged ? '' : '   (reference)';
      console.log(
        `OneSeal ÷ ${label}: keystroke median ${fmt(a.median, 1)} ÷ ${fmt(b.median, 1)} ms = ` +
          `${key.toFixed(2)}   target ≤ ${TARGET_KEYSTROKE}   ${verdict(key <= TARGET_KEYSTROKE)}${tag}`,
      );
      console.log(
        `OneSeal ÷ ${label}: first render ${fmt(a.render, 1)} ÷ ${fmt(b.render, 1)} ms = ` +
          `${render.toFixed(2)}   target ≤ ${TARGET_RENDER.toFixed(1)}   ` +
          `${verdict(render <= TARGET_RENDER)}${tag}`,
      );
    }
    const b = summary['rjsf-live'];
    console.log(
      `\nreference, against RJSF liveValidate 'onChange': first render CPU ${fmt(a.cpu)} ÷ ${fmt(b.cpu)} ms = ` +
        `${(a.cpu / b.cpu).toFixed(2)}; keystroke median above the floor (${fmt(floor.median, 1)} ms) ` +
        `${fmt(a.median - floor.median, 1)} ÷ ${fmt(b.median - floor.median, 1)} ms = ` +
        `${((a.median - floor.median) / (b.median - floor.median)).toFixed(2)}`,
    );
    if (floor.median > TARGET_KEYSTROKE * b.median)
      console.log(
        `   the floor alone is ${(floor.median / b.median).toFixed(2)} × RJSF's keystroke median: on this ` +
          `machine no renderer can reach ≤ ${TARGET_KEYSTROKE}`,
      );
    console.log(`\ntook ${fmt((performance.now() - started) / 1000, 1)} s`);
  } finally {
    clearTimeout(watchdog);
    await browser.close().catch(() => undefined);
    server.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`bench/forms failed: ${error && error.stack ? error.stack : error}`);
    process.exit(1);
  },
);
