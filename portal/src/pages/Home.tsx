import { Collapse, Empty, Input, List } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Region } from '@oneseal/schemas';
import { api } from '../api';
import { useRequest } from '@oneseal/runtime/web';
import { RecentChanges } from './RecentChanges';
import { Loaded } from './Status';

const LAST = 'oneseal.lastTownship';

/** Remembers the township a person last chose, so the next visit starts there. */
export function rememberTownship(region: Region) {
  localStorage.setItem(LAST, JSON.stringify({ code: region.code, name: region.name }));
}

function TownshipLink({ region }: { region: Region }) {
  return (
    <Link className="os-township" to={`/regions/${region.code}`} onClick={() => rememberTownship(region)}>
      {region.name}
    </Link>
  );
}

/** Choose a township: by name or pinyin (the server matches 全拼 and 首字母), or county by county. */
export function Home() {
  const all = useRequest(() => api.regions(), []);
  const [q, setQ] = useState('');
  const found = useRequest(() => (q.trim() ? api.regions(q.trim()) : Promise.resolve([])), [q]);
  const last = useMemo(() => {
    try {
      return JSON.parse(localStorage.getItem(LAST) ?? 'null') as { code: string; name: string } | null;
    } catch {
      return null;
    }
  }, []);
  return (
    <div className="os-page">
      <h1>选择您所在的乡镇（街道）</h1>
      <p className="os-lead">查看办事指南、需要带哪些材料，并在网上提交申请。</p>
      {last ? (
        <p>
          上次选择：<Link to={`/regions/${last.code}`}>{last.name}</Link>
        </p>
      ) : null}
      <Input.Search
        size="large"
        allowClear
        placeholder="输入乡镇名称或拼音，如 阳朔 或 ys"
        aria-label="搜索乡镇（名称或拼音）"
        onSearch={setQ}
        onChange={(e) => setQ(e.target.value)}
        value={q}
      />
      {q.trim() ? (
        <Loaded state={found}>
          {(regions) => {
            const townships = regions.filter((r) => r.level === 'township');
            return townships.length === 0 ? (
              <Empty description="没有找到这个乡镇" />
            ) : (
              <List
                aria-label="搜索结果"
                dataSource={townships}
                renderItem={(r) => (
                  <List.Item>
                    <TownshipLink region={r} />
                    <span className="os-muted">{all.data?.find((c) => c.code === r.parentCode)?.name}</span>
                  </List.Item>
                )}
              />
            );
          }}
        </Loaded>
      ) : (
        <Loaded state={all}>
          {(regions) => (
            <Collapse
              className="os-counties"
              items={regions
                .filter((r) => r.level === 'county')
                .map((county) => ({
                  key: county.code,
                  label: county.name,
                  children: (
                    <div className="os-township-grid">
                      {regions
                        .filter((r) => r.parentCode === county.code && r.level === 'township')
                        .map((t) => (
                          <TownshipLink key={t.code} region={t} />
                        ))}
                    </div>
                  ),
                }))}
            />
          )}
        </Loaded>
      )}
      <RecentChanges />
    </div>
  );
}
