import { diffDocuments } from '@oneseal/schemas';
import { Button, Modal } from 'antd';
import { ChangeTable } from './ChangeTable';

/** A save refused because someone saved first (409): both versions side by side, and the editor decides. */
export interface Conflict<T> {
  mine: T;
  theirs: T;
  revision: number;
}

export function ConflictModal<T>({
  conflict,
  onKeepMine,
  onTakeTheirs,
  onClose,
}: {
  conflict: Conflict<T> | undefined;
  onKeepMine: (conflict: Conflict<T>) => void;
  onTakeTheirs: (conflict: Conflict<T>) => void;
  onClose: () => void;
}) {
  return (
    <Modal
      open={conflict !== undefined}
      width={900}
      title="已被他人修改"
      onCancel={onClose}
      footer={
        conflict
          ? [
              <Button key="theirs" onClick={() => onTakeTheirs(conflict)}>
                放弃我的修改，载入对方版本
              </Button>,
              <Button key="mine" type="primary" danger onClick={() => onKeepMine(conflict)}>
                用我的版本覆盖
              </Button>,
            ]
          : null
      }
    >
      <p>您开始编辑后，有人保存了新的版本。下面是两个版本的差异，请选择保留哪一个：</p>
      {conflict ? (
        <ChangeTable
          changes={diffDocuments(conflict.theirs, conflict.mine)}
          before="对方的版本"
          after="我的版本"
        />
      ) : null}
    </Modal>
  );
}

/** The conflict carried by a 409 stale-revision answer, or undefined for any other error. */
export function conflictOf<T>(error: unknown, mine: T): Conflict<T> | undefined {
  const problem = error as { status?: number; code?: string; extra?: Record<string, unknown> };
  if (problem?.status !== 409 || problem.code !== 'stale-revision') return undefined;
  return {
    mine,
    theirs: problem.extra?.current as T,
    revision: problem.extra?.currentRevision as number,
  };
}
