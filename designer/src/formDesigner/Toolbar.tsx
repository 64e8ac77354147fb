import { RedoOutlined, UndoOutlined, WarningOutlined } from '@ant-design/icons';
import { Badge, Button, Popover, Segmented, Space, Tooltip } from 'antd';
import type { FormIssue } from './formIssues';
import { IssueList } from './JsonView';
import type { History } from './useHistory';

export type View = 'design' | 'json';

/** Undo, redo, the visual or JSON view, the field count and the form's problems. */
export function Toolbar({
  history,
  view,
  onView,
  count,
  issues,
  onPick,
}: {
  history: Pick<History<unknown>, 'undo' | 'redo' | 'canUndo' | 'canRedo'>;
  view: View;
  onView: (view: View) => void;
  count: number;
  issues: FormIssue[];
  onPick: (pointer: string) => void;
}) {
  const errors = issues.filter((i) => i.severity !== 'warning').length;
  return (
    <div className="fd-toolbar" role="toolbar" aria-label="表单设计工具栏">
      <Space size="small">
        <Tooltip title="撤销（Ctrl+Z）">
          <Button
            icon={<UndoOutlined />}
            onClick={history.undo}
            disabled={!history.canUndo}
            aria-keyshortcuts="Control+Z"
          >
            撤销
          </Button>
        </Tooltip>
        <Tooltip title="重做（Ctrl+Shift+Z 或 Ctrl+Y）">
          <Button
            icon={<RedoOutlined />}
            onClick={history.redo}
            disabled={!history.canRedo}
            aria-keyshortcuts="Control+Shift+Z Control+Y"
          >
            重做
          </Button>
        </Tooltip>
      </Space>
      <Segmented
        value={view}
        onChange={(v) => onView(v as View)}
        options={[
          { value: 'design', label: '可视化设计' },
          { value: 'json', label: '代码' },
        ]}
        aria-label="编辑方式"
      />
      <span className="fd-count">共 {count} 个字段</span>
      {issues.length > 0 ? (
        <Popover
          trigger="click"
          title="表单问题"
          content={<IssueList issues={issues} onPick={onPick} />}
          placement="bottomRight"
        >
          <Badge count={issues.length} color={errors > 0 ? 'red' : 'orange'} size="small">
            <Button icon={<WarningOutlined />} danger={errors > 0}>
              问题
            </Button>
          </Badge>
        </Popover>
      ) : null}
    </div>
  );
}
