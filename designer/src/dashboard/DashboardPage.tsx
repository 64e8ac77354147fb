import { Breadcrumb, Card, Col, Drawer, Row, Statistic, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api';
import { useUser } from '../shell/auth';
import { Loaded } from '../shell/Loaded';
import type { Region } from '@oneseal/schemas';
import { loadRegions } from '../shell/regions';
import { useRequest } from '@oneseal/runtime/web';
import './dashboard.css';
import type { Bar } from './MetricChart';
import { MetricChart } from './MetricChart';
import type { MetricsRow } from './MetricsTable';
import { MetricsTable } from './MetricsTable';
import type { ItemFilter } from './MissingItems';
import { MissingItems } from './MissingItems';
import type { MetricKey, MetricsReport } from './metricsData';
import {
  combineMetrics,
  emptyMetrics,
  METRICS,
  percent,
  publishing,
  publishingText,
  ratio,
  SHARE_KEYS,
} from './metricsData';

const FILTERS: readonly string[] = ['any', 'all', 'atMostOneVisit', 'online', 'inHall', 'promisedRatio'];

/** Where the dashboard stands: the regions shown as rows, and which township's items are open. */
interface View {
  /** The region whose metrics are loaded: the city, a county, or a township. */
  code: string;
  level: 'city' | 'county' | 'township';
  /** The city a city admin can go back to from a county. */
  city?: Region;
  county?: Region;
  township?: Region;
}

function resolveView(regions: Region[], own: string, params: URLSearchParams): View {
  const find = (code: string | null) => (code ? regions.find((r) => r.code === code) : undefined);
  const mine = find(own);
  if (!mine || mine.level === 'township' || mine.level === 'village')
    return { code: own, level: 'township', township: mine };
  const city = mine.level === 'city' ? mine : undefined;
  const county = mine.level === 'county' ? mine : find(params.get('county'));
  const inCity = county && county.level === 'county' && (!city || county.parentCode === city.code);
  if (!inCity) return { code: mine.code, level: 'city', city };
  const township = find(params.get('township'));
  return {
    code: county.code,
    level: 'county',
    city,
    county,
    township: township?.level === 'township' && township.parentCode === county.code ? township : undefined,
  };
}

export function DashboardPage() {
  const regions = useRequest(loadRegions, []);
  return (
    <div className="dash">
      <Loaded state={regions}>{(list) => <Dashboard regions={list} />}</Loaded>
    </div>
  );
}

function Dashboard({ regions }: { regions: Region[] }) {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const view = resolveView(regions, user.regionCode, params);
  const metrics = useRequest(
    () => api.get('/public/regions/:code/metrics', { params: { code: view.code } }),
    [view.code],
  );
  const focus = (FILTERS.includes(params.get('focus') ?? '') ? params.get('focus') : 'any') as ItemFilter;

  const go = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) merged.set(key, value);
    setParams(merged);
  };
  const countyParam = view.city ? view.county?.code : undefined;

  const crumbs = [
    ...(view.city
      ? [
          {
            title: view.county ? <Link to="/dashboard">{view.city.name}</Link> : view.city.name,
          },
        ]
      : []),
    ...(view.county ? [{ title: view.county.name }] : []),
    ...(view.level === 'township' && view.township ? [{ title: view.township.name }] : []),
  ];

  return (
    <>
      <div className="ds-toolbar">
        <h1>改革指标</h1>
      </div>
      <Breadcrumb items={crumbs} className="dash-crumbs" />
      <Typography.Paragraph type="secondary" className="dash-lead">
        按各乡镇（街道）已发布的事项计算，与群众门户公开的清单一致。目标：最多跑一次 ≥ 90%，网上可办 ≥ 80%，
        依申请事项进驻大厅 100%；承诺/法定时限越小表示时限压缩越多。
      </Typography.Paragraph>
      <Loaded state={metrics}>
        {(report) => (
          <Figures
            report={report}
            regions={regions}
            view={view}
            focus={focus}
            onCounty={(code) => go({ county: code })}
            onTownship={(code, metric) => go({ county: countyParam, township: code, focus: metric ?? focus })}
            onFocus={(metric) =>
              go({
                county: countyParam,
                township: view.level === 'township' ? undefined : view.township?.code,
                focus: metric,
              })
            }
            onClose={() => go({ county: countyParam })}
          />
        )}
      </Loaded>
    </>
  );
}

