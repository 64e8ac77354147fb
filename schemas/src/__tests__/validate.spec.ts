import { createAjv, SCHEMA_IDS, validateBundle, validateDocument, validateItem } from '../index';
import { licenceBase, licenceImplementation } from './fixtures';

describe('the schemas', () => {
  it.each(Object.entries(SCHEMA_IDS))('%s compiles in strict mode', (_name, id) => {
    expect(typeof createAjv().getSchema(id)).toBe('function');
  });
});

describe('validateItem', () => {
  it('chooses the schema by kind and refuses an unknown kind with a zh message', () => {
    expect(validateItem(licenceBase()).valid).toBe(true);
    expect(validateItem(licenceImplementation()).valid).toBe(true);
    expect(validateItem({ kind: 'bundle' })).toEqual({
      valid: false,
      errors: [{ path: '/kind', message: expect.stringContaining('base-item') }],
    });
    expect(validateItem(null).errors[0]!.path).toBe('/kind');
  });

  it('names the missing, unknown and malformed fields, in zh-CN and in English', () => {
    const base: Record<string, unknown> = { ...licenceBase(), extra: 1, type: '99' };
    delete base.name;
    const zh = validateItem(base).errors;
    expect(zh).toEqual(
      expect.arrayContaining([
        { path: '/name', message: '必须填写' },
        { path: '/extra', message: '不是允许的字段' },
        { path: '/type', message: expect.stringContaining('01（行政许可）') },
      ]),
    );
    expect(validateItem(base, 'en').errors).toEqual(
      expect.arrayContaining([{ path: '/name', message: 'is required' }]),
    );
  });

  it('explains a malformed code in words', () => {
    const impl = licenceImplementation();
    impl.implementingBody!.uscc = '11450321MB1957744D';
    impl.contacts![0]!.phone = '882200';
    expect(validateItem(impl).errors).toEqual([
      { path: '/implementingBody/uscc', message: '不是有效的统一社会信用代码' },
      { path: '/contacts/0/phone', message: '不是有效的电话号码' },
    ]);
  });

  it('takes a local number where the region’s area code is known, and refuses it where it is not', () => {
    const impl = licenceImplementation();
    impl.contacts![0]!.phone = '8822001';
    expect(validateItem(impl).errors).toEqual([]);
    // An item of no known region (a guide from outside Guilin): a bare local number cannot be completed.
    const elsewhere = {
      kind: 'item',
      schemaVersion: 2,
      name: '最低生活保障',
      materials: [],
      contacts: [{ phone: '8063801' }],
    };
    expect(validateItem(elsewhere).errors).toEqual([
      { path: '/contacts/0/phone', message: expect.stringContaining('没有区号') },
    ]);
  });

  it('asks a contact for a phone or another channel', () => {
    const impl = licenceImplementation();
    impl.contacts = [{ kind: 'complaint' }];
    expect(validateItem(impl).errors).toEqual([{ path: '/contacts/0', message: '须写明电话或其他联系途径' }]);
  });

  it('refuses a time limit that mixes a figure with 即办, or half a figure', () => {
    const base = licenceBase();
    base.statutoryLimit = { none: 'immediate', value: 5, unit: 'workday' };
    base.process![0]!.timeLimit = { value: 5 };
    base.process![1]!.timeLimit = {
      value: 30,
      unit: 'workday',
      extension: { mode: 'to', value: 20, unit: 'workday' },
    };
    expect(validateItem(base).errors).toEqual([
      { path: '/statutoryLimit/none', message: expect.stringContaining('不能再写天数') },
      { path: '/process/0/timeLimit/unit', message: '时限的数值和单位须同时填写' },
      { path: '/process/1/timeLimit/extension/value', message: '“可延长至”的时限应长于原时限' },
    ]);
  });

  it('holds limits as guides state them: months, years, none, an extension, words only', () => {
    const base = licenceBase();
    base.statutoryLimit = {
      value: 30,
      unit: 'workday',
      extension: { mode: 'by', value: 15, unit: 'workday' },
    };
    base.process![0]!.timeLimit = { value: 1, unit: 'month' };
    base.process![1]!.timeLimit = { none: 'not-prescribed' };
    base.process![2]!.timeLimit = { note: '当场' };
    base.process![3]!.timeLimit = { value: 1, unit: 'year' };
    expect(validateItem(base).errors).toEqual([]);
  });

  it('tells a version-1 document to be migrated', () => {
    expect(validateItem({ ...licenceBase(), schemaVersion: 1 }).errors).toEqual([
      { path: '/schemaVersion', message: '模型版本应为 2；版本 1 的文档须先经迁移（migrateDocument）再校验' },
    ]);
  });

  it('refuses script in a form: no x-reactions, conditions only as data', () => {
    const base = licenceBase();
    Object.assign(base.form!.properties.purpose!, { 'x-reactions': '{{ $self.visible = false }}' });
    expect(validateItem(base).errors).toEqual([
      { path: '/form/properties/purpose/x-reactions', message: '不是允许的字段' },
    ]);
  });

  it('checks what JSON Schema cannot: step references, duplicate materials, condition fields', () => {
    const base = licenceBase();
    base.process![0]!.next = ['nowhere'];
    base.process![1]!.branches = [{ kind: 'correct', to: 'missing' }];
    base.materials.push({ ...base.materials[0]! });
    base.form!.properties.purpose!['x-visible-when'] = { field: 'noSuchField', op: 'notEmpty' };
    expect(validateItem(base).errors).toEqual([
      { path: '/materials/0/material', message: '材料 ID-CARD 重复列出' },
      { path: '/materials/2/material', message: '材料 ID-CARD 重复列出' },
      { path: '/process/0/next/0', message: '不存在环节 nowhere' },
      { path: '/process/1/branches/0/to', message: '不存在环节 missing' },
      { path: '/form/properties/purpose/x-visible-when', message: '条件引用的字段 noSuchField 不存在' },
    ]);
  });
});

