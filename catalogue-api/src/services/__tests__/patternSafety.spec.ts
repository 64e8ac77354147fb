/**
 * Issue 10: every pattern is proved safe before it is saved. The model's own patterns (its JSON Schemas and the
 * API's route table) and every seed pattern pass; the known catastrophic shapes and invalid syntax are refused.
 */
import { loadSchemas, patternsIn } from '@oneseal/schemas';
import { loadSeedCatalogue } from '@oneseal/seeds';
import { apiRoutes } from '../../app';
import { patternIssues, patternProblem } from '../patternSafety';

const seeds = loadSeedCatalogue();

describe('patterns safe by construction', () => {
  it.each([
    ['the JSON Schemas of the model', loadSchemas()],
    ['the route table (parameters, queries and bodies)', apiRoutes().map((r) => [r.params, r.query, r.body])],
    ['the seed base items', seeds.baseItems],
    ['the seed data elements', seeds.dataElements],
  ])('passes every pattern of %s', async (_, source) => {
    expect(patternsIn(source).length).toBeGreaterThan(0);
    expect(await patternIssues(source)).toEqual([]);
  });

  it.each(['^(a+)+$', '(a|aa)+$', '(\\d+)*x', '^(\\w+\\s?)*$', '^(a|a)*$', '(x+x+)+y'])(
    'refuses the exponential shape %s',
    async (pattern) => {
      expect(await patternProblem(pattern)).toMatch(/灾难性回溯/);
    },
  );

  it('refuses a polynomial shape (three adjacent repeats of one class)', async () => {
    expect(await patternProblem('^\\d*\\d*\\d*x$')).toMatch(/多项式级回溯/);
  });

  it.each(['(', '[a-', 'a{2,1}', '\\'])('refuses the invalid pattern %s', async (pattern) => {
    expect(await patternProblem(pattern)).toMatch(/不是有效的正则表达式/);
  });

  it('refuses a pattern too large for RE2 to run in bounded time, and says to use the length rules', async () => {
    expect(await patternProblem('^[\\u4e00-\\u9fa5]{1,100}$')).toBeUndefined();
    expect(await patternProblem('^[\\u4e00-\\u9fa5]{1,200}$')).toMatch(/重复次数过多.*最短\/最长长度/);
    expect(await patternProblem('^(\\d{1,10}){1,11}$')).toMatch(/重复次数过多/);
  });

  it('refuses what RE2 cannot run on the server (lookahead, backreference)', async () => {
    expect(await patternProblem('^(?=\\d)\\w+$')).toMatch(/服务器无法执行/);
    expect(await patternProblem('^(a)\\1$')).toMatch(/服务器无法执行/);
  });

  it('names each unsafe pattern by its JSON Pointer, nested fields and table columns included', async () => {
    const form = {
      properties: {
        section: { type: 'void', properties: { name: { type: 'string', pattern: '^(a+)+$' } } },
        rows: {
          type: 'array',
          items: { type: 'object', properties: { no: { type: 'string', pattern: '(' } } },
        },
        fine: { type: 'string', pattern: '^\\d{6}$' },
      },
    };
    const issues = await patternIssues({ form }, '/item');
    expect(issues.map((i) => i.path)).toEqual([
      '/item/form/properties/section/properties/name/pattern',
      '/item/form/properties/rows/items/properties/no/pattern',
    ]);
  });
});