function Figures({
  report,
  regions,
  view,
  focus,
  onCounty,
  onTownship,
  onFocus,
  onClose,
}: {
  report: MetricsReport;
  regions: Region[];
  view: View;
  focus: ItemFilter;
  onCounty: (code: string) => void;
  onTownship: (code: string, metric?: MetricKey) => void;
  onFocus: (metric: ItemFilter) => void;
  onClose: () => void;
}) {
  const rows = useMemo((): MetricsRow[] => {
    const children = (parent: string, level: Region['level']) =>
      regions.filter((r) => r.parentCode === parent && r.level === level);
    if (view.level === 'city')
      return children(view.code, 'county').map((county) => {
        const townships = report.townships.filter((t) => t.regionCode.startsWith(county.code));
        return {
          ...combineMetrics(townships, county),
          publishing: publishing(townships),
          action: '查看各乡镇（街道）',
        };
      });
    if (view.level === 'county')
      return children(view.code, 'township').map((township) => {
        const metrics =
          report.townships.find((t) => t.regionCode === township.code) ?? emptyMetrics(township);
        return { ...metrics, action: metrics.itemCount > 0 ? '查看未达标的事项' : undefined };
      });
    return [report.rollup];
  }, [report, regions, view.code, view.level]);

  const charted = rows.filter((r) => r.itemCount > 0);
  const missing = rows.length - charted.length;
  const unit = view.level === 'city' ? '县（市、区）' : '乡镇（街道）';
  const select = (metric?: MetricKey) => (code: string) =>
    view.level === 'city'
      ? onCounty(code)
      : view.level === 'county'
        ? onTownship(code, metric)
        : onFocus(metric ?? 'any');
  const hint = view.level === 'city' ? '查看该县各乡镇' : '查看未达到该目标的事项';

  const shareBars = (key: (typeof SHARE_KEYS)[number]): Bar[] =>
    charted.map((r) => ({
      code: r.regionCode,
      name: r.regionName,
      value: r[key].share,
      missed: !r[key].met,
      tooltip: `${METRICS[key].label}：${percent(r[key].share)}（${r[key].count}/${r.itemCount}）<br/>目标 ${METRICS[key].goal}，${r[key].met ? '达标' : '<b>未达标</b>'}`,
    }));
  const ratioBars: Bar[] = charted.map((r) => ({
    code: r.regionCode,
    name: r.regionName,
    value: r.meanPromisedRatio ?? 0,
    tooltip: `承诺/法定时限：${ratio(r.meanPromisedRatio)}（${r.itemCount} 个事项的平均值）`,
  }));

  const total: MetricsRow =
    view.level === 'township'
      ? report.rollup
      : { ...report.rollup, publishing: publishing(report.townships) };
  const townshipName = view.township?.name ?? total.regionName;
  const items =
    view.level === 'township' ? (
      <MissingItems township={view.code} townshipName={townshipName} filter={focus} onFilter={onFocus} />
    ) : null;

  return (
    <>
      <Summary total={total} />
      {charted.length === 0 ? (
        <Typography.Paragraph>该地区尚无已发布的事项。</Typography.Paragraph>
      ) : view.level === 'township' ? (
        <Row gutter={[16, 16]} className="dash-charts">
          <Col xs={24} xl={14}>
            <Card size="small" title={`${total.regionName}：三项目标`}>
              <MetricChart
                title={`${total.regionName}三项改革目标的达成情况`}
                bars={SHARE_KEYS.map((key) => ({
                  code: key,
                  name: METRICS[key].label,
                  value: total[key].share,
                  missed: !total[key].met,
                  target: total[key].target,
                  tooltip: `${percent(total[key].share)}（${total[key].count}/${total.itemCount}），目标 ${METRICS[key].goal}`,
                }))}
                percentAxis
                onSelect={(key) => onFocus(key as MetricKey)}
                selectHint="在下方列出未达到该目标的事项"
              />
            </Card>
            <Typography.Paragraph type="secondary" className="dash-note">
              柱子为已达到的比例（蓝色达标、红色未达标），红色横线为目标。点击柱子在下方列出未达到该目标的事项。
            </Typography.Paragraph>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title="指标口径">
              <dl className="dash-definitions">
                {Object.values(METRICS).map((m) => (
                  <div key={m.key}>
                    <dt>
                      {m.label}（{m.key === 'promisedRatio' ? m.goal : `目标 ${m.goal}`}）
                    </dt>
                    <dd>{m.meaning}。</dd>
                  </div>
                ))}
              </dl>
            </Card>
          </Col>
        </Row>
      ) : (
        <>
          <Row gutter={[16, 16]} className="dash-charts">
            {SHARE_KEYS.map((key) => (
              <Col key={key} xs={24} xl={12}>
                <Card size="small" title={`${METRICS[key].label}（目标 ${METRICS[key].goal}）`}>
                  <MetricChart
                    title={`各${unit}${METRICS[key].label}占比`}
                    bars={shareBars(key)}
                    line={{ value: total[key].target, label: `目标 ${METRICS[key].goal}`, colour: '#a8071a' }}
                    percentAxis
                    onSelect={select(key)}
                    selectHint={hint}
                  />
                </Card>
              </Col>
            ))}
            <Col xs={24} xl={12}>
              <Card size="small" title="承诺/法定时限（越小越好）">
                <MetricChart
                  title={`各${unit}承诺办结时限与法定时限之比`}
                  bars={ratioBars}
                  line={{ value: 1, label: '= 法定时限', colour: '#595959' }}
                  percentAxis={false}
                  onSelect={select('promisedRatio')}
                  selectHint={hint}
                />
              </Card>
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" className="dash-note">
            蓝色柱子达到目标，红色柱子低于目标，虚线为目标。
            {`点击柱子或下表中的名称${hint}。`}
            {missing > 0 && `另有 ${missing} 个${unit}尚无已发布事项，未画入图中。`}
          </Typography.Paragraph>
        </>
      )}
      <MetricsTable
        caption={
          view.level === 'city'
            ? `各县（市、区）指标（由所辖乡镇汇总）`
            : view.level === 'county'
              ? `${total.regionName}各乡镇（街道）指标`
              : `${total.regionName}指标`
        }
        rows={rows}
        total={total}
        regionHeader={view.level === 'city' ? '县（市、区）' : '乡镇（街道）'}
        selected={view.township?.code}
        onSelect={select()}
      />
      {items && <div className="dash-items-inline">{items}</div>}
      {view.level === 'county' && (
        <Drawer
          open={view.township !== undefined}
          onClose={onClose}
          width="min(1100px, 94vw)"
          title={view.township ? `${view.township.name} · 事项明细` : undefined}
          destroyOnClose
        >
          {view.township && (
            <MissingItems
              township={view.township.code}
              townshipName={view.township.name}
              filter={focus}
              onFilter={onFocus}
            />
          )}
        </Drawer>
      )}
    </>
  );
}

