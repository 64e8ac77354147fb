import type { Region } from '@oneseal/schemas';
import { regionTree } from '@oneseal/schemas';
import { loadRegions } from '@oneseal/seeds';
import { previewRegions } from '../previewRegions';

// The seeded divisions stop at townships; a village of 朝阳乡, named as test data, shows whether the preview keeps
// villages (it used to drop them, so the preview was not the citizen's form).
const CHAOYANG = '450305200';
const VILLAGE: Region = { code: '450305200201', name: '测试一村', level: 'village', parentCode: CHAOYANG };
const regions = [...loadRegions(), VILLAGE];

describe('the form preview’s region picker', () => {
  it('is the tree the portal offers an applicant of the editor’s township, villages included', () => {
    const preview = previewRegions(regions, { regionCode: CHAOYANG });
    // What the portal's application page builds for an application in 朝阳乡 (portal/src/pages/Apply.tsx).
    expect(preview).toEqual(regionTree(regions, CHAOYANG));
    expect(preview.find((o) => o.value === CHAOYANG)).toEqual({
      value: CHAOYANG,
      label: '朝阳乡',
      children: [{ value: VILLAGE.code, label: VILLAGE.name }],
    });
    // 七星区 has six townships in guilin-divisions.csv.
    expect(preview).toHaveLength(6);
  });
});
