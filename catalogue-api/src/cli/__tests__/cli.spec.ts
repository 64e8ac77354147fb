import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatTimeLimit } from '@oneseal/schemas';
import { DATA_DIR } from '@oneseal/seeds';
import { runCaptured } from './runCaptured';

const dir = mkdtempSync(join(tmpdir(), 'oneseal-cli-'));
const write = (name: string, content: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};
const seed = (...path: string[]) => JSON.parse(readFileSync(join(DATA_DIR, ...path), 'utf8'));

const run = (...args: string[]) => runCaptured(args);

const homestead = seed('base-items', '0117302000.json');

describe('oneseal validate', () => {
  it('exits 0 and reports each valid document', async () => {
    const result = await run('validate', join(DATA_DIR, 'base-items', '0117302000.json'));
    expect(result.code).toBe(0);
    expect(result.out).toContain('✓');
    expect(result.out).toContain('农村村民宅基地和建房（规划许可）审批');
  });

  it('exits 1 and prints every finding with its path and zh message', async () => {
    const broken = { ...homestead, type: '99' };
    delete broken.name;
    const result = await run('validate', write('broken.json', broken));
    expect(result.code).toBe(1);
    expect(result.out).toContain('/name  必须填写');
    expect(result.out).toMatch(/\/type {2}应为以下之一：01（行政许可）/);
  });

  it('checks an implementation list against its base items and names the broken rule', async () => {
    const list = seed('implementations', '450321100.json') as { baseCode: string; promisedLimit: unknown }[];
    const entry = list.find((i) => i.baseCode === '0117302000')!;
    entry.promisedLimit = { value: 25, unit: 'workday' };
    const result = await run('validate', write('list.json', [entry]));
    expect(result.code).toBe(1);
    expect(result.out).toContain(
      `/promisedLimit  承诺办结时限 25个工作日 超过法定办结时限 ${formatTimeLimit(homestead.statutoryLimit)}  [conformance.promised-within-statutory]`,
    );
  });

  it('prefers a base item given on the command line over the seed catalogue', async () => {
    const list = seed('implementations', '450321100.json') as Record<string, unknown>[];
    const entry = {
      ...list.find((i) => i.baseCode === '0117302000')!,
      visits: 2,
      visitReason: '须现场踏勘选址',
    };
    expect(homestead.maxVisits).toBe(2);
    const againstSeed = await run('validate', write('one.json', entry));
    expect(againstSeed.out).not.toContain('[conformance.visits-within-base]');
    const stricterBase = { ...homestead, maxVisits: 1 };
    const againstGiven = await run('validate', write('base.json', stricterBase), write('one.json', entry));
    expect(againstGiven.out).toContain(
      '/visits  到现场次数 2 多于基本目录规定的最多 1 次  [conformance.visits-within-base]',
    );
    expect(againstGiven.code).toBe(1);
  });

  it('validates version-1 files through the migration (issue 12)', async () => {
    const v1 = (file: string) => join(__dirname, 'v1', file);
    const result = await run('validate', v1('homestead-base.json'), v1('yangshuo-homestead.json'));
    expect(result.code).toBe(0);
    expect(result.out.match(/↑ 由模型版本 1 迁移到版本 2 后校验/g)).toHaveLength(2);
    expect(result.out).toMatch(/完整度 \d+%/);
    expect(result.out).not.toContain('✗');
  });

  it('reports what an entry leaves unstated as warnings with a score, and still exits 0', async () => {
    const list = seed('implementations', '450321100.json') as Record<string, unknown>[];
    const entry = { ...list.find((i) => i.baseCode === '0117302000')! };
    delete entry.visits;
    delete entry.hours;
    const result = await run('validate', write('unstated.json', entry));
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      '⚠ /visits  未载明到办事现场次数（全国政务服务事项基本要素要求）  [completeness]',
    );
    expect(result.out).toContain('⚠ /hours  未载明办理时间');
  });

  it('exits 2 when a file cannot be read or is not JSON, and names it', async () => {
    const missing = await run('validate', join(dir, 'missing.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('无法读取');
    const notJson = await run('validate', write('bad.json', '{"kind": '));
    expect(notJson.code).toBe(2);
    expect(notJson.err).toContain('不是有效的 JSON');
  });

  it('exits 2 with usage when given no file or an unknown command', async () => {
    expect((await run('validate')).code).toBe(2);
    expect((await run('frobnicate')).err).toContain('未知命令');
  });
});

describe('the oneseal executable', () => {
  const bin = join(__dirname, '..', '..', '..', 'bin', 'oneseal.js');
  const exec = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

  it('returns the exit codes to the shell', () => {
    expect(exec('validate', join(DATA_DIR, 'base-items', '0117302000.json')).status).toBe(0);
    expect(exec('validate', write('invalid.json', { kind: 'bundle' })).status).toBe(1);
    expect(exec('validate', join(dir, 'nope.json')).status).toBe(2);
  });

  it('exits 0 for each real guide fixture of issue 12 (warnings allowed)', () => {
    const dir = join(DATA_DIR, 'real-guides');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(['G03', 'G05', 'G06', 'G09', 'S11', 'S12', 'S17'].map((id) => `${id}.json`));
    for (const file of files) {
      const result = exec('validate', join(dir, file));
      expect({ file, status: result.status }).toEqual({ file, status: 0 });
      expect(result.stdout).toContain('⚠');
    }
  });

  it('prints the seed summary with every pilot township', () => {
    const result = exec('summary');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('阳朔镇');
    expect(result.stdout).toContain('大圩镇');
  });
});
