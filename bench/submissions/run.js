#!/usr/bin/env node
'use strict';
/**
 * bench/submissions — what the real application route costs against a bare route doing the essential work.
 *
 *   npx tsc -b && node bench/submissions/run.js
 *
 * A child process hosts, on 127.0.0.1 and one fresh seeded database: the real OneSeal app, and a bare Koa
 * route that parses the JSON body, validates it with an ajv validator compiled once (createAjv() of the model,
 * over the same schema deriveForm makes from the merged one-table form), fans the answers out per item and
 * inserts the same row into the same submissions table with the same driver (sqlite3 or mysql2). Both get the
 * same 3-item application of 阳朔镇 (宅基地和建房审批 + 建房竣工验收 + 农村危房改造). This process drives them with
 * autocannon in alternating rounds and prints req/s, p99 and the ratio app ÷ bare against the target ≥ 0.25.
 *
 * Environment: DURATION (seconds per round, default 5), CONNECTIONS (default 10), ROUNDS (default 2), WARMUP
 * (seconds, default 1), DB_URL (sqlite:… or mysql://…; default a SQLite file in a temp folder).
 */

const { createHash } = require('node:crypto');
const { cpus } = require('node:os');
const { fmt, numberFromEnv, table } = require('../report');
const {
  HOST,
  alternate,
  benchConfig,
  freshDatabase,
  listen,
  runBenchmark,
  stopWhenAsked,
} = require('../harness');

const TARGET = 0.25;
const TOWNSHIP = '450321100';
const ITEMS = ['0117302000', '0117315000', '2017304000'];

