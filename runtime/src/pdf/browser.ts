import { existsSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { chromium } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Flags that work on these machines: no sandbox (root), no GPU, and nothing that reaches the network.
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** PDF output needs Chromium; HTML and SVG do not. The message names what to install. */
export class ChromiumMissingError extends Error {
  readonly code = 'chromium-missing';
  constructor(path: string) {
    super(
      `无法生成 PDF：未找到 Chromium（${path}）。请安装 Debian 软件包：apt-get install chromium fonts-noto-cjk`,
    );
    this.name = 'ChromiumMissingError';
  }
}

export interface PdfOptions {
  /** A tagged (accessible) PDF, with bookmarks from the headings; costs about 70 % more on long documents. */
  tagged?: boolean;
}

/**
 * One long-lived Chromium reused for every document: launching costs ~0.5 s, printing a guide ~0.2 s. Each of
 * the `parallel` print slots has its own browser context — its own renderer process, so two documents really
 * print at once on two cores — and opens a page per document.
 */
export class PdfPrinter {
  private browser?: Promise<Browser>;
  private readonly idle: BrowserContext[] = [];
  private slots: number;
  private readonly waiting: ((context: BrowserContext) => void)[] = [];

  constructor(
    private readonly executablePath = CHROMIUM_PATH,
    readonly parallel = 2,
  ) {
    this.slots = parallel;
  }

  private launch(): Promise<Browser> {
    if (!existsSync(this.executablePath))
      return Promise.reject(new ChromiumMissingError(this.executablePath));
    this.browser ??= chromium
      .launch({ executablePath: this.executablePath, args: [...CHROMIUM_FLAGS] })
      .then((browser) => {
        // A crashed browser is launched again on the next document instead of failing every later one.
        browser.on('disconnected', () => {
          this.browser = undefined;
          this.idle.length = 0;
          this.slots = this.parallel;
        });
        return browser;
      });
    return this.browser;
  }

  private async acquire(): Promise<BrowserContext> {
    const idle = this.idle.pop();
    if (idle) return idle;
    if (this.slots > 0) {
      this.slots--;
      try {
        return await (await this.launch()).newContext();
      } catch (error) {
        this.slots++;
        throw error;
      }
    }
    return new Promise((handOver) => this.waiting.push(handOver));
  }

  private release(context: BrowserContext): void {
    const next = this.waiting.shift();
    if (next) next(context);
    else this.idle.push(context);
  }

  /** Prints self-contained HTML (no external resources) to A4 PDF, with the CSS page size and margin boxes. */
  async print(html: string, options: PdfOptions = {}): Promise<Buffer> {
    await this.launch();
    const context = await this.acquire();
    try {
      const page = await context.newPage();
      try {
        // Laid out for print from the start: otherwise Chromium lays the page out for screen, then again to print.
        await page.emulateMedia({ media: 'print' });
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({
          preferCSSPageSize: true,
          printBackground: true,
          tagged: options.tagged ?? true,
          outline: options.tagged ?? true,
        });
      } finally {
        await page.close();
      }
    } finally {
      this.release(context);
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    this.idle.length = 0;
    this.slots = this.parallel;
    if (browser) await (await browser).close();
  }
}