describe('lists a guide holds a few of are bounded', () => {
  it('refuses more than 20 contacts, 50 fee items or 50 benefit tiers, naming the list', () => {
    const impl = licenceImplementation();
    impl.contacts = Array.from({ length: 21 }, () => ({ kind: 'consult' as const, phone: '0773-8865553' }));
    impl.fees = {
      charged: true,
      items: Array.from({ length: 51 }, () => ({ name: '工本费', standard: '每本10元' })),
    };
    const base = licenceBase();
    base.benefitStandard = {
      tiers: Array.from({ length: 51 }, (_, i) => ({ name: `${i + 1}档`, amount: 100 })),
    };
    const paths = (doc: unknown) => validateItem(doc).errors.map((e) => e.path);
    expect(paths(impl)).toEqual(expect.arrayContaining(['/contacts', '/fees/items']));
    expect(paths(base)).toContain('/benefitStandard/tiers');
    impl.contacts = impl.contacts.slice(0, 20);
    impl.fees = { charged: true, items: impl.fees.items!.slice(0, 50) };
    expect(paths(impl)).toEqual([]);
  });
});

describe('process routes and arrow labels', () => {
  it('accepts routes through the process and a label on the arrow to the next steps', () => {
    const base = licenceBase();
    base.process[0]!.nextLabel = '材料齐全并符合法定形式';
    base.processRoutes = [
      {
        id: 'general',
        name: '一般程序',
        steps: [base.process[0]!.id, ...base.process.slice(1).map((s) => s.id)],
      },
      { id: 'simple', name: '简易程序', situation: '情况紧急的', steps: [base.process[0]!.id] },
    ];
    expect(validateItem(base)).toEqual({ valid: true, errors: [] });
  });

  it('names a route step that is not in the process, and a route id used twice', () => {
    const base = licenceBase();
    const first = base.process[0]!.id;
    base.processRoutes = [
      { id: 'general', name: '一般程序', steps: [first, 'nowhere'] },
      { id: 'general', name: '简易程序', steps: [first] },
    ];
    expect(validateItem(base).errors).toEqual([
      { path: '/processRoutes/0/id', message: '路径编号 general 重复' },
      { path: '/processRoutes/0/steps/1', message: '不存在环节 nowhere' },
      { path: '/processRoutes/1/id', message: '路径编号 general 重复' },
    ]);
    expect(validateItem(base, 'en').errors[1]).toEqual({
      path: '/processRoutes/0/steps/1',
      message: 'no step "nowhere"',
    });
  });
});

describe('validateBundle and validateDocument', () => {
  const bundle = {
    kind: 'bundle',
    schemaVersion: 2,
    code: 'NEWBORN',
    name: '新生儿出生一件事',
    questions: [{ id: 'localHukou', text: '父母一方是否为本县户籍？', type: 'boolean' }],
    items: [
      { itemCode: '2030008000' },
      { itemCode: '2030003000', when: { field: 'localHukou', op: 'eq', value: true } },
    ],
    status: 'published',
    version: 1,
  };

  it('accepts a bundle whose conditions refer to its questions', () => {
    expect(validateBundle(bundle)).toEqual({ valid: true, errors: [] });
    expect(validateDocument(bundle).valid).toBe(true);
  });

  it('refuses conditions on questions that do not exist and choices without options', () => {
    const broken = {
      ...bundle,
      questions: [...bundle.questions, { id: 'who', text: '谁办理？', type: 'single' }],
      items: [bundle.items[0], { itemCode: '2030003000', when: { field: 'nope', op: 'eq', value: true } }],
    };
    expect(validateBundle(broken).errors).toEqual([
      { path: '/questions/1/options', message: '选择题必须列出选项' },
      { path: '/items/1/when', message: '情形问题 nope 不存在' },
    ]);
  });

  it('validates library documents by kind', () => {
    expect(
      validateDocument({
        kind: 'material',
        schemaVersion: 2,
        code: 'ID-CARD',
        name: '居民身份证',
        defaultSource: '3',
      }).valid,
    ).toBe(true);
    expect(
      validateDocument({
        kind: 'material',
        schemaVersion: 2,
        code: 'id card',
        name: '居民身份证',
        defaultSource: '3',
      }).errors[0]!.path,
    ).toBe('/code');
    expect(validateDocument({ kind: 'something' }).errors[0]!.path).toBe('/kind');
  });
});
