import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_NAMES, PRINT_CSS, renderDocument, trusted } from '../index';

const hbsDir = join(__dirname, '..', '..', 'hbs');
const sources = [
  ...readdirSync(hbsDir),
  ...readdirSync(join(hbsDir, 'partials')).map((f) => `partials/${f}`),
].filter((f) => f.endsWith('.hbs'));

describe('templates', () => {
  it.each(sources)('%s prints nothing unescaped ({{{ or {{& never appear)', (file) => {
    expect(readFileSync(join(hbsDir, file), 'utf8')).not.toMatch(/\{\{\{|\{\{&/);
  });

  it('offers one precompiled document per top-level template', () => {
    expect([...DOCUMENT_NAMES].sort()).toEqual(
      sources
        .filter((f) => !f.startsWith('partials/'))
        .map((f) => f.replace('.hbs', ''))
        .sort(),
    );
  });

  it('precompile from the current sources without error', () => {
    const result = spawnSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'precompile.js')], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('escapes view text, and prints only what is explicitly trusted as markup', () => {
    const html = renderDocument('notice', {
      documentTitle: '<b>title</b>',
      css: trusted(PRINT_CSS),
      pageStyle: trusted('@page { }'),
      notice: {
        title: '<script>alert(1)</script>',
        body: '"quoted" & more',
        basis: [],
        conditions: [],
        materials: [],
        process: '',
        fees: '',
        promisedLimit: '',
        statutoryLimit: '',
        consultPhone: '',
        complaintPhone: '',
      },
    });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;quoted&quot; &amp; more');
    expect(html).toContain('<title>&lt;b&gt;title&lt;/b&gt;</title>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('@page { }');
  });

  it('do not reach prototype properties of the view', () => {
    const html = renderDocument('notice', {
      documentTitle: 'x',
      css: trusted(''),
      pageStyle: trusted(''),
      notice: Object.create({ title: 'inherited' }) as object,
    });
    expect(html).not.toContain('inherited');
  });
});
