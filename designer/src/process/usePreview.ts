import type { BaseItem } from '@oneseal/schemas';
import { useEffect, useState } from 'react';
import { ApiProblem } from '@oneseal/schemas';
import { session } from '../api';

/**
 * POST /api/preview/<kind> with the edited document (`{ item }` or `{ form }`): the server's answer as text.
 * `request` answers JSON only, so this is the same call (bearer token, zh-CN errors as ApiProblem, sign-out on
 * 401) reading the body as text.
 */
export async function fetchPreview(
  kind: 'flowchart.svg' | 'guide.html' | 'form-checks.js',
  body: object,
  signal: AbortSignal,
) {
  const token = session.get()?.token;
  const response = await fetch(`/api/preview/${kind}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'Accept-Language': 'zh-CN',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
    signal,
  });
  if (response.ok) return response.text();
  if (response.status === 401 && token) session.set(undefined);
  throw ApiProblem.fromAnswer(response.status, await response.json().catch(() => undefined));
}

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
        fetchPreview('flowchart.svg', { item: edited }, controller.signal),
        fetchPreview('guide.html', { item: edited }, controller.signal),
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
