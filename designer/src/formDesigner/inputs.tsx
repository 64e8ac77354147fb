import { Form, Input, InputNumber } from 'antd';
import type { ReactNode } from 'react';
import { useEffect, useId, useState } from 'react';

/** A heading between groups of properties. */
export const Heading = ({ children }: { children: ReactNode }) => (
  <h3 className="fd-prop-heading">{children}</h3>
);

/** A labelled row of the property panel; `children` gets the id its label points at. */
export function Prop({
  label,
  help,
  problem,
  children,
}: {
  label: ReactNode;
  help?: ReactNode;
  problem?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <Form.Item
      label={label}
      htmlFor={id}
      validateStatus={problem ? 'error' : undefined}
      help={problem ?? help}
      className="fd-prop"
    >
      {children(id)}
    </Form.Item>
  );
}

interface DraftTextProps {
  id: string;
  value: string | undefined;
  /** Receives the text once it passes `check` (undefined for an emptied box). */
  onCommit: (value: string | undefined) => void;
  check?: (value: string) => string | undefined;
  /** Shows the problem `check` found (the row's own label shows it). */
  onProblem?: (problem: string | undefined) => void;
  multiline?: boolean;
  placeholder?: string;
  maxLength?: number;
  /** Take the text on leaving the box or Enter, not on every keystroke (for keys, which rename). */
  commitOnBlur?: boolean;
  monospace?: boolean;
  /** The accessible name where no label points at the box. */
  ariaLabel?: string;
}

/**
 * A text box that keeps what is being typed while it is not yet acceptable (an empty title, a key already taken)
 * and hands over each acceptable text; it follows the value when it changes from outside (undo, another field).
 */
export function DraftText({
  id,
  value,
  onCommit,
  check,
  onProblem,
  multiline,
  placeholder,
  maxLength,
  commitOnBlur,
  monospace,
  ariaLabel,
}: DraftTextProps) {
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => {
    setDraft(value ?? '');
    onProblem?.(undefined);
    // Only an outside change of the value resets the draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const commit = (text: string) => {
    const problem = check?.(text);
    onProblem?.(problem);
    if (!problem && text !== (value ?? '')) onCommit(text === '' ? undefined : text);
  };
  const change = (text: string) => {
    setDraft(text);
    if (commitOnBlur) onProblem?.(check?.(text));
    else commit(text);
  };
  const common = {
    id,
    'aria-label': ariaLabel,
    value: draft,
    placeholder,
    maxLength,
    className: monospace ? 'fd-mono' : undefined,
    onBlur: () => (commitOnBlur ? commit(draft) : undefined),
  };
  return multiline ? (
    <Input.TextArea
      {...common}
      autoSize={{ minRows: 2, maxRows: 6 }}
      onChange={(e) => change(e.target.value)}
    />
  ) : (
    <Input
      {...common}
      onChange={(e) => change(e.target.value)}
      onPressEnter={() => (commitOnBlur ? commit(draft) : undefined)}
    />
  );
}

/** A number box; an emptied box removes the property. */
export function NumberBox({
  id,
  value,
  onChange,
  integer,
  min,
  max,
  addonAfter,
}: {
  id: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  integer?: boolean;
  min?: number;
  max?: number;
  addonAfter?: ReactNode;
}) {
  return (
    <InputNumber
      id={id}
      value={value ?? null}
      min={min}
      max={max}
      precision={integer ? 0 : undefined}
      addonAfter={addonAfter}
      style={{ width: '100%' }}
      onChange={(v) => onChange(typeof v === 'number' && Number.isFinite(v) ? v : undefined)}
    />
  );
}

/** A labelled DraftText that shows its own problem. */
export function TextProp({
  label,
  help,
  ...props
}: Omit<DraftTextProps, 'id' | 'onProblem'> & { label: ReactNode; help?: ReactNode }) {
  const [problem, setProblem] = useState<string>();
  return (
    <Prop label={label} help={help} problem={problem}>
      {(id) => <DraftText id={id} {...props} onProblem={setProblem} />}
    </Prop>
  );
}
