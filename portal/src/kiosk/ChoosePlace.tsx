import { Empty } from 'antd';
import { useParams } from 'react-router-dom';
import { useRequest } from '@oneseal/runtime/web';
import { api } from '../api';
import { Loaded } from '../pages/Status';
import { countyOf } from './data';
import { KIOSK_HOME, KioskScreen, Tile } from './KioskScreen';

/** The start screen: the counties of Guilin. */
export function ChooseCounty() {
  const regions = useRequest(() => api.regions(), []);
  return (
    <KioskScreen heading="请选择县（市、区）" lead="点一下您要办事的地方，查看办事指南、打印一次性告知单。">
      <Loaded state={regions}>
        {(list) => (
          <div className="kiosk-grid kiosk-grid-2">
            {list
              .filter((r) => r.level === 'county')
              .map((county) => (
                <Tile key={county.code} to={`${KIOSK_HOME}/counties/${county.code}`} title={county.name} />
              ))}
          </div>
        )}
      </Loaded>
    </KioskScreen>
  );
}

/** The townships (streets) of one county. */
export function ChooseTownship() {
  const { county = '' } = useParams();
  const regions = useRequest(() => api.regions(), []);
  const name = regions.data?.find((r) => r.code === county)?.name;
  return (
    <KioskScreen heading="请选择乡镇（街道）" lead={name} back={KIOSK_HOME}>
      <Loaded state={regions}>
        {(list) => {
          const townships = list.filter((r) => r.level === 'township' && countyOf(r) === county);
          return townships.length === 0 ? (
            <Empty description="该县（市、区）没有乡镇（街道）" />
          ) : (
            <div className="kiosk-grid kiosk-grid-3">
              {townships.map((t) => (
                <Tile key={t.code} to={`${KIOSK_HOME}/regions/${t.code}`} title={t.name} />
              ))}
            </div>
          );
        }}
      </Loaded>
    </KioskScreen>
  );
}
