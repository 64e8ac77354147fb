import { Alert, Spin } from 'antd';
import type { ReactNode } from 'react';
import type { RequestState } from '@oneseal/runtime/web';

/** A page's loading and error states, the same everywhere; the content once the data is there. */
export function Loaded<T>({ state, children }: { state: RequestState<T>; children: (data: T) => ReactNode }) {
  if (state.error && state.data === undefined)
    return <Alert type="error" showIcon message={state.error.message} role="alert" />;
  if (state.data === undefined)
    return (
      <div className="ds-loading" aria-live="polite">
        <Spin /> 正在加载…
      </div>
    );
  return <>{children(state.data)}</>;
}
