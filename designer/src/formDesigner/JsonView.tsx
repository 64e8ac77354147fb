import { CheckCircleOutlined } from '@ant-design/icons';
import type { ItemForm } from '@oneseal/schemas';
import { Alert, Button, Input, Space } from 'antd';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FormIssue } from './formIssues';
import { checkFormJson } from './validateForm';

const pretty = (form: ItemForm) => JSON.stringify(form, null, 2);

export function IssueList({ issues, onPick }: { issues: FormIssue[]; onPick?: (pointer: string) => void }) {
  return (
    <ul className="fd-issues">
      {issues.map((issue, i) => (
        <li key={i} className={issue.severity === 'warning' ? 'fd-issue-warning' : 'fd-issue-error'}>
          {onPick && issue.path ? (
            <button type="button" className="fd-link" onClick={() => onPick(issue.path)}>
              <code>{issue.path}</code>
            </button>
          ) : (
            <code>{issue.path || '（整个表单）'}</code>
          )}{' '}
          {issue.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * The whole form as JSON, editable. What is typed is checked against the item-form schema as it is typed; only a
 * form that passes is applied, and only when the editor says so.
 */
export function JsonView({
  value,
  onApply,
  onPick,
}: {
  value: ItemForm;
  onApply: (form: ItemForm) => void;
  onPick?: (pointer: string) => void;
}) {
  const [text, setText] = useState(() => pretty(value));
  const shownValue = useRef(value);
  const id = useId();
  const dirty = text !== pretty(value);
  useEffect(() => {
    // A change made elsewhere (the canvas, undo) shows here unless the editor is in the middle of typing.
    if (value !== shownValue.current) {
      if (text === pretty(shownValue.current)) setText(pretty(value));
      shownValue.current = value;
    }
  }, [value, text]);
  const check = useMemo(() => checkFormJson(text), [text]);
  const apply = () => {
    if (!check.ok) return;
    onApply(check.form);
    setText(pretty(check.form));
  };
  return (
    <section className="fd-json" aria-label="代码视图">
      <div className="fd-json-bar">
        <label htmlFor={id} className="fd-panel-title">
          申请表 JSON（Formily JSON Schema 受限子集）
        </label>
        <Space>
          <Button onClick={() => setText(pretty(value))} disabled={!dirty}>
            放弃修改
          </Button>
          <Button type="primary" onClick={apply} disabled={!dirty || !check.ok}>
            应用
          </Button>
        </Space>
      </div>
      <Input.TextArea
        id={id}
        className="fd-mono fd-json-text"
        value={text}
        spellCheck={false}
        autoSize={{ minRows: 18, maxRows: 40 }}
        status={check.ok ? undefined : 'error'}
        aria-invalid={!check.ok}
        aria-describedby={`${id}-status`}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') apply();
        }}
      />
      <div id={`${id}-status`} aria-live="polite">
        {check.ok ? (
          <p className="fd-ok">
            <CheckCircleOutlined /> 符合申请表规范{dirty ? '，点击“应用”（Ctrl+Enter）替换当前表单' : ''}
          </p>
        ) : (
          <Alert
            type="error"
            showIcon
            message={`有 ${check.issues.length} 处问题，修改后才能应用`}
            description={<IssueList issues={check.issues} onPick={dirty ? undefined : onPick} />}
          />
        )}
        {check.ok && check.issues.length > 0 ? (
          <Alert type="warning" showIcon message="提醒" description={<IssueList issues={check.issues} />} />
        ) : null}
      </div>
    </section>
  );
}
