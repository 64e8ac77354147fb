// Reading printed PDFs back with poppler-utils (pdfinfo, pdftotext, pdffonts), for the document tests of
// runtime, catalogue-api and the CLI. Only test code imports this file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LaunchOptions } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../browser';

/** How the tests launch Debian's Chromium themselves (the flags PdfPrinter uses on these machines). */
export const CHROMIUM_LAUNCH: LaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [...CHROMIUM_FLAGS],
};

/** Text without any whitespace: pdftotext drops or adds spaces depending on the font, so compare squashed. */
export const squash = (text: string): string => text.replace(/\s+/g, '');

/** A fresh temporary directory and a function that removes it. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

const run = (tool: string, args: string[]): string =>
  execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

/** A PDF on disk, read back page by page. */
export class PdfFile {
  private texts?: string[];

  constructor(readonly path: string) {}

  /** Writes `pdf` to `dir/name` and opens it. */
  static write(dir: string, name: string, pdf: Buffer | Uint8Array): PdfFile {
    const path = join(dir, name);
    writeFileSync(path, pdf);
    return new PdfFile(path);
  }

  /** The page count pdfinfo reports. */
  get pageCount(): number {
    const match = /^Pages:\s+(\d+)$/m.exec(run('pdfinfo', [this.path]));
    if (!match) throw new Error(`pdfinfo gives no page count for ${this.path}`);
    return Number(match[1]);
  }

  /**
   * The -layout text of page `p` (1-based). One pdftotext run for the whole file, split at its form feeds,
   * gives the same text as `pdftotext -layout -f p -l p` page by page, without a process per page.
   */
  page(p: number): string {
    if (!this.texts) {
      const pages = run('pdftotext', ['-layout', this.path, '-']).split('\f');
      // pdftotext ends every page with a form feed, so the last piece is empty.
      if (pages[pages.length - 1] === '') pages.pop();
      this.texts = pages;
    }
    const text = this.texts[p - 1];
    if (text === undefined) throw new Error(`${this.path} has no page ${p}`);
    return text;
  }

  /** `pdftotext -layout -f p -l p`, one process: to check that the split above gives the same text. */
  pageByItself(p: number): string {
    return run('pdftotext', ['-layout', '-f', String(p), '-l', String(p), this.path, '-']).replace(/\f$/, '');
  }

  /**
   * The whole text in content-stream order (-raw): Chromium paints a table cell's lines one after the other, so
   * a name wrapped inside a cell comes back whole (once squashed), where -layout interleaves the columns.
   */
  get text(): string {
    return run('pdftotext', ['-raw', this.path, '-']);
  }

  /** Page `p` in content-stream order (-raw). */
  rawPage(p: number): string {
    return run('pdftotext', ['-raw', '-f', String(p), '-l', String(p), this.path, '-']);
  }

  /** Non-empty lines of page `p`, trimmed. */
  lines(p: number): string[] {
    return this.page(p)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  }

  /** The first line of the page: the running header when there is one. */
  header(p: number): string {
    return this.lines(p)[0] ?? '';
  }

  /** The last line of the page: the footer when there is one. */
  footer(p: number): string {
    return this.lines(p).at(-1) ?? '';
  }

  /** Every font pdffonts lists. The columns are read from the right: emb sub uni object-number generation. */
  get fonts(): PdfFont[] {
    const rows = run('pdffonts', [this.path]).split('\n').slice(2).filter(Boolean);
    return rows.map((row) => {
      const cells = row.trim().split(/\s+/);
      const emb = cells[cells.length - 5];
      if (emb !== 'yes' && emb !== 'no') throw new Error(`cannot read pdffonts row: ${row}`);
      return { name: cells[0]!, type: row.slice(37, 55).trim(), embedded: emb === 'yes' };
    });
  }
}

/** The contents of the guide book: `1. 名称 …… 页码` lines, read from the -layout text. */
export function contentsEntries(text: string): { index: number; name: string; page: number }[] {
  return text
    .split('\n')
    .map((line) => /^\s*(\d+)\.\s*(\S.*?)\s+(\d+)\s*$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ index: Number(m[1]), name: squash(m[2]!), page: Number(m[3]) }));
}

/** `— 3 / 12 —` as pdftotext gives it back, squashed. */
export const footerText = (page: number, pages: number): string => `—${page}/${pages}—`;
