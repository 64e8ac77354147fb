import type { BaseItemSummary, TownshipItemRow } from '@oneseal/schemas';
import { codeOptions } from '@oneseal/schemas';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { App, Button, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useRequest } from '@oneseal/runtime/web';
import { ApiProblem } from '@oneseal/schemas';
import { api, ifMatch } from '../api';
import { can, useUser } from '../shell/auth';
import { Loaded } from '../shell/Loaded';
import { useReasonDialog } from '../shell/ReasonDialog';
import { UserName } from '../shell/UserName';
import { loadRegions, regionName } from '../shell/regions';
import { STATUS_COLORS, statusName } from '../shell/types';

/** Adopt an item of the base catalogue into this township's list (a draft filled from the base item). */
function AdoptButton({ code, taken, onDone }: { code: string; taken: Set<string>; onDone: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<string>();
  const base = useRequest(
    () =>
      open
        ? api.get('/base-items', { query: { status: 'published' } })
        : Promise.resolve<BaseItemSummary[]>([]),
    [open],
  );
  const adopt = async () => {
    // The dialog's OK button is disabled until an item is chosen.
    if (!choice) return;
    try {
      await api.post('/townships/:code/items', { params: { code }, body: { baseCode: choice } });
      message.success('已认领，请完善后提交审核');
      setOpen(false);
      onDone();
      navigate(`/townships/${code}/items/${choice}`);
    } catch (error) {
      message.error(error instanceof ApiProblem ? error.message : String(error));
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>从基本目录认领</Button>
      <Modal
        title="从基本目录认领事项"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={adopt}
        okText="认领"
        okButtonProps={{ disabled: !choice }}
      >
        <Select
          showSearch
          className="ds-wide"
          placeholder="选择基本目录事项"
          optionFilterProp="label"
          loading={base.loading}
          value={choice}
          onChange={setChoice}
          options={(base.data ?? [])
            .filter((b) => !taken.has(b.code))
            .map((b) => ({ value: b.code, label: `${b.code} ${b.name}` }))}
        />
      </Modal>
    </>
  );
}

/** A township's implementation list: status of every item, adopt, order, publish what was approved. */
export function TownshipListPage() {
  const { code = '' } = useParams();
  const user = useUser();
  const { message, modal } = App.useApp();
  const regions = useRequest(loadRegions, []);
  const list = useRequest(() => api.get('/townships/:code/items', { params: { code } }), [code]);
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);
  const editor = can.editTownship(user.role);
  const reasons = useReasonDialog();

  const publish = async () => {
    const reason = await reasons.ask({ title: '发布审核通过的事项', okText: '发布' });
    if (reason === undefined) return;
    setBusy(true);
    try {
      const result = await api.post('/townships/:code/publish', { params: { code }, body: { reason } });
      modal.success({
        title: `已发布 ${result.published.length} 个事项`,
        content:
          result.warnings.length > 0
            ? `提醒：${result.warnings.map((w) => w.message).join('；')}`
            : undefined,
      });
      list.reload();
    } catch (error) {
      const problem = error instanceof ApiProblem ? error : new ApiProblem(0, 'error', String(error));
      modal.error({
        title: problem.message,
        content: (
          <ul>
            {problem.details.map((d) => (
              <li key={d.path + d.message}>
                {d.message} <code>{d.path}</code>
              </li>
            ))}
          </ul>
        ),
      });
    } finally {
      setBusy(false);
    }
  };

  /** Swaps the list positions of two items: both become drafts and go through review again. */
  const swap = async (a: TownshipItemRow, b: TownshipItemRow, rows: TownshipItemRow[]) => {
    const position = (row: TownshipItemRow) => row.order ?? rows.indexOf(row);
    try {
      for (const [row, order] of [
        [a, position(b)],
        [b, position(a)],
      ] as const) {
        const params = { code, itemCode: row.itemCode };
        const draft = await api.get('/townships/:code/items/:itemCode', { params });
        await api.put('/townships/:code/items/:itemCode', {
          params,
          headers: ifMatch(draft.revision),
          body: { ...draft.implementation, order },
        });
      }
      message.success('已调整顺序（两个事项成为草稿，审核后发布生效）');
    } catch (error) {
      message.error(error instanceof ApiProblem ? error.message : String(error));
    }
    list.reload();
  };

  return (
    <div className="ds-page">
      <div className="ds-toolbar">
        <h1>{regions.data ? regionName(regions.data, code) : code} · 实施清单</h1>
        <Select
          allowClear
          placeholder="按状态筛选"
          className="ds-status-filter"
          value={status}
          onChange={setStatus}
          options={codeOptions('ItemStatus')}
        />
        {editor ? (
          <>
            <AdoptButton
              code={code}
              taken={new Set((list.data ?? []).map((r) => r.itemCode))}
              onDone={list.reload}
            />
            <Link to={`/townships/${code}/excel`}>
              <Button>Excel 导入导出</Button>
            </Link>
            <Button type="primary" onClick={publish} loading={busy}>
              发布审核通过的事项
            </Button>
          </>
        ) : null}
        {can.handleSubmissions(user.role) ? (
          <Link to={`/townships/${code}/submissions`}>网上申请</Link>
        ) : null}
        {editor ? <Link to={`/townships/${code}/bookings`}>预约办理</Link> : null}
        <a href={`/regions/${code}`} target="_blank" rel="noreferrer">
          查看公开清单
        </a>
      </div>
      <Loaded state={list}>
        {(rows) => (
          <Table
            rowKey="itemCode"
            size="middle"
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            dataSource={status ? rows.filter((r) => r.status === status) : rows}
            columns={[
              { title: '序号', width: 64, render: (_v, _r, i) => i + 1 },
              {
                title: '事项',
                dataIndex: 'name',
                render: (name: string, row) => (
                  <Link to={`/townships/${code}/items/${row.itemCode}`}>
                    {name}
                    <div className="ds-muted">{row.itemCode}</div>
                  </Link>
                ),
              },
              {
                title: '状态',
                dataIndex: 'status',
                width: 110,
                render: (s: TownshipItemRow['status']) => <Tag color={STATUS_COLORS[s]}>{statusName(s)}</Tag>,
              },
              {
                title: '已发布版本',
                dataIndex: 'publishedVersion',
                width: 100,
                render: (v: number) => (v ? `第 ${v} 版` : '—'),
              },
              {
                title: '完整度',
                dataIndex: 'completeness',
                width: 90,
                align: 'right',
                render: (c: number | null) => (c === null ? '—' : `${Math.round(c * 100)}%`),
              },
              { title: '审核意见', dataIndex: 'reviewComment', render: (c: string | null) => c ?? '' },
              {
                title: '更新',
                dataIndex: 'updatedAt',
                width: 170,
                render: (at: string, row) => (
                  <>
                    {new Date(at).toLocaleString('zh-CN')} <UserName username={row.updatedBy} />
                  </>
                ),
              },
              ...(editor && !status
                ? [
                    {
                      title: '顺序',
                      width: 96,
                      render: (_v: unknown, row: TownshipItemRow, i: number) => (
                        <Space size={0}>
                          <Button
                            type="text"
                            aria-label={`上移 ${row.name}`}
                            icon={<ArrowUpOutlined />}
                            disabled={i === 0}
                            onClick={() => swap(row, rows[i - 1]!, rows)}
                          />
                          <Button
                            type="text"
                            aria-label={`下移 ${row.name}`}
                            icon={<ArrowDownOutlined />}
                            disabled={i === rows.length - 1}
                            onClick={() => swap(row, rows[i + 1]!, rows)}
                          />
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Loaded>
      {reasons.dialog}
    </div>
  );
}
