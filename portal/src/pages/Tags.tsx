import { Tag } from 'antd';

// Dark text on a light ground (contrast ≥ 4.5:1); antd's preset tag colours are too pale to read.
const COLORS: Record<string, { color: string; background: string; borderColor: string }> = {
  马上办: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  网上办: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  就近办: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  一次办: { color: '#613400', background: '#fffbe6', borderColor: '#ffe58f' },
};

/** The service tags (马上办 / 网上办 / 就近办 / 一次办), derived by the model from each item. */
export function ServiceTags({ tags }: { tags: readonly string[] }) {
  return (
    <span className="os-tags">
      {tags.map((t) => (
        <Tag key={t} style={COLORS[t]}>
          {t}
        </Tag>
      ))}
    </span>
  );
}

export const SERVICE_TAG_NAMES = Object.keys(COLORS);
