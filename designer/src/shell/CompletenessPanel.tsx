import type { Completeness } from '@oneseal/schemas';
import { Card, List, Progress, Tag } from 'antd';

/**
 * How much of the national element set the entry states, and what it leaves unstated. Each is a warning to find
 * out, never an error: a guide that does not say something is published saying nothing about it.
 */
export function CompletenessPanel({ completeness }: { completeness?: Completeness }) {
  if (!completeness)
    return (
      <Card size="small" className="ds-completeness" title="完整度">
        <span className="ds-muted">先改正检查结果中的错误，再计算完整度</span>
      </Card>
    );
  const percent = Math.round(completeness.score * 100);
  return (
    <Card
      size="small"
      className="ds-completeness"
      title={
        <span role="status">
          完整度 {percent}%{' '}
          <Tag>
            载明 {completeness.stated}/{completeness.total} 项基本要素
          </Tag>
        </span>
      }
    >
      <Progress percent={percent} size="small" showInfo={false} aria-hidden />
      <List
        size="small"
        dataSource={completeness.missing}
        locale={{ emptyText: '基本要素均已载明' }}
        renderItem={(m) => (
          <List.Item>
            <span>
              未载明 <strong>{m.label}</strong>
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
