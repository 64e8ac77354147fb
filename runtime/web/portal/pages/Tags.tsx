import { Tag } from 'antd';

const COLORS: Record<string, string> = { 马上办: 'red', 网上办: 'blue', 就近办: 'green', 一次办: 'gold' };

/** The service tags (马上办 / 网上办 / 就近办 / 一次办), derived by the model from each item. */
export function ServiceTags({ tags }: { tags: readonly string[] }) {
  return (
    <span className="os-tags">
      {tags.map((t) => (
        <Tag key={t} color={COLORS[t]}>
          {t}
        </Tag>
      ))}
    </span>
  );
}

export const SERVICE_TAG_NAMES = Object.keys(COLORS);
