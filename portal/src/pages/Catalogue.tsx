import { Button, Card, Checkbox, Empty, Input, List, Segmented } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api';
import { useRequest } from '@oneseal/runtime/web';
import { RecentChanges } from './RecentChanges';
import { Loaded } from './Status';
import { SERVICE_TAG_NAMES, ServiceTags } from './Tags';

/** A township's published catalogue: search, tags, 一件事, and several items chosen for one application. */
export function Catalogue() {
  const { region = '' } = useParams();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [tag, setTag] = useState('全部');
  const [chosen, setChosen] = useState<string[]>([]);
  const township = useRequest(async () => (await api.regions()).find((r) => r.code === region), [region]);
  const items = useRequest(
    () => api.items(region, { q: q.trim() || undefined, tag: tag === '全部' ? undefined : tag }),
    [region, q, tag],
  );
  const bundles = useRequest(() => api.bundles(), []);
  const toggle = (code: string, on: boolean) =>
    setChosen((list) => (on ? [...list, code] : list.filter((c) => c !== code)));

  return (
    <div className="os-page">
      <p className="os-breadcrumb">
        <Link to="/">选择乡镇</Link> / {township.data?.name ?? region}
      </p>
      <h1>{township.data?.name ?? '乡镇'}政务服务事项</h1>
      <Input.Search
        size="large"
        allowClear
        placeholder="搜索事项，如 宅基地、低保、zjd"
        aria-label="搜索事项（名称、别名或拼音）"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={setQ}
      />
      <Segmented
        className="os-tag-filter"
        aria-label="按服务方式筛选"
        options={['全部', ...SERVICE_TAG_NAMES]}
        value={tag}
        onChange={(v) => setTag(String(v))}
      />
      <Loaded state={bundles}>
        {(list) =>
          list.length > 0 && !q ? (
            <section aria-label="一件事" className="os-bundles">
              <h2>一件事 · 一次办好</h2>
              <div className="os-bundle-grid">
                {list.map((b) => (
                  <Card key={b.code} size="small" title={b.name}>
                    <p>{b.description}</p>
                    <Link to={`/regions/${region}/bundles/${b.code}`}>回答几个问题，一表申请 →</Link>
                  </Card>
                ))}
              </div>
            </section>
          ) : null
        }
      </Loaded>
      <Loaded state={items}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty description={q ? '没有找到相关事项' : '该乡镇尚未发布事项清单'} />
          ) : (
            <>
              <p className="os-muted" aria-live="polite">
                共 {page.total} 项
              </p>
              <List
                className="os-items"
                dataSource={page.items}
                renderItem={(item) => (
                  <List.Item
                    actions={[
                      <Checkbox
                        key="choose"
                        checked={chosen.includes(item.code)}
                        disabled={!item.online}
                        onChange={(e) => toggle(item.code, e.target.checked)}
                        aria-label={`选择“${item.name}”一起申请`}
                      >
                        一起申请
                      </Checkbox>,
                    ]}
                  >
                    <List.Item.Meta
                      title={<Link to={`/regions/${region}/items/${item.code}`}>{item.name}</Link>}
                      description={
                        <>
                          <ServiceTags tags={item.tags} />
                          <span className="os-muted">
                            {/* What the item states; an unstated body or number of visits prints nothing. */}
                            {[
                              item.implementingBody,
                              item.visits === undefined ? undefined : `最多跑 ${item.visits} 次`,
                            ]
                              .filter(Boolean)
                              .join(' · ')}
                          </span>
                        </>
                      }
                    />
                  </List.Item>
                )}
              />
            </>
          )
        }
      </Loaded>
      <RecentChanges region={region} />
      {chosen.length > 0 ? (
        <div className="os-chosen-bar" role="region" aria-label="已选事项">
          <span>已选 {chosen.length} 项</span>
          <Button onClick={() => setChosen([])}>清空</Button>
          <Button
            type="primary"
            onClick={() => navigate(`/regions/${region}/apply?items=${chosen.join(',')}`)}
          >
            一表申请
          </Button>
        </div>
      ) : null}
    </div>
  );
}
