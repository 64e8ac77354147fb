import type { ChangeEntry } from '@oneseal/schemas';
import { codeLabel } from '@oneseal/schemas';
import { useRequest } from '@oneseal/runtime/web';
import { Link } from 'react-router-dom';
import { api } from '../api';
import { Loaded } from './Status';

/** "2026年12月3日" in China time, as a notice board dates things. */
function chinaDate(iso: string): string {
  const day = new Date(iso).toLocaleDateString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
  return day;
}

function Change({ entry, showRegion }: { entry: ChangeEntry; showRegion: boolean }) {
  // An item taken off the list has no page to open; a base item is not a township's page.
  const linked = entry.kind === 'publish' && entry.regionCode.length === 9;
  const name = linked ? (
    <Link to={`/regions/${entry.regionCode}/items/${entry.itemCode}`}>{entry.itemName}</Link>
  ) : (
    entry.itemName
  );
  return (
    <li className="os-change">
      <p className="os-change-head">
        <span className={`os-change-kind os-change-${entry.kind}`}>
          {codeLabel('ChangeKind', entry.kind)}
        </span>
        {name}
      </p>
      <p className="os-muted">
        {[
          showRegion ? entry.regionName : undefined,
          chinaDate(entry.at),
          entry.effectiveDate ? `${entry.effectiveDate} 生效` : undefined,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {entry.summary.length > 0 ? (
        <ul className="os-change-lines">
          {entry.summary.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      <p className="os-change-reason">理由：{entry.reason}</p>
    </li>
  );
}

/**
 * 最近变更: the latest publications, withdrawals and cancellations (政务公开) of a region — a township, or
 * everywhere when no region is given — with what changed and why, and the region's Atom feed to subscribe to.
 */
export function RecentChanges({ region, limit = 5 }: { region?: string; limit?: number }) {
  const changes = useRequest(() => api.changes(region, limit), [region, limit]);
  return (
    <section className="os-changes" aria-labelledby="os-changes-title">
      <h2 id="os-changes-title">最近变更</h2>
      <Loaded state={changes}>
        {(page) =>
          page.entries.length === 0 ? (
            <p className="os-muted">暂无变更记录</p>
          ) : (
            <ul className="os-change-list">
              {page.entries.map((entry) => (
                <Change key={entry.eventId} entry={entry} showRegion={!region} />
              ))}
            </ul>
          )
        }
      </Loaded>
      {region ? (
        <p className="os-muted">
          <a href={`/api/public/regions/${region}/changes.atom`}>订阅变更（Atom）</a>
        </p>
      ) : null}
    </section>
  );
}
