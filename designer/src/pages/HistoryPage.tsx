import type { ImplementationVersionSummary, VersionDiff } from '@oneseal/schemas';
import { Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api';
import { ChangeTable } from '../shell/ChangeTable';
import { Loaded } from '../shell/Loaded';
import { UserName } from '../shell/UserName';
import { useRequest } from '@oneseal/runtime/web';

/** Every published version of a township item, and the field-level differences between any two. */
export function HistoryPage() {
  const { code = '', item = '' } = useParams();
  const params = { code, itemCode: item };
  const versions = useRequest(
    () => api.get('/townships/:code/items/:itemCode/versions', { params }),
    [code, item],
  );
  const [pair, setPair] = useState<[number, number]>();
  const latest = versions.data?.[0]?.version;
  const [from, to] = pair ?? (latest && latest > 1 ? [latest - 1, latest] : [undefined, undefined]);
  const diff = useRequest<Pick<VersionDiff, 'changes'>>(
    () =>
      from && to
        ? api.get('/townships/:code/items/:itemCode/diff', { params, query: { from, to } })
        : Promise.resolve({ changes: [] }),
    [code, item, from, to],
  );
  const choices = (versions.data ?? []).map((v) => ({ value: v.version, label: `第 ${v.version} 版` }));
  return (
    <div className="ds-page">
      <div className="ds-toolbar">
        <h1>发布历史 · {item}</h1>
        <Link to={`/townships/${code}/items/${item}`}>返回编辑</Link>
      </div>
      <Loaded state={versions}>
        {(rows) => (
          <Table
            rowKey="version"
            size="small"
            pagination={false}
            dataSource={rows}
            locale={{ emptyText: '尚未发布' }}
            columns={[
              { title: '版本', dataIndex: 'version', render: (v: number) => `第 ${v} 版` },
              { title: '依据基本目录', dataIndex: 'baseVersion', render: (v: number) => `第 ${v} 版` },
              { title: '生效日期', dataIndex: 'effectiveDate' },
              {
                title: '发布',
                dataIndex: 'publishedAt',
                render: (at: string, row: ImplementationVersionSummary) => (
                  <>
                    {new Date(at).toLocaleString('zh-CN')} <UserName username={row.publishedBy} />
                  </>
                ),
              },
            ]}
          />
        )}
      </Loaded>
      {choices.length > 1 ? (
        <>
          <h2>版本比较</h2>
          <Space className="ds-gap">
            <Select
              aria-label="较早的版本"
              value={from}
              options={choices}
              onChange={(v) => setPair([v, to ?? v])}
            />
            →
            <Select
              aria-label="较新的版本"
              value={to}
              options={choices}
              onChange={(v) => setPair([from ?? v, v])}
            />
          </Space>
          <Loaded state={diff}>
            {({ changes }) => (
              <ChangeTable changes={changes} before={`第 ${from} 版`} after={`第 ${to} 版`} />
            )}
          </Loaded>
        </>
      ) : null}
    </div>
  );
}
