import { Modal } from 'antd';
import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router-dom';

/** Asks before unsaved changes are left behind: another page of the app, a reload, or closing the tab. */
export function useUnsavedGuard(dirty: boolean) {
  const blocker = useBlocker(dirty);
  // The blocker changes identity on every render: ask once per blocked navigation.
  const asking = useRef(false);
  useEffect(() => {
    if (blocker.state !== 'blocked') {
      asking.current = false;
      return;
    }
    if (asking.current) return;
    asking.current = true;
    Modal.confirm({
      title: '有尚未保存的修改',
      content: '离开本页将丢失这些修改。确定离开吗？',
      okText: '离开，不保存',
      okButtonProps: { danger: true },
      cancelText: '留在本页',
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}
