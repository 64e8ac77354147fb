import { Button, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { RegionMetrics, Share } from '@oneseal/schemas';
import type { ShareKey } from './metricsData';
import { completenessText, METRICS, publishingText, ratio, SHARE_KEYS, shareText } from './metricsData';

export interface MetricsRow extends RegionMetrics {
  /** What clicking the region does ("查看各乡镇", "查看事项"); none for the total row. */
  action?: string;
  /** A county's townships that publish anything, of all its townships. */
  publishing?: { count: number; total: number };
}

/** The verdict on the three targets; a region that publishes nothing meets none of them. */
function Verdict({ row }: { row: RegionMetrics }) {
  if (row.itemCount === 0) return <Tag color="error">未发布事项，不达标</Tag>;
  return row.allTargetsMet ? <Tag color="success">全部达标</Tag> : <Tag color="error">未全部达标</Tag>;
}

function ShareCell({ share, total }: { share: Share; total: number }) {
  if (total === 0) return <span className="dash-muted">—</span>;
  return share.met ? (
    <span>{shareText(share, total)}</span>
  ) : (
    <span className="dash-miss">
      {shareText(share, total)}
      <span className="dash-miss-note">未达标</span>
    </span>
  );
}

/** The charts' figures as a table (the accessible alternative), red where a region is below target. */
export function MetricsTable({
  caption,
  rows,
  total,
  regionHeader,
  selected,
  onSelect,
}: {
  caption: string;
  rows: MetricsRow[];
  total: MetricsRow;
  regionHeader: string;
  selected?: string;
  onSelect: (code: string) => void;
}) {
  const columns: TableColumnsType<MetricsRow> = [
    {
      title: regionHeader,
      dataIndex: 'regionName',
      fixed: 'left',
      render: (name: string, row) =>
        row.action ? (
          <Button
            type="link"
            className="dash-region-link"
            onClick={() => onSelect(row.regionCode)}
            aria-label={`${name}：${row.action}`}
          >
            {name}
          </Button>
        ) : (
          <strong>{name}</strong>
        ),
    },
    {
      title: '事项数',
      dataIndex: 'itemCount',
      align: 'right',
      render: (n: number) => (n === 0 ? <span className="dash-miss">暂无已发布事项</span> : n),
    },
    ...(rows.some((r) => r.publishing)
      ? [
          {
            title: '发布事项的乡镇',
            key: 'publishing',
            align: 'right' as const,
            render: (_: unknown, row: MetricsRow) =>
              row.publishing ? (
                <span className={row.publishing.count < row.publishing.total ? 'dash-miss' : undefined}>
                  {publishingText(row.publishing)}
                </span>
              ) : null,
          },
        ]
      : []),
    ...SHARE_KEYS.map((key: ShareKey): TableColumnsType<MetricsRow>[number] => ({
      title: `${METRICS[key].label}（目标 ${METRICS[key].goal}）`,
      key,
      align: 'right',
      render: (_: unknown, row) => <ShareCell share={row[key]} total={row.itemCount} />,
    })),
    {
      title: '承诺/法定时限',
      dataIndex: 'meanPromisedRatio',
      align: 'right',
      render: (value: number | null) => ratio(value),
    },
    {
      title: '平均完整度',
      dataIndex: 'meanCompleteness',
      align: 'right',
      render: (value: number | null) => completenessText(value),
    },
    {
      title: '三项目标',
      key: 'all',
      render: (_: unknown, row) => <Verdict row={row} />,
    },
  ];
  return (
    <Table<MetricsRow>
      className="dash-table"
      rowKey="regionCode"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 900 }}
      rowClassName={(row) => (row.regionCode === selected ? 'dash-row-selected' : '')}
      title={() => <span className="dash-table-caption">{caption}</span>}
      summary={() =>
        rows.length > 1 ? (
          <Table.Summary.Row className="dash-total">
            <Table.Summary.Cell index={0}>
              <strong>{total.regionName}合计</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {total.itemCount}
            </Table.Summary.Cell>
            {rows.some((r) => r.publishing) ? (
              <Table.Summary.Cell index={2} align="right">
                {total.publishing ? publishingText(total.publishing) : null}
              </Table.Summary.Cell>
            ) : null}
            {SHARE_KEYS.map((key) => (
              <Table.Summary.Cell key={key} index={3 + SHARE_KEYS.indexOf(key)} align="right">
                <ShareCell share={total[key]} total={total.itemCount} />
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={6} align="right">
              {ratio(total.meanPromisedRatio)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={7} align="right">
              {completenessText(total.meanCompleteness)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={8}>
              <Verdict row={total} />
            </Table.Summary.Cell>
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}
