import type { BaseItem } from '@oneseal/schemas';
import { useEffect, useState } from 'react';
import { ApiProblem } from '@oneseal/schemas';
import { api } from '../api';

export interface Preview {
  svg?: string;
  html?: string;
  /** Why the latest edit could not be previewed (the last good preview stays shown). */
  problem?: ApiProblem;
  /** An edit is waiting for, or being turned into, a preview. */
  pending: boolean;
  updatedAt?: Date;
}

/**
 * The flowchart and guide of the item as edited, fetched `delay` ms after the last change; an answer to an
 * older edit is dropped (its request aborted) when a newer one is under way.
 */
export function usePreview(item: BaseItem, delay = 600): Preview {
  // The item is rebuilt on every render by its page: compare it by content.
  const key = JSON.stringify(item);
  const [preview, setPreview] = useState<Preview>({ pending: true });
  useEffect(() => {
    const controller = new AbortController();
    setPreview((p) => ({ ...p, pending: true }));
    const timer = window.setTimeout(() => {
      const edited = JSON.parse(key) as BaseItem;
      Promise.all([
        api.post('/preview/flowchart.svg', { body: { item: edited }, signal: controller.signal }),
        api.post('/preview/guide.html', { body: { item: edited }, signal: controller.signal }),
      ]).then(
        ([svg, html]) => setPreview({ svg, html, pending: false, updatedAt: new Date() }),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          const problem =
            error instanceof ApiProblem ? error : new ApiProblem(0, 'network', '网络连接失败，预览未更新');
          setPreview((p) => ({ ...p, problem, pending: false }));
        },
      );
    }, delay);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [key, delay]);
  return preview;
}
