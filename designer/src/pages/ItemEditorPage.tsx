import type { DraftView, ItemImplementation } from '@oneseal/schemas';
import { assessImplementation, implementationCompleteness, SCHEMA_IDS, validateItem } from '@oneseal/schemas';
import { Alert, App, Button, Drawer, Tag } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useRequest } from '@oneseal/runtime/web';
import { ApiProblem } from '@oneseal/schemas';
import { api, ifMatch } from '../api';
import { editorSchema, placeOf, schemaById, SchemaEditor, showFindings } from '../schemaForm';
import { can, useUser } from '../shell/auth';
import { CompletenessPanel } from '../shell/CompletenessPanel';
import { useConflict } from '../shell/ConflictModal';
import { useReasonDialog } from '../shell/ReasonDialog';
import type { Issue } from '../shell/FindingsPanel';
import { asIssues, FindingsPanel } from '../shell/FindingsPanel';
import { Loaded } from '../shell/Loaded';
import { STATUS_COLORS, statusName } from '../shell/types';
import { loadRegions, regionName } from '../shell/regions';
import { useDocumentForm } from '../shell/useDocumentForm';
import { ItemPreview } from './ItemPreview';
import { useUnsavedGuard } from '../shell/useUnsavedGuard';

// The township sets only its own elements (LocalFields and the local lists); the rest comes from the base item.
const IMPLEMENTATION = schemaById(SCHEMA_IDS.implementation);

