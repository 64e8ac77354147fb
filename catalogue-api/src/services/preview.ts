import type { BaseItem, Item, ItemImplementation, ValidationIssue } from '@oneseal/schemas';
import { ResolutionError, resolveItem } from '@oneseal/schemas';
import { renderFlowchart, renderGuide } from '@oneseal/runtime';
import type { Principal } from '../auth/roles';
import { invalid } from '../http/errors';
import type { Store } from './store';

/** Local elements a base item does not have: the preview says who fills them in instead of inventing them. */
export const PREVIEW_PLACEHOLDER = '（由各乡镇（街道）填写）';

/** Why the process cannot be drawn, by JSON path under the request body (`/item/process/…`). */
function processIssues(item: BaseItem): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const first = new Map<string, number>();
  item.process.forEach((step, i) => {
    const earlier = first.get(step.id);
    if (earlier === undefined) first.set(step.id, i);
    else
      issues.push({
        path: `/item/process/${i}/id`,
        message: `环节编号“${step.id}”与第 ${earlier + 1} 个环节重复`,
      });
  });
  item.process.forEach((step, i) => {
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
 * sent, every standard material, the statutory limit as the promised one, and the local elements (implementing
 * body, place, hours, phones) as placeholders. The region is the editor's own (the city for the city admin).
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
  const impl: ItemImplementation = {
    kind: 'implementation',
    schemaVersion: 1,
    baseCode: base.code,
    baseVersion: base.version,
    // A township code for the QR link: the editor's own region, padded for the city and counties.
    regionCode: principal.regionCode.padEnd(9, '0'),
    implementationCode: PREVIEW_PLACEHOLDER,
    implementingBody: { name: `各乡镇（街道）人民政府${PREVIEW_PLACEHOLDER}`, uscc: '', nature: '1' },
    powerSource: '1',
    promisedLimit: base.statutoryLimit,
    caseType: base.statutoryLimit.value === 0 ? '1' : '2',
    handlingForms: ['1'],
    visits: base.maxVisits,
    ...(base.maxVisits > 0 ? { visitReason: PREVIEW_PLACEHOLDER } : {}),
    online: { available: false },
    inHall: true,
    appointment: false,
    express: false,
    onlinePayment: false,
    selfServiceTerminal: false,
    handlingScope: '5',
    place: PREVIEW_PLACEHOLDER,
    hours: PREVIEW_PLACEHOLDER,
    contacts: { consultPhone: PREVIEW_PLACEHOLDER, complaintPhone: PREVIEW_PLACEHOLDER },
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
  return drawn(() => renderFlowchart(item));
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
