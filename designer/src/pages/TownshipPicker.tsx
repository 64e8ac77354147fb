import { Tree } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useUser } from '../shell/auth';
import { Loaded } from '../shell/Loaded';
import { loadRegions, scopedTree } from '../shell/regions';
import { useRequest } from '@oneseal/runtime/web';

/** The regions a user may work in, as a tree; choosing a township opens its list. */
export function TownshipPicker() {
  const user = useUser();
  const navigate = useNavigate();
  const regions = useRequest(loadRegions, []);
  return (
    <div className="ds-page">
      <div className="ds-toolbar">
        <h1>选择乡镇（街道）</h1>
      </div>
      <Loaded state={regions}>
        {(all) => (
          <Tree
            showLine
            defaultExpandedKeys={[user.regionCode]}
            treeData={scopedTree(all, user)}
            onSelect={(_keys, { node }) => {
              if ((node as { level?: string }).level === 'township')
                navigate(`/townships/${node.key as string}`);
            }}
          />
        )}
      </Loaded>
    </div>
  );
}
