import type { ItemStatus } from '@oneseal/schemas';
import { codeLabel } from '@oneseal/schemas';

export type { ItemStatus };

/** The model's label of an item status (草稿, 待审核 …). */
export const statusName = (status: ItemStatus) => codeLabel('ItemStatus', status);

export const STATUS_COLORS: Record<ItemStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'cyan',
  published: 'success',
  withdrawn: 'warning',
  cancelled: 'error',
};
