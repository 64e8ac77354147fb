// What both benchmarks print with: settings from the environment, and aligned tables of figures.
'use strict';

/** A positive number from the environment (whole when `integer`), or the fallback when unset. */
function numberFromEnv(name, fallback, { integer = false } = {}) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!(integer ? Number.isInteger(value) : Number.isFinite(value)) || value <= 0)
    throw new Error(`${name} must be a positive ${integer ? 'whole ' : ''}number, not "${raw}"`);
  return value;
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const mean = (xs) => sum(xs) / xs.length;
const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Rows as an aligned table: the first row is the header, underlined; the first column left-aligned. */
function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows
    .map((r, i) => {
      const line = r.map((cell, c) =>
        c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]),
      );
      return (i === 1 ? `${widths.map((w) => '-'.repeat(w)).join('  ')}\n` : '') + line.join('  ');
    })
    .join('\n');
}

module.exports = { numberFromEnv, sum, mean, fmt, table };
