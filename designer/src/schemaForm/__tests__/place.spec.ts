import { SCHEMA_IDS } from '@oneseal/schemas';
import { placeOf } from '../place';
import { schemaById } from '../resolve';

const implementation = schemaById(SCHEMA_IDS.implementation);
const baseItem = schemaById(SCHEMA_IDS['base-item']);

describe('placeOf: a finding’s place in the editor’s words, never a JSON path (issue 13)', () => {
  it('names fields by the model’s titles, through groups and lists', () => {
    expect(placeOf(implementation, '/promisedLimit/value')).toBe('承诺办结时限 › 天数');
    expect(placeOf(implementation, '/promisedLimit')).toBe('承诺办结时限');
    expect(placeOf(implementation, '/materials/2/copies')).toBe('申请材料 › 第 3 项 › 复印件');
    expect(placeOf(baseItem, '/statutoryLimit/extension/value')).toBe('法定办结时限 › 延长 › 可延长天数');
  });

  it('says 整个文档 for the root and leaves out what the model does not name', () => {
    expect(placeOf(implementation, '')).toBe('整个文档');
    expect(placeOf(implementation, '/promisedLimit/bogus')).toBe('承诺办结时限');
  });
});