function application() {
  const { idCardCheckChar } = require('../../schemas/dist/index.js');
  const first17 = '45032119620918153';
  return {
    region: TOWNSHIP,
    items: ITEMS,
    data: {
      applicantName: '黄德明',
      idNumber: first17 + idCardCheckChar(first17),
      mobile: '13877345678',
      householdAddress: '阳朔县阳朔镇古板村 3 组 7 号',
      village: '古板村',
      familySize: 5,
      bankAccount: '6230520123456789012',
      item_0117302000: {
        buildType: 'rebuild',
        siteLocation: '原址：东至黄家菜地，西至机耕路，南至晒谷坪，北至竹林',
        landArea: 120,
        floors: 2,
        floorArea: 210,
        originalLandCertificate: '桂（2018）阳朔县不动产权第0003456号',
        reason: '旧房为土木结构危房，拆除后原址重建',
      },
      item_0117315000: {
        permitNo: '阳朔乡建字第2026-012号',
        completionDate: '2026-10-20',
        actualLandArea: 100,
        actualFloorArea: 258,
        actualFloors: 3,
        demolishOld: false,
      },
      item_2017304000: {
        targetType: 'dibao',
        houseStructure: 'earth-wood',
        houseProblem: '墙体开裂、屋面漏雨',
        renovationMode: 'reinforce',
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Child: the two servers.
// ---------------------------------------------------------------------------------------------------------

/** The insert of the bare route: the same driver the app uses underneath Sequelize. */
async function rawInserter(db) {
  const columns =
    'reference, region_code, status, items, data, phone_digest, history, created_at, updated_at';
  const sql = `INSERT INTO submissions (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;
  if (db.dialect === 'mysql') {
    const mysql = require('mysql2/promise');
    const url = new URL(db.dbUrl);
    const pool = mysql.createPool({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database: url.pathname.slice(1),
      connectionLimit: 10,
      charset: 'utf8mb4',
    });
    return { insert: (values) => pool.execute(sql, values), close: () => pool.end() };
  }
  const sqlite3 = require('sqlite3');
  const file = new sqlite3.Database(db.name);
  // The app's writers take turns inside the app; this second writer waits for the file lock instead.
  file.configure('busyTimeout', 10_000);
  return {
    insert: (values) => new Promise((done, fail) => file.run(sql, values, (e) => (e ? fail(e) : done()))),
    close: () => new Promise((done) => file.close(() => done())),
  };
}

async function serve() {
  const Koa = require('koa');
  const { bodyParser } = require('@koa/bodyparser');
  const { openStore, createApp, tokenSecret } = require('../../catalogue-api/dist/index.js');
  const { PdfPrinter, mergeForms, deriveForm, withSections, fanOut } = require('../../runtime/dist/index.js');
  const { createAjv } = require('../../schemas/dist/index.js');

  const db = await freshDatabase(process.env.DB_URL);
  const servers = [];
  let store;
  let inserter;
  const shutdown = async () => {
    await Promise.all(servers.map((s) => new Promise((done) => s.close(() => done()))));
    if (inserter) await inserter.close();
    if (store) await store.sequelize.close();
    await db.drop();
  };
  try {
    const config = benchConfig(process.env, { dbUrl: db.dbUrl, dbReadUrls: [], loadSeeds: true });
    store = await openStore(config);
    const appServer = await listen(createApp(store, config, await tokenSecret(store), new PdfPrinter()));
    servers.push(appServer);
    const appBase = `http://${HOST}:${appServer.address().port}`;

    // The bare route's form: the published items and data elements as the public API gives them.
    const items = await Promise.all(
      ITEMS.map(async (code) =>
        (await fetch(`${appBase}/api/public/regions/${TOWNSHIP}/items/${code}`)).json(),
      ),
    );
    const elements = await (await fetch(`${appBase}/api/public/data-elements`)).json();
    const merged = mergeForms(items, elements);
    const validate = createAjv().compile(deriveForm(merged.form).validation);
    inserter = await rawInserter(db);
    let sequence = 0;
    const bare = new Koa();
    bare.use(bodyParser());
    bare.use(async (ctx) => {
      const { region, data } = ctx.request.body;
      if (!validate(withSections(merged.form.properties, data))) {
        ctx.status = 422;
        ctx.body = { errors: validate.errors };
        return;
      }
      const reference = `${region}-bare-${++sequence}`;
      const now = new Date();
      await inserter.insert([
        reference,
        region,
        'submitted',
        JSON.stringify(
          items.map((i) => ({ code: i.code, name: i.name, version: i.version, baseVersion: i.baseVersion })),
        ),
        JSON.stringify({ form: data, perItem: fanOut(items, data) }),
        createHash('sha256').update(`${reference}\u0000${data.mobile}`).digest('hex'),
        JSON.stringify([{ status: 'submitted', at: now.toISOString() }]),
        now,
        now,
      ]);
      ctx.status = 201;
      ctx.body = { reference, status: 'submitted' };
    });
    const bareServer = await listen(bare);
    servers.push(bareServer);
    const bareBase = `http://${HOST}:${bareServer.address().port}`;

    // Both accept the application before anything is measured.
    for (const base of [appBase, bareBase]) {
      const res = await fetch(`${base}/api/public/submissions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(application()),
      });
      if (res.status !== 201)
        throw new Error(`${base} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    }
    process.send({
      type: 'ready',
      app: `${appBase}/api/public/submissions`,
      bare: `${bareBase}/api/public/submissions`,
      db: db.label,
    });
  } catch (error) {
    await shutdown().catch(() => undefined);
    throw error;
  }
  stopWhenAsked(async () => {
    const [{ n }] = await store.sequelize.query('SELECT COUNT(*) AS n FROM submissions', { type: 'SELECT' });
    process.send({ type: 'stored', rows: Number(n) });
    await shutdown();
  });
}

// ---------------------------------------------------------------------------------------------------------
// Parent: the load generator.
// ---------------------------------------------------------------------------------------------------------

const settings = () => ({
  duration: numberFromEnv('DURATION', 5),
  connections: numberFromEnv('CONNECTIONS', 10, { integer: true }),
  rounds: numberFromEnv('ROUNDS', 2, { integer: true }),
  warmup: numberFromEnv('WARMUP', 1),
});

async function drive(info, child) {
  const { duration, connections, rounds, warmup } = settings();
  console.log(
    `bench/submissions — POST /api/public/submissions, ${ITEMS.length} items of ${TOWNSHIP}; ${info.db}`,
  );
  console.log(
    `node ${process.version}, ${cpus().length} CPU(s); ${connections} connections, ${duration} s per round, ` +
      `${rounds} round(s) per server, alternating; ${warmup} s warm-up each\n`,
  );
  const request = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(application()),
  };
  const measured = await alternate(
    { app: info.app, bare: info.bare },
    { rounds, duration, connections, warmup, request, settleMs: 3000 },
  );
  const perRound = [['round', 'server', 'req/s', 'p50 ms', 'p99 ms']];
  for (const name of ['app', 'bare'])
    for (const r of measured[name].runs) perRound.push([r.round, name, fmt(r.rps), fmt(r.p50), fmt(r.p99)]);
  console.log(table(perRound));
  const ratio = measured.app.rps / measured.bare.rps;
  console.log(`\nmean: app ${fmt(measured.app.rps)} req/s, bare ${fmt(measured.bare.rps)} req/s`);
  console.log(
    `ratio app ÷ bare = ${ratio.toFixed(3)}   target ≥ ${TARGET}   ${ratio >= TARGET ? 'MET' : 'NOT MET'}`,
  );
  const stored = new Promise((resolve) =>
    child.on('message', (m) => m && m.type === 'stored' && resolve(m.rows)),
  );
  child.send({ type: 'stop' });
  console.log(`(${fmt(await stored)} applications stored in the run)`);
}

runBenchmark('bench/submissions', __filename, {
  serve,
  drive,
  plannedSeconds() {
    const { duration, rounds, warmup } = settings();
    return warmup * 2 + duration * rounds * 2;
  },
});
