import type { Field, GeneralField } from '@formily/core';
import { observer, useField } from '@formily/react';
import { Input } from 'antd';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';

/** A titled group of fields (an object of the model, or one card of a repeatable list). */
export const Fieldset = observer(
  ({
    title,
    required,
    help,
    children,
  }: {
    title?: string;
    required?: boolean;
    /** The model's description of the group, in small print under its title. */
    help?: string;
    children?: ReactNode;
  }) => {
    const field = useField() as GeneralField;
    const heading = title ?? (typeof field.title === 'string' ? field.title : undefined);
    // Findings about the group as a whole (a promised limit above the statutory one) show under its title.
    const { selfErrors = [], selfWarnings = [] } = field as Field;
    return (
      <fieldset className="ds-fieldset">
        {heading ? (
          <legend>
            {required ? <span className="ds-required">*</span> : null}
            {heading}
          </legend>
        ) : null}
        {help ? <div className="ds-fieldset-help">{help}</div> : null}
        {selfErrors.map((m) => (
          <div key={m} className="ds-fieldset-error" role="alert">
            {m}
          </div>
        ))}
        {selfWarnings.map((m) => (
          <div key={m} className="ds-fieldset-warning">
            {m}
          </div>
        ))}
        {children}
      </fieldset>
    );
  },
);

/** Move and remove buttons of a card in a repeatable list. */
export const RowTools = ({ children }: { children?: ReactNode }) => (
  <div className="ds-row-tools">{children}</div>
);

/** A list of short texts, one per line (申请条件、关键词 …). Empty lines are dropped. */
export function Lines(props: { value?: string[]; onChange?: (value: string[]) => void; long?: boolean }) {
  const [text, setText] = useState((props.value ?? []).join('\n'));
  useEffect(() => {
    // Keep what the editor is typing (blank lines included) unless the value changed from outside.
    setText((current) =>
      current
        .split('\n')
        .filter((l) => l.trim())
        .join('\n') === (props.value ?? []).join('\n')
        ? current
        : (props.value ?? []).join('\n'),
    );
  }, [props.value]);
  return (
    <Input.TextArea
      value={text}
      autoSize={{ minRows: props.long ? 3 : 2, maxRows: 12 }}
      placeholder="每行一项"
      onChange={(e) => {
        setText(e.target.value);
        props.onChange?.(
          e.target.value
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean),
        );
      }}
    />
  );
}

/** Anything the form cannot lay out (a condition, a value of several shapes) as JSON; applied once it parses. */
export function JsonField(props: { value?: unknown; onChange?: (value: unknown) => void }) {
  const [text, setText] = useState(() =>
    props.value === undefined ? '' : JSON.stringify(props.value, null, 2),
  );
  const [error, setError] = useState<string>();
  return (
    <>
      <Input.TextArea
        className="ds-json"
        value={text}
        status={error ? 'error' : undefined}
        autoSize={{ minRows: 2, maxRows: 14 }}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value.trim()) {
            setError(undefined);
            props.onChange?.(undefined);
            return;
          }
          try {
            props.onChange?.(JSON.parse(e.target.value));
            setError(undefined);
          } catch {
            setError('不是合法的 JSON，尚未应用');
          }
        }}
      />
      {error ? <div className="ds-json-error">{error}</div> : null}
    </>
  );
}
