import type { FieldChange, ReviewEntry } from '@oneseal/schemas';
import { diffDocuments } from '@oneseal/schemas';
import { App, Button, Card, Empty, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useRequest } from '@oneseal/runtime/web';
import { ApiProblem } from '@oneseal/schemas';
import { api } from '../api';
import { useUser } from '../shell/auth';
import { ChangeTable } from '../shell/ChangeTable';
import { Loaded } from '../shell/Loaded';
import { SERVER_OWNED } from '../schemaForm/uiHints';

/** What the draft changes against the published version (everything, for an item never published). */
async function changesOf(row: ReviewEntry): Promise<FieldChange[]> {
  const params = { code: row.township, itemCode: row.itemCode };
  const draft = await api.get('/townships/:code/items/:itemCode', { params });
  const published = row.publishedVersion
    ? (
        await api.get('/townships/:code/items/:itemCode/versions/:version', {
          params: { ...params, version: String(row.publishedVersion) },
        })
      ).implementation
    : {};
  // Status and version move with the workflow; the reviewer judges what the editor wrote.
  return diffDocuments(published, draft.implementation).filter(
    (c) => !SERVER_OWNED.has(c.path.split('/')[1] ?? ''),
  );
}

function ReviewCard({ row, onDone }: { row: ReviewEntry; onDone: () => void }) {
  const { message } = App.useApp();
  const changes = useRequest(() => changesOf(row), [row.township, row.itemCode, row.revision]);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const act = async (name: 'approve' | 'return') => {
    try {
      const params = { code: row.township, itemCode: row.itemCode };
      await (name === 'return'
        ? api.post('/townships/:code/items/:itemCode/return', { params, body: { comment } })
        : api.post('/townships/:code/items/:itemCode/approve', { params, body: {} }));
      message.success(name === 'approve' ? '已审核通过' : '已退回');
      setReturning(false);
      onDone();
    } catch (error) {
      message.error(error instanceof ApiProblem ? error.message : String(error));
    }
  };
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
          <Button onClick={() => setReturning(true)}>退回修改</Button>
          <Button type="primary" onClick={() => act('approve')}>
            审核通过
          </Button>
        </Space>
      }
    >
      <Loaded state={changes}>
        {(list) => (
          <ChangeTable
            changes={list}
            before={row.publishedVersion ? `第 ${row.publishedVersion} 版` : '（新事项）'}
            after="提交的草稿"
          />
        )}
      </Loaded>
      <Modal
        title={`退回：${row.name}`}
        open={returning}
        onCancel={() => setReturning(false)}
        onOk={() => act('return')}
        okText="退回"
        okButtonProps={{ disabled: !comment.trim() }}
      >
        <Input.TextArea
          aria-label="退回意见"
          placeholder="请写明需要修改的地方"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
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
