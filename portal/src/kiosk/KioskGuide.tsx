import { serviceTags } from '@oneseal/schemas';
import { Button } from 'antd';
import { useParams } from 'react-router-dom';
import { GuideSections, guideSections, useRequest } from '@oneseal/runtime/web';
import { api, documentUrl } from '../api';
import { Loaded } from '../pages/Status';
import { ServiceTags } from '../pages/Tags';
import { UNTYPED } from './categories';
import { KIOSK_HOME, KioskLink, KioskScreen } from './KioskScreen';

/** The browser's print dialog; a terminal started with --kiosk-printing sends it to its printer at once. */
export const printPage = () => window.print();

/** One item's 办事指南 on screen, the same sections the portal and the printed guide show; printed as it stands. */
export function KioskGuide() {
  const { region = '', item: code = '' } = useParams();
  const state = useRequest(() => api.item(region, code), [region, code]);
  const item = state.data;
  return (
    <KioskScreen
      heading={item ? item.name : '办事指南'}
      lead={item ? [item.regionName, item.implementingBody?.name].filter(Boolean).join(' · ') : undefined}
      back={`${KIOSK_HOME}/regions/${region}/types/${item?.type ?? UNTYPED}`}
    >
      <Loaded state={state}>
        {(item) => (
          <>
            <p className="kiosk-doc-kind">办事指南</p>
            <ServiceTags tags={serviceTags(item)} />
            <p className="kiosk-muted">
              第 {item.version} 版{item.effectiveDate ? `，${item.effectiveDate} 起施行` : ''}
            </p>
            <div className="kiosk-actions">
              <Button type="primary" size="large" onClick={printPage}>
                打印办事指南
              </Button>
              <KioskLink
                to={`${KIOSK_HOME}/regions/${region}/items/${code}/notice`}
                className="kiosk-action-link"
              >
                一次性告知单
              </KioskLink>
            </div>
            <div className="kiosk-document">
              <GuideSections
                sections={guideSections(item, { hasFlowchart: (item.process ?? []).length > 0 })}
                flowchart={documentUrl.item(region, item.code, 'flowchart.svg')}
                flowchartLink={false}
              />
            </div>
          </>
        )}
      </Loaded>
    </KioskScreen>
  );
}
