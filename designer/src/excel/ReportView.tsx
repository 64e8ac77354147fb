import { Alert, Card, Descriptions, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { Change, ImportReport, Reason } from './importReport';
import { outcome, valueText } from './importReport';

type Accepted = ImportReport['accepted'][number];
type RefusedReason = Reason & { key: string; itemCode: string | null };

function Changes({ changes }: { changes: Change[] }) {
  if (changes.length === 0) return <span className="xl-muted">—</span>;
  return (
    <ul className="xl-changes">
      {changes.map((c, i) => (
        <li key={i}>
          <span className="xl-column">{c.sheet === '事项' ? c.column : `${c.sheet} · ${c.column}`}</span>：
          <del className="xl-from">{valueText(c.from)}</del>
          <span aria-hidden="true"> → </span>
          <span className="xl-sr">改为</span>
          <ins className="xl-to">{valueText(c.to)}</ins>
        </li>
      ))}
    </ul>
  );
}

/** The import report: whether anything was written, the refused rows with their reasons, the accepted changes. */
export function ReportView({ report, township }: { report: ImportReport; township: string }) {
  const result = outcome(report);
  const reasons: RefusedReason[] = report.refused.flatMap((r) =>
    r.reasons.map((reason, i) => ({ ...reason, itemCode: r.itemCode, key: `${r.sheet}-${r.row}-${i}` })),
  );

  const refusedColumns: TableColumnsType<RefusedReason> = [
    { title: '工作表', dataIndex: 'sheet', width: 100 },
    { title: '行号', dataIndex: 'row', width: 70, align: 'right' },
    {
      title: '事项编码',
      dataIndex: 'itemCode',
      width: 130,
      render: (code: string | null) => code ?? <span className="xl-muted">（无）</span>,
    },
    { title: '列', dataIndex: 'column', width: 160, render: (column: string) => column || '—' },
    {
      title: '原因',
      dataIndex: 'message',
      render: (text: string) => <span className="xl-reason">{text}</span>,
    },
  ];

  const acceptedColumns: TableColumnsType<Accepted> = [
    { title: '工作表', dataIndex: 'sheet', width: 90 },
    { title: '行号', dataIndex: 'row', width: 70, align: 'right' },
    {
      title: '事项',
      dataIndex: 'itemCode',
      width: 130,
      render: (code: string) => <Link to={`/townships/${township}/items/${code}`}>{code}</Link>,
    },
    { title: '修改', key: 'changes', render: (_: unknown, row) => <Changes changes={row.changes} /> },
    {
      title: '提醒',
      key: 'warnings',
      width: 220,
      render: (_: unknown, row) =>
        row.warnings.length === 0 ? (
          <span className="xl-muted">—</span>
        ) : (
          <ul className="xl-changes">
            {row.warnings.map((w, i) => (
              <li key={i}>
                {w.column ? `${w.column}：` : ''}
                {w.message}
              </li>
            ))}
          </ul>
        ),
    },
    {
      title: '结果',
      key: 'written',
      width: 150,
      render: (_: unknown, row) =>
        report.written ? <Tag color="success">已保存为草稿（修订号 {row.revision}）</Tag> : <Tag>未写入</Tag>,
    },
  ];

  return (
    <section aria-labelledby="xl-report-title" className="xl-report">
      <Typography.Title level={2} id="xl-report-title" className="xl-report-title">
        导入报告
      </Typography.Title>
      <Alert
        type={result.type}
        showIcon
        role={result.type === 'error' ? 'alert' : 'status'}
        message={<strong>{result.text}</strong>}
        description={
          report.written ? (
            <>
              修改已保存为草稿，须 <Link to={`/townships/${township}`}>在清单中</Link>{' '}
              提交审核、审核通过并发布后才对外公布。
            </>
          ) : report.refused.length > 0 ? (
            '请按下表在 Excel 中改正后重新导入'
          ) : undefined
        }
      />
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} className="xl-counts" bordered>
        <Descriptions.Item label="导入方式">
          {report.mode === 'all' ? '全部校验通过才写入' : '只导入校验通过的行'}
        </Descriptions.Item>
        <Descriptions.Item label="校验通过、有修改">{report.accepted.length} 行</Descriptions.Item>
        <Descriptions.Item label="与清单一致">{report.unchanged.length} 行</Descriptions.Item>
        <Descriptions.Item label="未通过检查">
          <span className={report.refused.length > 0 ? 'xl-reason' : undefined}>
            {report.refused.length} 行
          </span>
        </Descriptions.Item>
      </Descriptions>

      {report.refused.length > 0 && (
        <Card
          size="small"
          className="xl-card"
          title={`未通过检查的行（${report.refused.length} 行，未导入）`}
        >
          <Table<RefusedReason>
            rowKey="key"
            size="small"
            columns={refusedColumns}
            dataSource={reasons}
            pagination={reasons.length > 50 ? { pageSize: 50 } : false}
            scroll={{ x: 760 }}
          />
        </Card>
      )}

      {report.accepted.length > 0 && (
        <Card
          size="small"
          className="xl-card"
          title={
            report.written
              ? `已写入的行（${report.accepted.length} 行）`
              : `校验通过的行（${report.accepted.length} 行，本次未写入）`
          }
        >
          <Table<Accepted>
            rowKey={(row) => `${row.sheet}-${row.row}`}
            size="small"
            columns={acceptedColumns}
            dataSource={report.accepted}
            pagination={report.accepted.length > 50 ? { pageSize: 50 } : false}
            scroll={{ x: 900 }}
          />
        </Card>
      )}

      {report.unchanged.length > 0 && (
        <Typography.Paragraph type="secondary" className="xl-unchanged">
          另有 {report.unchanged.length} 行与清单一致，不需要写入
          {report.unchanged.length <= 12 ? `（${report.unchanged.map((u) => u.itemCode).join('、')}）` : ''}。
        </Typography.Paragraph>
      )}
    </section>
  );
}
