import type { BaseItem, ItemImplementation } from '@oneseal/schemas';
import { SCHEMA_VERSION } from '@oneseal/schemas';
import type { TestApp } from './testApp';

/**
 * A base item stating only what a short real guide states (model v2): a code, a name and one material — no
 * type, form, process, limits, visits or channels.
 */
export const bareBaseItem = (code: string, name: string): BaseItem => ({
  kind: 'base-item',
  schemaVersion: SCHEMA_VERSION,
  code,
  name,
  materials: [{ material: 'ID-CARD' }],
  status: 'draft',
  version: 1,
});

/**
 * Publishes `base` through the API as users do: the city admin publishes it, 阳朔镇's editor adopts it (the draft
 * states what the township states of itself and nothing more, then `change` may state more), saves, submits;
 * the county reviewer approves; the editor publishes the list.
 */
export async function publishInYangshuo(
  t: TestApp,
  base: BaseItem,
  change: (draft: ItemImplementation) => void = () => undefined,
): Promise<void> {
  const admin = await t.as('admin');
  expect((await t.api.post('/api/base-items').set(admin).send(base)).status).toBe(201);
  expect(
    (await t.api.post(`/api/base-items/${base.code}/publish`).set(admin).send({ reason: '测试事项' })).status,
  ).toBe(200);
  const editor = await t.as('editor-450321100');
  const path = `/api/townships/450321100/items/${base.code}`;
  const adopted = await t.api
    .post('/api/townships/450321100/items')
    .set(editor)
    .send({ baseCode: base.code });
  expect(adopted.status).toBe(201);
  const draft = adopted.body.implementation as ItemImplementation;
  change(draft);
  const saved = await t.api.put(path).set(editor).set('If-Match', `"${adopted.body.revision}"`).send(draft);
  expect(saved.status).toBe(200);
  expect((await t.api.post(`${path}/submit`).set(editor)).status).toBe(200);
  expect((await t.api.post(`${path}/approve`).set(await t.as('reviewer-450321'))).status).toBe(200);
  expect(
    (await t.api.post('/api/townships/450321100/publish').set(editor).send({ reason: '测试事项' })).status,
  ).toBe(200);
}
