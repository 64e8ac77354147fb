import type { Region } from '../generated/types';
import { regionTree } from '../regionTree';

// Rows of seeds/data/guilin-divisions.csv: the city, two of its counties and 七星区's townships. The divisions list
// stops at townships; the two villages of 朝阳乡 are test data, to see villages reach the picker.
const CHAOYANG = '450305200';
const regions: Region[] = [
  { code: '450300', name: '桂林市', level: 'city', parentCode: '450000' },
  { code: '450302', name: '秀峰区', level: 'county', parentCode: '450300' },
  { code: '450305', name: '七星区', level: 'county', parentCode: '450300' },
  { code: '450302001', name: '秀峰街道', level: 'township', parentCode: '450302' },
  { code: '450305001', name: '七星区街道', level: 'township', parentCode: '450305' },
  { code: '450305002', name: '东江街道', level: 'township', parentCode: '450305' },
  { code: '450305003', name: '穿山街道', level: 'township', parentCode: '450305' },
  { code: '450305004', name: '漓东街道', level: 'township', parentCode: '450305' },
  { code: CHAOYANG, name: '朝阳乡', level: 'township', parentCode: '450305' },
  { code: '450305400', name: '桂林华侨旅游经济区管理委员会', level: 'township', parentCode: '450305' },
  { code: '450305200201', name: '测试一村', level: 'village', parentCode: CHAOYANG },
  { code: '450305200202', name: '测试二村', level: 'village', parentCode: CHAOYANG },
];

const qixing = [
  { value: '450305001', label: '七星区街道' },
  { value: '450305002', label: '东江街道' },
  { value: '450305003', label: '穿山街道' },
  { value: '450305004', label: '漓东街道' },
  {
    value: CHAOYANG,
    label: '朝阳乡',
    children: [
      { value: '450305200201', label: '测试一村' },
      { value: '450305200202', label: '测试二村' },
    ],
  },
  { value: '450305400', label: '桂林华侨旅游经济区管理委员会' },
];

describe('regionTree', () => {
  it('offers an applicant in a township their county’s townships, villages below, empty levels as leaves', () => {
    expect(regionTree(regions, CHAOYANG)).toEqual(qixing);
  });

  it('gives a village, its township and its county the same tree', () => {
    expect(regionTree(regions, '450305200201')).toEqual(qixing);
    expect(regionTree(regions, '450305')).toEqual(qixing);
  });

  it('offers the city every county, each with its townships', () => {
    expect(regionTree(regions, '450300')).toEqual([
      { value: '450302', label: '秀峰区', children: [{ value: '450302001', label: '秀峰街道' }] },
      { value: '450305', label: '七星区', children: qixing },
    ]);
  });

  it('offers nothing for a code it does not know', () => {
    expect(regionTree(regions, '450399999')).toEqual([]);
  });
});
