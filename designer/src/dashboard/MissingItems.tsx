import { Alert, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Loaded } from '../shell/Loaded';
import { useRequest } from '@oneseal/runtime/web';
import type { ItemStanding } from './itemMisses';
import { loadStandings } from './itemMisses';
import type { MetricKey } from './metricsData';
import { METRICS } from './metricsData';

/** Which items the list shows: those missing any target, one target, or every item. */
export type ItemFilter = 'any' | MetricKey | 'all';

const FILTERS: { value: ItemFilter; label: string }[] = [
  { value: 'any', label: '未达标的事项' },
  { value: 'atMostOneVisit', label: '最多跑一次' },
  { value: 'online', label: '网上可办' },
  { value: 'inHall', label: '进驻大厅' },
  { value: 'promisedRatio', label: '时限未压缩' },
  { value: 'all', label: '全部事项' },
];

const MISS_LABEL: Record<MetricKey, string> = {
  atMostOneVisit: '未达“最多跑一次”',
  online: '未达“网上可办”',
  inHall: '未进驻大厅',
  promisedRatio: '承诺时限未压缩',
};

/** A cell that is red, and says so in words, when the item misses that target. */
function Flag({ missed, children }: { missed: boolean; children: ReactNode }) {
  return missed ? (
    <span className="dash-miss">
      {children}
      <span className="dash-sr">（未达标）</span>
    </span>
  ) : (
    <>{children}</>
  );
}

export function MissingItems({
  township,
  townshipName,
  filter,
  onFilter,
}: {
  township: string;
  townshipName: string;
  filter: ItemFilter;
  onFilter: (filter: ItemFilter) => void;
}) {
  const state = useRequest(() => loadStandings(township), [township]);
  const columns: TableColumnsType<ItemStanding> = [
    {
      title: '事项',
      key: 'name',
      render: (_: unknown, s) => (
        <Space direction="vertical" size={0}>
          <Link to={`/townships/${township}/items/${s.code}`}>{s.name}</Link>
          <Typography.Text type="secondary" className="dash-code">
            {s.code}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '未达到的目标',
      key: 'misses',
      render: (_: unknown, s) =>
        s.misses.length === 0 ? (
          <Tag color="success">全部达标</Tag>
        ) : (
          s.misses.map((m) => (
            <Tag key={m} color={m === 'promisedRatio' ? 'warning' : 'error'}>
              {MISS_LABEL[m]}
            </Tag>
          ))
        ),
    },
    {
      title: '到现场次数',
      dataIndex: 'visits',
      align: 'right',
      render: (visits: string, s) => <Flag missed={s.misses.includes('atMostOneVisit')}>{visits}</Flag>,
    },
    {
      title: '网上办理',
      dataIndex: 'online',
      render: (online: string, s) => <Flag missed={s.misses.includes('online')}>{online}</Flag>,
    },
    {
      title: '进驻大厅',
      dataIndex: 'inHall',
      render: (inHall: string, s) => <Flag missed={s.misses.includes('inHall')}>{inHall}</Flag>,
    },
    {
      title: '承诺 / 法定时限',
      key: 'limits',
      render: (_: unknown, s) => (
        <Flag missed={s.misses.includes('promisedRatio')}>
          {s.promised} / {s.statutory}
          {s.ratio === null ? '' : `（${s.ratio.toFixed(2)}）`}
        </Flag>
      ),
    },
  ];

  return (
    <section aria-labelledby="dash-items-title" className="dash-items">
      <Typography.Title level={3} id="dash-items-title" className="dash-items-title">
        {townshipName}：哪些事项未达标
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        按已发布的事项计算，与上方指标口径相同。点击事项名称打开编辑页修改（修改后须审核、发布才计入指标）。
      </Typography.Paragraph>
      <Loaded state={state}>
        {(standings) => {
          const shown = standings.filter((s) =>
            filter === 'all' ? true : filter === 'any' ? s.misses.length > 0 : s.misses.includes(filter),
          );
          const count = (f: ItemFilter) =>
            f === 'all'
              ? standings.length
              : standings.filter((s) => (f === 'any' ? s.misses.length > 0 : s.misses.includes(f))).length;
          return (
            <>
              <Segmented<ItemFilter>
                className="ds-gap"
                value={filter}
                onChange={onFilter}
                options={FILTERS.map((f) => ({ value: f.value, label: `${f.label}（${count(f.value)}）` }))}
                aria-label="筛选事项"
              />
              {filter !== 'any' && filter !== 'all' && (
                <Typography.Paragraph type="secondary">{METRICS[filter].meaning}。</Typography.Paragraph>
              )}
              {shown.length === 0 ? (
                <Alert
                  type="success"
                  showIcon
                  message={filter === 'all' ? '没有已发布的事项' : '没有未达到该目标的事项'}
                />
              ) : (
                <Table<ItemStanding>
                  rowKey="code"
                  size="small"
                  columns={columns}
                  dataSource={shown}
                  pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                  scroll={{ x: 860 }}
                />
              )}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