function Editor({ draft, reload }: { draft: DraftView; reload: () => void }) {
  const { code = '', item = '' } = useParams();
  const user = useUser();
  const { message } = App.useApp();
  const editable =
    can.editTownship(user.role) && !['submitted', 'approved', 'cancelled'].includes(draft.status);
  // The same assessment the API makes before it lets the draft be submitted or published.
  const check = useCallback(
    (doc: ItemImplementation): Issue[] => {
      const { errors, findings } = assessImplementation(doc, draft.base);
      return findings.length > 0 ? findings : asIssues(errors);
    },
    [draft.base],
  );
  const { form, dirty, issues, values, saved, replace } = useDocumentForm(
    draft.implementation,
    check,
    editable,
  );
  const schema = useMemo(() => editorSchema(IMPLEMENTATION), []);
  // Recomputed on each render (the findings re-render the page as the editor types); none while the draft
  // breaks the model.
  const current = values();
  const completeness = validateItem(current).valid
    ? implementationCompleteness(current, draft.base)
    : undefined;
  const [revision, setRevision] = useState(draft.revision);
  const [busy, setBusy] = useState(false);
  const reasons = useReasonDialog();
  const [previewing, setPreviewing] = useState(false);
  const regions = useRequest(loadRegions, []);
  const conflicts = useConflict<ItemImplementation>({
    keepMine: (revision, mine) => save(revision, mine),
    takeTheirs: (theirs, revision) => {
      // The editor's changes are dropped on purpose, after seeing both versions.
      replace(theirs);
      setRevision(revision);
    },
  });
  useUnsavedGuard(dirty);

  const report = (error: unknown) => {
    const problem = error instanceof ApiProblem ? error : new ApiProblem(0, 'error', String(error));
    if (problem.details.length > 0) showFindings(form, asIssues(problem.details));
    message.error(problem.message);
  };

  const save = async (asRevision = revision, doc = values()) => {
    setBusy(true);
    try {
      const result = await api.put('/townships/:code/items/:itemCode', {
        params: { code, itemCode: item },
        headers: ifMatch(asRevision),
        body: doc,
      });
      setRevision(result.revision);
      conflicts.close();
      saved();
      message.success('已保存');
      // A saved published item is a draft again: load its new state.
      if (draft.status !== 'draft') reload();
      return true;
    } catch (error) {
      // Someone saved first: show both versions; nothing is overwritten unless the editor chooses so.
      if (!conflicts.offer(error, doc)) report(error);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const step = async (name: 'submit' | 'withdraw') => {
    if (dirty && !(await save())) return;
    // A withdrawal is published in the change feed with its reason.
    const reason =
      name === 'withdraw'
        ? await reasons.ask({
            title: `撤回“${draft.base.name}”（从公开清单下架）`,
            okText: '撤回',
            danger: true,
          })
        : undefined;
    if (name === 'withdraw' && reason === undefined) return;
    setBusy(true);
    try {
      if (name === 'withdraw')
        await api.post('/townships/:code/items/:itemCode/withdraw', {
          params: { code, itemCode: item },
          body: { reason: reason! },
        });
      else await api.post('/townships/:code/items/:itemCode/submit', { params: { code, itemCode: item } });
      message.success(name === 'submit' ? '已提交审核' : '已撤回，公开清单中不再显示');
      saved();
      reload();
    } catch (error) {
      report(error);
    } finally {
      setBusy(false);
    }
  };

  const errors = issues.filter((f) => f.severity === 'error').length;
  return (
    <>
      <div className="ds-toolbar">
        <h1>
          {draft.base.name} <Tag color={STATUS_COLORS[draft.status]}>{statusName(draft.status)}</Tag>
          {dirty ? <Tag color="orange">未保存</Tag> : null}
        </h1>
        <Link to={`/townships/${code}/items/${item}/history`}>发布历史</Link>
        <Button onClick={() => setPreviewing(true)}>预览群众看到的样子</Button>
        {editable ? (
          <>
            <Button onClick={() => save()} loading={busy} disabled={!dirty}>
              保存草稿
            </Button>
            {draft.status === 'draft' || dirty ? (
              // Not disabled when the check finds errors: the API refuses and says why, as it would anyway.
              <Button
                type="primary"
                onClick={() => step('submit')}
                loading={busy}
                title={errors > 0 ? '检查结果中有错误，提交将被拒绝' : undefined}
              >
                提交审核
              </Button>
            ) : null}
          </>
        ) : null}
        {draft.status === 'published' && can.editTownship(user.role) ? (
          <Button danger onClick={() => step('withdraw')} loading={busy}>
            撤回（下架）
          </Button>
        ) : null}
      </div>
      {draft.reviewComment && ['draft', 'approved', 'published'].includes(draft.status) ? (
        <Alert
          type={draft.status === 'draft' ? 'warning' : 'info'}
          showIcon
          message={draft.status === 'draft' ? '审核意见（已退回修改）' : '审核意见（已审核通过）'}
          description={draft.reviewComment}
          className="ds-gap"
        />
      ) : null}
      {!editable ? (
        <Alert
          type="info"
          showIcon
          className="ds-gap"
          message={
            draft.status === 'submitted'
              ? '已提交审核，审核完成前不能修改'
              : draft.status === 'approved'
                ? '已审核通过，等待发布'
                : '当前状态或角色不能修改'
          }
        />
      ) : null}
      <div className="ds-editor">
        <div className="ds-editor-form">
          <p className="ds-muted">
            基本目录 {draft.base.code} 第 {draft.base.version} 版 ·
            法定时限与材料以基本目录为准，乡镇只能收紧不能放宽。
          </p>
          <SchemaEditor form={form} schema={schema} />
        </div>
        <aside className="ds-editor-side">
          <FindingsPanel issues={issues} place={(pointer) => placeOf(IMPLEMENTATION, pointer)} />
          <CompletenessPanel completeness={completeness} />
        </aside>
      </div>
      <Drawer
        open={previewing}
        onClose={() => setPreviewing(false)}
        width="min(1100px, 94vw)"
        title={`预览：${draft.base.name}（随编辑更新，尚未发布）`}
        destroyOnClose
      >
        {previewing ? (
          <ItemPreview
            base={draft.base}
            draft={current}
            regionName={regions.data ? regionName(regions.data, draft.regionCode) : draft.regionCode}
          />
        ) : null}
      </Drawer>
      {conflicts.dialog}
      {reasons.dialog}
    </>
  );
}

/** A township's item: the draft edited with the model's own editor, checked live, saved, submitted, withdrawn. */
export function ItemEditorPage() {
  const { code = '', item = '' } = useParams();
  const state = useRequest(
    () => api.get('/townships/:code/items/:itemCode', { params: { code, itemCode: item } }),
    [code, item],
  );
  return (
    <div className="ds-page">
      <Loaded state={state}>
        {(draft) => <Editor key={`${draft.revision}-${draft.status}`} draft={draft} reload={state.reload} />}
      </Loaded>
    </div>
  );
}
