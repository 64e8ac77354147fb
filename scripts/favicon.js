#!/usr/bin/env node
// Draws the site icon — the header's seal, a red disc with 章 — in Chromium at 16, 32 and 48 px and writes them
// as one favicon.ico (PNG images inside an ICO directory) to the given paths:
//   node scripts/favicon.js portal/public/favicon.ico designer/public/favicon.ico
const { writeFileSync } = require('node:fs');
const { chromium } = require('playwright-core');
const { CHROMIUM_FLAGS, CHROMIUM_PATH } = require('@oneseal/runtime');

const SIZES = [16, 32, 48];

const seal = (size) => `<!doctype html><html><body style="margin:0;background:transparent">
  <div style="width:${size}px;height:${size}px;border-radius:50%;background:#b4211d;color:#fff;display:grid;
    place-items:center;font:700 ${Math.round(size * 0.66)}px/1 'Noto Sans CJK SC',sans-serif">章</div></body></html>`;

/** An ICO file: a 6-byte header, a 16-byte entry per image, then each image's PNG bytes. */
function ico(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1: icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry); // 0 means 256
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs.map((p) => p.png)]);
}

(async () => {
  const targets = process.argv.slice(2);
  if (targets.length === 0) throw new Error('usage: node scripts/favicon.js OUT.ico...');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
  const pngs = [];
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(seal(size));
    pngs.push({ size, png: await page.screenshot({ omitBackground: true }) });
    await page.close();
  }
  await browser.close();
  for (const target of targets) writeFileSync(target, ico(pngs));
})();
