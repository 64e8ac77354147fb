import { isWithinRegion } from '@oneseal/schemas';

export const ROLES = ['city-admin', 'county-admin', 'township-editor', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  'city-admin': '市级管理员',
  'county-admin': '县级管理员',
  'township-editor': '乡镇编辑',
  reviewer: '审核员',
};

/** Who is acting: a user's role and the root of the region subtree the role applies to. */
export interface Principal {
  username: string;
  role: Role;
  regionCode: string;
}

/** True when `regionCode` lies in the principal's subtree (its own region or below). */
export function inScope(principal: Principal, regionCode: string): boolean {
  return isWithinRegion(regionCode, principal.regionCode);
}
