import type { PublicItemSummary } from '@oneseal/schemas';
import { itemCategories, UNTYPED } from '../categories';

const item = (code: string, type?: PublicItemSummary['type']): PublicItemSummary => ({
  code,
  name: `事项${code}`,
  version: 1,
  tags: [],
  ...(type ? { type } : {}),
});

describe('itemCategories', () => {
  it('groups by 事项类型 in the code list’s order, only the types present, untyped last as 其他事项', () => {
    const items = [item('a', '20'), item('b', '01'), item('c'), item('d', '20'), item('e', '05')];
    expect(itemCategories(items).map((c) => [c.key, c.label, c.items.map((i) => i.code)])).toEqual([
      ['01', '行政许可', ['b']],
      ['05', '行政给付', ['e']],
      ['20', '公共服务', ['a', 'd']],
      [UNTYPED, '其他事项', ['c']],
    ]);
  });

  it('has no category for a township without items', () => {
    expect(itemCategories([])).toEqual([]);
  });
});
