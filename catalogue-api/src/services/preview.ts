import type { BaseItem, Item, ItemImplementation, ValidationIssue } from '@oneseal/schemas';
import { ResolutionError, resolveItem, SCHEMA_VERSION } from '@oneseal/schemas';
import { renderFlowchart, renderGuide } from '@oneseal/runtime';
import type { Principal } from '../auth/roles';
import { invalid } from '../http/errors';
import type { Store } from './store';

/** Why the process cannot be drawn, by JSON path under the request body (`/item/process/…`). */
function processIssues(item: BaseItem): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const first = new Map<string, number>();
  const process = item.process ?? [];
  process.forEach((step, i) => {
    const earlier = first.get(step.id);
    if (earlier === undefined) first.set(step.id, i);
    else
      issues.push({
        path: `/item/process/${i}/id`,
        message: `环节编号“${step.id}”与第 ${earlier + 1} 个环节重复`,
      });
  });
  process.forEach((step, i) => {
    (step.next ?? []).forEach((target, j) => {
      if (!first.has(target))
        issues.push({ path: `/item/process/${i}/next/${j}`, message: `后续环节“${target}”不存在` });
    });
    (step.branches ?? []).forEach((branch, j) => {
      if (branch.to !== undefined && !first.has(branch.to))
        issues.push({
          path: `/item/process/${i}/branches/${j}/to`,
          message: `分支转到的环节“${branch.to}”不存在`,
        });
    });
  });
  return issues;
}

const unprintable = (details: ValidationIssue[]) =>
  invalid({ zh: '办理流程无法预览', en: 'The process cannot be previewed' }, details);

/**
 * A base item seen as a township would publish it, for previews while it is edited: the catalogue elements as
 * sent and every standard material; the local elements (implementing body, limits, place, hours, contacts) are
 * left unstated, so the guide says “未载明” where a township has yet to state them. The region is the editor's
 * own (the city for the city admin).
 * Nothing is read but the editor's region name and the names of library materials; nothing is written.
 */
export async function previewItem(store: Store, principal: Principal, base: BaseItem): Promise<Item> {
  const issues = processIssues(base);
  if (issues.length > 0) throw unprintable(issues);
  const region = await store.models.Region.findByPk(principal.regionCode, { attributes: ['name'] });
  const codes = [...new Set(base.materials.map((m) => m.material))];
  const names = new Map(
    codes.length === 0
      ? []
      : (await store.models.Material.findAll({ where: { code: codes }, attributes: ['code', 'name'] })).map(
          (m) => [m.code, m.name],
        ),
  );
  // The township's own elements are not stated yet: the guide shows them as a township that states nothing would.
  const impl: ItemImplementation = {
    kind: 'implementation',
    schemaVersion: SCHEMA_VERSION,
    baseCode: base.code,
    baseVersion: base.version,
    // A township code for the QR link: the editor's own region, padded for the city and counties.
    regionCode: principal.regionCode.padEnd(9, '0'),
    materials: base.materials.map((m) => ({ material: m.material })),
    status: base.status,
    version: base.version,
  };
  try {
    return resolveItem(base, impl, {
      regionName: region?.name ?? principal.regionCode,
      materialName: (code) => names.get(code),
    });
  } catch (error) {
    // The township's selection is the base item's own list, in order: the same index names the material.
    if (error instanceof ResolutionError)
      throw unprintable([{ path: `/item${error.path}`, message: error.message }]);
    throw error;
  }
}

async function drawn<T>(render: () => Promise<T>): Promise<T> {
  try {
    return await render();
  } catch (error) {
    // processIssues finds what the flowchart refuses first; this is the safety net, at the process as a whole.
    // (The runtime does not export FlowchartError; its name is its contract.)
    if (error instanceof Error && error.name === 'FlowchartError')
      throw unprintable([{ path: '/item/process', message: error.message }]);
    throw error;
  }
}

/** The 办理流程图 (SVG) of a base item being edited. */
export async function previewFlowchart(store: Store, principal: Principal, base: BaseItem): Promise<string> {
  const item = await previewItem(store, principal, base);
  const process = item.process ?? [];
  if (process.length === 0)
    throw unprintable([{ path: '/item/process', message: '没有办理环节，无法绘制流程图' }]);
  return drawn(() => renderFlowchart({ ...item, process }));
}

/** The 办事指南 (HTML, with its own CSP) of a base item being edited. */
export async function previewGuide(
  store: Store,
  principal: Principal,
  base: BaseItem,
  publicBaseUrl: string,
): Promise<string> {
  const item = await previewItem(store, principal, base);
  return drawn(() => renderGuide(item, { publicBaseUrl }));
}
