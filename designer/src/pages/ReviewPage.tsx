import type { ChangeLine, DraftView, ItemImplementation, ReviewEntry } from '@oneseal/schemas';
import { SCHEMA_IDS, summarizeChanges } from '@oneseal/schemas';
import { App, Button, Card, Empty, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useRequest } from '@oneseal/runtime/web';
import { ApiProblem } from '@oneseal/schemas';
import { api } from '../api';
import { placeOf, schemaById } from '../schemaForm';
import { useUser } from '../shell/auth';
import { CompletenessPanel } from '../shell/CompletenessPanel';
import { FindingsPanel } from '../shell/FindingsPanel';
import { Loaded } from '../shell/Loaded';

/** The implementation entry's schema, where a finding's place is named from. */
const IMPLEMENTATION = schemaById(SCHEMA_IDS.implementation);

interface Submitted {
  draft: DraftView;
  /** What the draft changes against the published version, or every element it states when never published. */
  changes: ChangeLine[];
}

async function submittedDraft(row: ReviewEntry): Promise<Submitted> {
  const params = { code: row.township, itemCode: row.itemCode };
  const [draft, materials] = await Promise.all([
    api.get('/townships/:code/items/:itemCode', { params }),
    api.get('/materials'),
  ]);
  const published: ItemImplementation = row.publishedVersion
    ? (
        await api.get('/townships/:code/items/:itemCode/versions/:version', {
          params: { ...params, version: String(row.publishedVersion) },
        })
      ).implementation
    : // A first publication: everything the editor wrote is new, against an entry that states nothing.
      ({ kind: draft.implementation.kind } as ItemImplementation);
  const names = new Map(materials.map((m) => [m.document.code, m.document.name]));
  return {
    draft,
    changes: summarizeChanges(published, draft.implementation, { materialName: (code) => names.get(code) }),
  };
}

const CHANGE_TAGS: Record<ChangeLine['change'], { label: string; color: string }> = {
  added: { label: '新增', color: 'green' },
  removed: { label: '删除', color: 'red' },
  changed: { label: '修改', color: 'blue' },
};

/** One labelled line per change, as the editor would say it: 承诺办结时限：9 个工作日 → 7 个工作日. */
function ChangeLines({ changes }: { changes: ChangeLine[] }) {
  return (
    <List
      size="small"
      className="ds-change-lines"
      dataSource={changes}
      locale={{ emptyText: '与已发布的版本相比没有改动' }}
      renderItem={(line) => (
        <List.Item>
          <span>
            <Tag color={CHANGE_TAGS[line.change].color}>{CHANGE_TAGS[line.change].label}</Tag>
            {line.text}
          </span>
        </List.Item>
      )}
    />
  );
}

type Decision = 'approve' | 'return';

function ReviewCard({ row, onDone }: { row: ReviewEntry; onDone: () => void }) {
  const { message } = App.useApp();
  const submitted = useRequest(() => submittedDraft(row), [row.township, row.itemCode, row.revision]);
  const [deciding, setDeciding] = useState<Decision>();
  const [opinion, setOpinion] = useState('');
  const version = row.publishedVersion ? `第 ${row.publishedVersion + 1} 版` : '第 1 版';
  const act = async (decision: Decision) => {
    try {
      const params = { code: row.township, itemCode: row.itemCode };
      const comment = opinion.trim();
      await (decision === 'return'
        ? api.post('/townships/:code/items/:itemCode/return', { params, body: { comment } })
        : api.post('/townships/:code/items/:itemCode/approve', {
            params,
            body: comment ? { comment } : {},
          }));
      message.success(decision === 'approve' ? '已审核通过' : '已退回修改');
      setDeciding(undefined);
      setOpinion('');
      onDone();
    } catch (error) {
      message.error(error instanceof ApiProblem ? error.message : String(error));
    }
  };
  const changeCount = submitted.data?.changes.length;
  return (
    <Card
      size="small"
      title={
        <span>
          {row.name} <Tag>{row.townshipName}</Tag>
        </span>
      }
      extra={
        <Space>
          <Link to={`/townships/${row.township}/items/${row.itemCode}`}>查看全文</Link>
          <Button onClick={() => setDeciding('return')}>退回修改</Button>
          <Button type="primary" onClick={() => setDeciding('approve')}>
            审核通过
          </Button>
        </Space>
      }
    >
      <Loaded state={submitted}>
        {({ draft, changes }) => (
          <div className="ds-review">
            <div>
              <Typography.Title level={5}>
                {row.publishedVersion ? `与第 ${row.publishedVersion} 版相比的改动` : '新事项（尚未发布过）'}
              </Typography.Title>
              <ChangeLines changes={changes} />
            </div>
            <div className="ds-review-checks">
              <FindingsPanel
                issues={draft.findings}
                ready="没有错误"
                place={(pointer) => placeOf(IMPLEMENTATION, pointer)}
              />
              <CompletenessPanel completeness={draft.completeness} />
            </div>
          </div>
        )}
      </Loaded>
      <Modal
        title={
          deciding === 'approve'
            ? `审核通过：${row.townshipName}“${row.name}”${version}`
            : `退回修改：${row.townshipName}“${row.name}”`
        }
        open={deciding !== undefined}
        onCancel={() => setDeciding(undefined)}
        onOk={() => deciding && act(deciding)}
        okText={deciding === 'approve' ? '确认通过' : '退回'}
        okButtonProps={{ disabled: deciding === 'return' && !opinion.trim() }}
      >
        {deciding === 'approve' ? (
          <p>
            确认后，{row.townshipName}的“{row.name}”{version}
            {changeCount ? `（${changeCount} 处改动）` : ''}即审核通过，由乡镇发布后对群众公开。
          </p>
        ) : (
          <p>退回后事项回到草稿，编辑修改后可再次提交。</p>
        )}
        <label className="ds-field-label" htmlFor="ds-review-opinion">
          审核意见{deciding === 'return' ? '（必填）' : '（可选）'}
        </label>
        <Input.TextArea
          id="ds-review-opinion"
          placeholder={deciding === 'return' ? '请写明需要修改的地方' : '可写给编辑的意见'}
          value={opinion}
          maxLength={1000}
          onChange={(e) => setOpinion(e.target.value)}
          autoSize={{ minRows: 3 }}
        />
      </Modal>
    </Card>
  );
}

/** The reviewer's queue: each submitted item with what it changes; approve, or return with comments. */
export function ReviewPage() {
  const user = useUser();
  const state = useRequest(() => api.get('/review/items'), [user.regionCode]);
  return (
    <div className="ds-page">
      <div className="ds-toolbar">
        <h1>待审核</h1>
      </div>
      <Loaded state={state}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty description="没有待审核的事项" />
          ) : (
            <Space direction="vertical" className="ds-wide">
              {rows.map((row) => (
                <ReviewCard key={`${row.township}-${row.itemCode}`} row={row} onDone={state.reload} />
              ))}
            </Space>
          )
        }
      </Loaded>
    </div>
  );
}
