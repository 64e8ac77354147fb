import type { FormField } from '../index';
import { createAjv, SCHEMA_VERSION, toIssues, validateDocument, validateItem } from '../index';
import { licenceBase, licenceImplementation } from './fixtures';

const text = (title: string): FormField => ({ type: 'string', title, 'x-component': 'text' });

describe('web addresses in the model are http(s) only', () => {
  it.each([
    'javascript:alert(6)',
    'JavaScript:alert(6)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'file:///etc/passwd',
  ])('refuses %s wherever a document holds a URL, naming the field', (url) => {
    const impl = licenceImplementation();
    impl.online!.url = url;
    expect(validateItem(impl).errors).toEqual([
      { path: '/online/url', message: '网址须以 http:// 或 https:// 开头' },
    ]);
    const base = licenceBase();
    base.result.sample = { title: '批准文件样本', url };
    expect(validateItem(base, 'en').errors).toEqual([
      { path: '/result/sample/url', message: 'must start with http:// or https://' },
    ]);
  });

  it('takes http and https addresses', () => {
    for (const url of ['https://zwfw.gxzf.gov.cn/?item=1', 'http://www.yangshuo.gov.cn/']) {
      const impl = licenceImplementation();
      impl.online!.url = url;
      expect(validateItem(impl)).toEqual({ valid: true, errors: [] });
    }
  });
});

describe('names of Object.prototype members are not field names', () => {
  it.each(['constructor', '__proto__', 'prototype'])(
    'refuses a form field named %s, at any level',
    (name) => {
      const base = licenceBase();
      // defineProperty: an assignment to "__proto__" would set the prototype instead of adding a field.
      Object.defineProperty(base.form.properties, name, { value: text('字段'), enumerable: true });
      base.form.properties.purpose = {
        type: 'void',
        title: '用途',
        'x-component': 'section',
        properties: Object.defineProperty({}, name, { value: text('字段'), enumerable: true }),
      };
      expect(validateItem(base).errors).toEqual([
        { path: `/form/properties/${name}`, message: '不能使用 constructor、__proto__、prototype' },
        {
          path: `/form/properties/purpose/properties/${name}`,
          message: '不能使用 constructor、__proto__、prototype',
        },
      ]);
    },
  );

  it('refuses them as data-element codes, which become field names in a merged form', () => {
    const element = {
      kind: 'data-element',
      schemaVersion: SCHEMA_VERSION,
      code: 'constructor',
      name: '构造',
      group: 'other',
      type: 'string',
      component: 'text',
    };
    expect(validateDocument(element).errors).toEqual([
      { path: '/code', message: '不能使用 constructor、__proto__、prototype' },
    ]);
    expect(validateDocument({ ...element, code: 'applicantName' }).valid).toBe(true);
  });

  it('a validator reads only answers that were given: a missing "constructor" is 必须填写, not a type error', () => {
    const validate = createAjv().compile({
      type: 'object',
      properties: { constructor: { type: 'string' }, toString: { type: 'string' } },
      required: ['constructor', 'toString'],
    });
    expect(validate({})).toBe(false);
    expect(toIssues(validate.errors)).toEqual([
      { path: '/constructor', message: '必须填写' },
      { path: '/toString', message: '必须填写' },
    ]);
  });
});
