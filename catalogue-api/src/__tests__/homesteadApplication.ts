import { idCardCheckChar } from '@oneseal/schemas';

// One realistic application for 阳朔镇's 农村村民宅基地和建房（规划许可）审批 (0117302000), shared by the suites
// that submit one: the applicant's answers (bound to data elements) and the item's own building answers.

const first17 = '45032119700312002';

export const applicant = {
  applicantName: '莫桂芳',
  idNumber: first17 + idCardCheckChar(first17),
  mobile: '13907731234',
  householdAddress: '阳朔县阳朔镇矮山门村 12 号',
  village: '矮山门村',
  familySize: 4,
};

export const building = {
  buildType: 'new',
  siteLocation: '东至村道，西至莫家自留地，南至水渠，北至后山',
  landArea: 100,
  floors: 3,
  floorArea: 260,
  reason: '现住房为泥砖房，需新建住房',
};

/** The whole `data` of a submission of the homestead item. */
export const homesteadData = () => ({ ...applicant, item_0117302000: { ...building } });
