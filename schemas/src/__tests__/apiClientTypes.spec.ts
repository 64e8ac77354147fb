import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const FIXTURE = join(__dirname, 'fixtures/clientTypes.ts');

/** tsc's report on one file that imports the client from schemas/src/api (empty when it compiles). */
function compile(source: string): { ok: boolean; report: string } {
  const dir = mkdtempSync(join(__dirname, 'fixtures/.tsc-'));
  try {
    const file = join(dir, 'calls.ts');
    writeFileSync(file, source.replace(/'\.\.\/\.\.\//g, `'../../../`));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(ROOT, 'tsconfig.base.json'),
        compilerOptions: {
          noEmit: true,
          composite: false,
          declaration: false,
          declarationMap: false,
          lib: ['ES2022', 'DOM'],
          typeRoots: [join(ROOT, 'node_modules/@types')],
        },
        files: [file],
      }),
    );
    const run = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', dir], {
      encoding: 'utf8',
    });
    return { ok: run.status === 0, report: run.stdout + run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The client is typed end to end: fixtures/clientTypes.ts compiles with tsc, where each wrong call (a field an
 * answer lacks, a path the contract lacks, a missing parameter, body or header) is marked `@ts-expect-error` —
 * tsc fails if one of them compiled, or if a right call did not.
 */
describe('the typed client', () => {
  const fixture = readFileSync(FIXTURE, 'utf8');

  it('compiles every right call and refuses every wrong one', () => {
    expect(compile(fixture)).toEqual({ ok: true, report: '' });
  });

  it('the check bites: without its @ts-expect-error, a call to a path the contract lacks does not compile', () => {
    const marker = '  // @ts-expect-error a path the contract lacks\n';
    expect(fixture).toContain(marker);
    const result = compile(fixture.replace(marker, ''));
    expect(result.ok).toBe(false);
    // One error, on the line of that call (TypeScript finds no overload for the path).
    const line = fixture.slice(0, fixture.indexOf(marker)).split('\n').length;
    expect(result.report.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`calls\\.ts\\(${line},\\d+\\): error TS`)),
    ]);
  });
});
