import type { BaseItem, Finding, ItemImplementation, ItemStatus, ItemType } from '@oneseal/schemas';
import { codeLabel } from '@oneseal/schemas';

// Shapes of API answers the designer reads (the documents inside them are the model's own types).

export interface TownshipItemRow {
  itemCode: string;
  name: string;
  status: ItemStatus;
  publishedVersion: number;
  revision: number;
  /** Share of the national element set the entry states (0–1); null when it cannot be told. */
  completeness: number | null;
  order: number | null;
  reviewComment: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

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

export interface DraftView {
  regionCode: string;
  itemCode: string;
  status: ItemStatus;
  publishedVersion: number;
  revision: number;
  reviewComment: string | null;
  implementation: ItemImplementation;
  base: BaseItem;
  findings: Finding[];
}

/** A row of GET /api/base-items: the list carries no item content (GET /api/base-items/{code} does). */
export interface BaseItemSummary {
  code: string;
  name: string;
  type?: ItemType | '';
  status: ItemStatus;
  publishedVersion: number;
  ownerRegion: string;
  revision: number;
}

export interface BaseItemView {
  code: string;
  ownerRegion: string;
  status: ItemStatus;
  publishedVersion: number;
  revision: number;
  updatedAt: string;
  updatedBy: string | null;
  baseItem: BaseItem;
}
