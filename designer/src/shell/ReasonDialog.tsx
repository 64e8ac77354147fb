import { Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';

/** As the API bounds a reason (api.schema.json Reason). */
const MAX_REASON = 500;

interface Asking {
  title: string;
  okText: string;
  danger: boolean;
  resolve: (reason: string | undefined) => void;
}

export interface ReasonQuestion {
  title: string;
  okText: string;
  danger?: boolean;
}

/**
 * Publishing, withdrawing and cancelling are published in the change feed (政务公开) with the editor's reason:
 * `ask` opens a dialog for it and resolves with the reason, or undefined when the editor cancels.
 */
export function useReasonDialog(): {
  ask: (question: ReasonQuestion) => Promise<string | undefined>;
  dialog: ReactNode;
} {
  const [asking, setAsking] = useState<Asking>();
  const [text, setText] = useState('');
  const ask = ({ title, okText, danger = false }: ReasonQuestion) =>
    new Promise<string | undefined>((resolve) => {
      setText('');
      setAsking({ title, okText, danger, resolve });
    });
  const close = (reason: string | undefined) => {
    asking?.resolve(reason);
    setAsking(undefined);
  };
  const reason = text.trim();
  const dialog = (
    <Modal
      open={asking !== undefined}
      title={asking?.title}
      okText={asking?.okText}
      cancelText="返回"
      okButtonProps={{ disabled: reason === '', danger: asking?.danger ?? false }}
      onOk={() => close(reason)}
      onCancel={() => close(undefined)}
      destroyOnHidden
    >
      <p>将与修改内容一起公开在变更记录（政务公开）中，请写明依据或原因。</p>
      <Form layout="vertical">
        <Form.Item label="理由" required>
          <Input.TextArea
            aria-label="理由"
            value={text}
            onChange={(event) => setText(event.target.value)}
            maxLength={MAX_REASON}
            showCount
            autoSize={{ minRows: 3, maxRows: 8 }}
            autoFocus
          />
        </Form.Item>
      </Form>
    </Modal>
  );
  return { ask, dialog };
}
