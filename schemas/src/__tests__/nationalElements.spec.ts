import {
  BASE_ELEMENTS,
  elementFromCell,
  elementToCell,
  fromNational,
  IMPLEMENTATION_ELEMENTS,
  MATERIAL_ELEMENTS,
  NESTED_NAMES,
  toNational,
  UnmappedElementError,
} from '../index';
import { schemaFile } from '../schemaFiles';
import { licenceBase, licenceImplementation } from './fixtures';

type Schema = { properties?: Record<string, Schema>; $defs?: Record<string, Schema>; allOf?: Schema[] };

/** Every property name a schema file declares, at any depth. */
function propertiesOf(schema: Schema, into = new Set<string>()): Set<string> {
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    into.add(key);
    propertiesOf(value, into);
  }
  for (const def of Object.values(schema.$defs ?? {})) propertiesOf(def, into);
  for (const part of schema.allOf ?? []) propertiesOf(part, into);
  return into;
}

describe('the national element table', () => {
  it('gives every element of each list one name, and no two elements the same name', () => {
    for (const elements of [IMPLEMENTATION_ELEMENTS, BASE_ELEMENTS, MATERIAL_ELEMENTS]) {
      expect(new Set(elements.map((e) => e.name)).size).toBe(elements.length);
      expect(new Set(elements.map((e) => e.key)).size).toBe(elements.length);
    }
    const names = Object.values(NESTED_NAMES);
    expect(new Set(names).size).toBe(names.length);
  });

  it('names every property the item schemas declare', () => {
    const top = (file: string) => Object.keys((schemaFile(file) as Schema).properties ?? {});
    const local = Object.keys(
      (schemaFile('item-implementation.schema.json') as Schema).$defs!.LocalFields!.properties!,
    );
    const catalogue = Object.keys(
      (schemaFile('base-item.schema.json') as Schema).$defs!.CatalogueFields!.properties!,
    );
    const lifecycle = ['status', 'version', 'effectiveDate', 'cancelDate'];
    const unnamed = (keys: string[], elements: typeof BASE_ELEMENTS) =>
      keys.filter((k) => k !== 'kind' && !elements.some((e) => e.key === k));
    expect(
      unnamed([...top('item-implementation.schema.json'), ...local, ...lifecycle], IMPLEMENTATION_ELEMENTS),
    ).toEqual([]);
    expect(unnamed([...top('base-item.schema.json'), ...catalogue, ...lifecycle], BASE_ELEMENTS)).toEqual([]);
    // Nested: what the material, process-step and common definitions declare, except a condition's own
    // parts (conditions travel verbatim) and the lifecycle (named as top-level elements above).
    const common = (schemaFile('common.schema.json') as Schema).$defs!;
    const nested = new Set([
      ...propertiesOf(schemaFile('material-requirement.schema.json') as Schema),
      ...propertiesOf(schemaFile('process-step.schema.json') as Schema),
      ...Object.entries(common)
        .filter(([name]) => !['Condition', 'Comparison', 'Lifecycle'].includes(name))
        .flatMap(([, def]) => [...propertiesOf(def)]),
    ]);
    nested.delete('condition');
    expect(
      [...nested].filter((k) => !NESTED_NAMES[k] && !MATERIAL_ELEMENTS.some((e) => e.key === k)),
    ).toEqual([]);
  });

  it('turns a document into Chinese element names and back, leaving unstated elements out', () => {
    const base = licenceBase();
    const national = toNational('base', base);
    expect(national).toMatchObject({
      基本编码: '0117313000',
      事项类型: '01',
      设定依据: [{ 法律法规名称: '《村庄和集镇规划建设管理条例》', 条款: '第三十二条' }],
      法定办结时限: { 数值: 20, 单位: 'workday' },
    });
    expect(national).not.toHaveProperty('数量限制');
    // The form is the form's own JSON Schema: carried as it is.
    expect(national['申请表单']).toEqual(base.form);
    expect(fromNational('base', national)).toEqual({ doc: base, issues: [] });

    const entry = licenceImplementation();
    const named = toNational('implementation', entry, '临时建筑审批');
    expect(Object.keys(named)[0]).toBe('事项名称');
    expect(fromNational('implementation', named)).toEqual({ doc: entry, issues: [] });
  });

  it('reports names it does not know instead of guessing, and refuses to export a property it cannot name', () => {
    const { issues } = fromNational('implementation', {
      基本编码: '0117313000',
      申请材料: [{ 材料编码: 'M1', 份数说明: '两份' }],
      加急: true,
    });
    expect(issues).toEqual([
      { path: '/materials/0/份数说明', message: '无法识别的要素“份数说明”' },
      { path: '/加急', message: '无法识别的要素“加急”' },
    ]);
    expect(() => toNational('implementation', { ...licenceImplementation(), extra: 1 } as never)).toThrow(
      UnmappedElementError,
    );
  });

  it('writes cells it can read back', () => {
    const visits = IMPLEMENTATION_ELEMENTS.find((e) => e.key === 'visits')!;
    const inHall = IMPLEMENTATION_ELEMENTS.find((e) => e.key === 'inHall')!;
    const forms = IMPLEMENTATION_ELEMENTS.find((e) => e.key === 'handlingForms')!;
    const limit = IMPLEMENTATION_ELEMENTS.find((e) => e.key === 'promisedLimit')!;
    expect(elementToCell(inHall, false)).toBe('否');
    expect(elementFromCell(inHall, '否')).toEqual({ value: false });
    expect(elementFromCell(inHall, '可能')).toEqual({
      error: '“是否进驻政务服务大厅”应填“是”或“否”，不能是“可能”',
    });
    expect(elementFromCell(forms, elementToCell(forms, ['1', '4']))).toEqual({ value: ['1', '4'] });
    expect(elementFromCell(visits, '两次')).toEqual({ error: '“到办事现场次数”应为数字，不能是“两次”' });
    const value = { 数值: 5, 单位: 'workday' };
    expect(elementFromCell(limit, elementToCell(limit, value))).toEqual({ value });
    expect(elementFromCell(limit, null)).toEqual({ value: undefined });
  });
});
