import { isOnlineAvailable, serviceTags } from '@oneseal/schemas';
import { Alert, Button, Space } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { GuideSections, guideSections, useRequest } from '@oneseal/runtime/web';
import { api, documentUrl } from '../api';

import { Loaded } from './Status';
import { ServiceTags } from './Tags';

/** One item: what it is, what to bring, how it is handled, the printable guide and notice, 在线申请 and 预约办理. */
export function ItemPage() {
  const { region = '', item: code = '' } = useParams();
  const state = useRequest(() => api.item(region, code), [region, code]);
  return (
    <div className="os-page">
      <Loaded state={state}>
        {(item) => (
          <>
            <p className="os-breadcrumb">
              <Link to="/">选择乡镇</Link> / <Link to={`/regions/${region}`}>{item.regionName}</Link> /{' '}
              {item.name}
            </p>
            <h1>{item.name}</h1>
            <ServiceTags tags={serviceTags(item)} />
            <p className="os-muted">
              {[item.implementingBody?.name, `第 ${item.version} 版`].filter(Boolean).join(' · ')}
              {item.effectiveDate ? `，${item.effectiveDate} 起施行` : ''}
            </p>
            <Space wrap className="os-actions">
              {isOnlineAvailable(item) ? (
                <Link to={`/regions/${region}/apply?items=${item.code}`}>
                  <Button type="primary" size="large">
                    在线申请
                  </Button>
                </Link>
              ) : null}
              <Link to={`/regions/${region}/items/${item.code}/booking`}>
                <Button size="large">预约办理</Button>
              </Link>
              <Button href={documentUrl.item(region, item.code, 'guide.pdf')} target="_blank">
                办事指南（PDF）
              </Button>
              <Button href={documentUrl.item(region, item.code, 'notice.pdf')} target="_blank">
                一次性告知单（PDF）
              </Button>
              <Button href={documentUrl.item(region, item.code, 'blank-form.pdf')} target="_blank">
                纸质申请表（PDF）
              </Button>
            </Space>
            {/* Only an item that says it is not handled online is sent to the window; unstated says nothing. */}
            {item.online && !isOnlineAvailable(item) ? (
              <Alert
                type="info"
                showIcon
                message="该事项需到窗口办理"
                description={item.place ? `办理地点：${item.place}` : undefined}
              />
            ) : null}
            <GuideSections
              sections={guideSections(item, { hasFlowchart: (item.process ?? []).length > 0 })}
              flowchart={documentUrl.item(region, item.code, 'flowchart.svg')}
            />
          </>
        )}
      </Loaded>
    </div>
  );
}
