import { useCallback, useEffect, useState } from 'react';
import { ApiProblem } from '@oneseal/schemas';

export interface RequestState<T> {
  data?: T;
  error?: ApiProblem;
  loading: boolean;
  /** Loads again (after a write). */
  reload: () => void;
}

/** Loads what a page shows; a newer request replaces an older one that answers late. */
export function useRequest<T>(load: () => Promise<T>, deps: readonly unknown[]): RequestState<T> {
  const [state, setState] = useState<Omit<RequestState<T>, 'reload'>>({ loading: true });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => {
    let current = true;
    setState((s) => ({ data: s.data, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) =>
        current &&
        setState({
          loading: false,
          error: error instanceof ApiProblem ? error : new ApiProblem(0, 'error', String(error)),
        }),
    );
    return () => {
      current = false;
    };
    // The caller names what the load depends on, as for useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  return { ...state, reload };
}
