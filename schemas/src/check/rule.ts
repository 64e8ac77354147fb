import type { BaseItem, Finding, ItemImplementation } from '../generated/types';

export type { Finding };

export type Severity = Finding['severity'];

export interface Violation {
  path: string;
  message: string;
}

/** A rule with a stable id (findings, UIs and tests refer to it) and the zh text shown when listing rules. */
export interface Rule {
  id: string;
  severity: Severity;
  title: string;
  check(impl: ItemImplementation, base: BaseItem): Violation[];
}

/** The path of a base-item element, as findings name it: editors see it belongs to the base catalogue. */
export const basePath = (pointer: string): string => `/base${pointer}`;