/** The region's own figures at a glance: its townships that publish, the three targets and the time ratio. */
function Summary({ total }: { total: MetricsRow }) {
  const shown = total.publishing;
  const publishingCard = shown ? (
    <Col flex="1 1 220px">
      <Card size="small">
        <Statistic
          title="发布事项的乡镇"
          value={shown.total === 0 ? '—' : percent(shown.count / shown.total)}
          valueStyle={{ color: shown.count === shown.total ? '#3f8600' : '#cf1322' }}
        />
        <div className="dash-summary-foot">
          {publishingText(shown)}{' '}
          {shown.count === shown.total ? (
            <Tag color="success">全部发布</Tag>
          ) : (
            <Tag color="error">{shown.total - shown.count} 个乡镇未发布</Tag>
          )}
        </div>
      </Card>
    </Col>
  ) : null;
  if (total.itemCount === 0) return <Row className="dash-summary">{publishingCard}</Row>;
  return (
    <Row gutter={[16, 16]} className="dash-summary">
      {publishingCard}
      {SHARE_KEYS.map((key) => (
        <Col key={key} flex="1 1 220px">
          <Card size="small">
            <Statistic
              title={`${METRICS[key].label}（目标 ${METRICS[key].goal}）`}
              value={percent(total[key].share)}
              valueStyle={{ color: total[key].met ? '#3f8600' : '#cf1322' }}
            />
            <div className="dash-summary-foot">
              {total[key].count}/{total.itemCount} 个事项{' '}
              {total[key].met ? <Tag color="success">达标</Tag> : <Tag color="error">未达标</Tag>}
            </div>
          </Card>
        </Col>
      ))}
      <Col flex="1 1 220px">
        <Card size="small">
          <Statistic title="承诺/法定时限（平均）" value={ratio(total.meanPromisedRatio)} />
          <div className="dash-summary-foot">
            {total.regionName} · {total.itemCount} 个已发布事项
          </div>
        </Card>
      </Col>
    </Row>
  );
}
