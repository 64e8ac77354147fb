import type { FieldChange } from '@oneseal/schemas';
import { Table, Tag } from 'antd';

const OPS: Record<FieldChange['op'], { label: string; color: string }> = {
  added: { label: '新增', color: 'green' },
  removed: { label: '删除', color: 'red' },
  changed: { label: '修改', color: 'blue' },
};

const show = (value: unknown) =>
  value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value, null, 1);

/** Field-level differences between two versions of a document, with the names of each side. */
export function ChangeTable({
  changes,
  before = '修改前',
  after = '修改后',
}: {
  changes: FieldChange[];
  before?: string;
  after?: string;
}) {
  return (
    <Table
      size="small"
      rowKey={(c) => `${c.op}${c.path}`}
      pagination={false}
      dataSource={changes}
      locale={{ emptyText: '没有差异' }}
      columns={[
        { title: '字段', dataIndex: 'path', render: (p: string) => <code>{p}</code>, width: '24%' },
        {
          title: '变化',
          dataIndex: 'op',
          width: 70,
          render: (op: FieldChange['op']) => <Tag color={OPS[op].color}>{OPS[op].label}</Tag>,
        },
        {
          title: before,
          dataIndex: 'before',
          render: (v: unknown) => <pre className="ds-value">{show(v)}</pre>,
        },
        {
          title: after,
          dataIndex: 'after',
          render: (v: unknown) => <pre className="ds-value">{show(v)}</pre>,
        },
      ]}
    />
  );
}
