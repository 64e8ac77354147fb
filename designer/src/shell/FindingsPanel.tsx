import type { Finding, ValidationIssue } from '@oneseal/schemas';
import { Card, List, Tag, Typography } from 'antd';

/** A message of the model about a document: a schema error, or a rule's finding (error or warning). */
export type Issue = Pick<Finding, 'path' | 'message' | 'severity'> & { rule?: string };

export const asIssues = (errors: readonly ValidationIssue[]): Issue[] =>
  errors.map((e) => ({ ...e, severity: 'error' }));

/**
 * The model's findings about the document being edited, errors first, each with the place it is about in the
 * editor's words (`place`, from the model's titles) rather than as a JSON path.
 */
export function FindingsPanel({
  issues,
  ready = '可以提交',
  place,
}: {
  issues: Issue[];
  ready?: string;
  place: (pointer: string) => string;
}) {
  const errors = issues.filter((f) => f.severity === 'error');
  const warnings = issues.filter((f) => f.severity === 'warning');
  return (
    <Card
      size="small"
      className="ds-findings"
      title={
        <span role="status">
          检查结果{' '}
          {errors.length > 0 ? (
            <Tag color="error">{errors.length} 个错误</Tag>
          ) : (
            <Tag color="success">{ready}</Tag>
          )}
          {warnings.length > 0 ? <Tag color="warning">{warnings.length} 个提醒</Tag> : null}
        </span>
      }
    >
      <List
        size="small"
        dataSource={[...errors, ...warnings]}
        locale={{ emptyText: '没有发现问题' }}
        renderItem={(f) => (
          <List.Item>
            <span>
              <Typography.Text type={f.severity === 'error' ? 'danger' : 'warning'} strong>
                {f.severity === 'error' ? '错误' : '提醒'}
              </Typography.Text>{' '}
              <span className="ds-place">{place(f.path)}：</span>
              {f.message}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
