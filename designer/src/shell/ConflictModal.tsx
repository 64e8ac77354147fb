import { diffDocuments } from '@oneseal/schemas';
import { Button, Modal } from 'antd';
import { useState } from 'react';
import { ChangeTable } from './ChangeTable';

/** A save refused because someone saved first (409): both versions side by side, and the editor decides. */
export interface Conflict<T> {
  mine: T;
  theirs: T;
  revision: number;
}

function ConflictModal<T>({
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
function conflictOf<T>(error: unknown, mine: T): Conflict<T> | undefined {
  const problem = error as { status?: number; code?: string; extra?: Record<string, unknown> };
  if (problem?.status !== 409 || problem.code !== 'stale-revision') return undefined;
  return {
    mine,
    theirs: problem.extra?.current as T,
    revision: problem.extra?.currentRevision as number,
  };
}

/**
 * The 409 flow of an editor page: `offer(error, mine)` opens the dialog when a save lost the race (and says
 * whether it did); the editor then keeps their version (saved over the winner's revision) or takes the winner's.
 */
export function useConflict<T>(actions: {
  keepMine: (revision: number, mine: T) => unknown;
  takeTheirs: (theirs: T, revision: number) => void;
}) {
  const [conflict, setConflict] = useState<Conflict<T>>();
  const offer = (error: unknown, mine: T): boolean => {
    const stale = conflictOf(error, mine);
    if (stale) setConflict(stale);
    return stale !== undefined;
  };
  const dialog = (
    <ConflictModal
      conflict={conflict}
      onClose={() => setConflict(undefined)}
      onKeepMine={(c) => actions.keepMine(c.revision, c.mine)}
      onTakeTheirs={(c) => {
        actions.takeTheirs(c.theirs, c.revision);
        setConflict(undefined);
      }}
    />
  );
  return { offer, close: () => setConflict(undefined), dialog };
}
