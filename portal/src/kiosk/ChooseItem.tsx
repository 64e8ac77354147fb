import { Empty } from 'antd';
import { useParams } from 'react-router-dom';
import { useRequest } from '@oneseal/runtime/web';
import { api } from '../api';
import { Loaded } from '../pages/Status';
import { ServiceTags } from '../pages/Tags';
import { itemCategories } from './categories';
import { countyOf, townshipItems } from './data';
import { KIOSK_HOME, KioskScreen, Tile } from './KioskScreen';

/** The township's name and its whole published list, for the two screens that choose an item. */
function useTownship(region: string) {
  const township = useRequest(async () => (await api.regions()).find((r) => r.code === region), [region]);
  const items = useRequest(() => townshipItems(region), [region]);
  return { township: township.data, items };
}

/** A township's items by category: the 事项类型 the model gives each item, with how many there are. */
export function ChooseCategory() {
  const { region = '' } = useParams();
  const { township, items } = useTownship(region);
  return (
    <KioskScreen
      heading="请选择事项类别"
      lead={township?.name}
      back={`${KIOSK_HOME}/counties/${countyOf(township ?? { code: region })}`}
    >
      <Loaded state={items}>
        {(list) =>
          list.length === 0 ? (
            <Empty description="该乡镇（街道）尚未发布事项清单" />
          ) : (
            <div className="kiosk-grid kiosk-grid-2">
              {itemCategories(list).map((c) => (
                <Tile
                  key={c.key}
                  to={`${KIOSK_HOME}/regions/${region}/types/${c.key}`}
                  title={c.label}
                  detail={`${c.items.length} 项`}
                />
              ))}
            </div>
          )
        }
      </Loaded>
    </KioskScreen>
  );
}

/** The items of one category, each a tile with its service tags and how often one has to come. */
export function ChooseItem() {
  const { region = '', type = '' } = useParams();
  const { township, items } = useTownship(region);
  const category = items.data && itemCategories(items.data).find((c) => c.key === type);
  return (
    <KioskScreen
      heading={category?.label ?? '请选择事项'}
      lead={township ? `${township.name} · 请点选要办理的事项` : undefined}
      back={`${KIOSK_HOME}/regions/${region}`}
    >
      <Loaded state={items}>
        {() =>
          !category ? (
            <Empty description="该类别没有事项" />
          ) : (
            <div className="kiosk-grid kiosk-grid-1">
              {category.items.map((item) => (
                <Tile
                  key={item.code}
                  to={`${KIOSK_HOME}/regions/${region}/items/${item.code}`}
                  title={item.name}
                  detail={
                    <>
                      <ServiceTags tags={item.tags} />
                      {item.visits === undefined ? null : <span>最多跑 {item.visits} 次</span>}
                    </>
                  }
                />
              ))}
            </div>
          )
        }
      </Loaded>
    </KioskScreen>
  );
}
