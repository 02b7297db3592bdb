import { useCallback, useEffect, useEffectEvent, useState } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/** Loads once per change of `key`; a stale answer (the key changed meanwhile) is dropped. */
export function useAsync<T>(load: () => Promise<T>, key: string): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);

  // `load` is a new closure every render; `key` says when it means something new, and the latest closure runs.
  const latestLoad = useEffectEvent(load);
  useEffect(() => {
    let current = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the loading state must show as soon as the key changes; the query cache that replaces these loaders (issue 13) removes this.
    setLoading(true);
    setError(null);
    latestLoad().then(
      (value) => { if (current) { setData(value); setLoading(false); } },
      (failure: unknown) => { if (current) { setError(failure); setLoading(false); } },
    );
    return () => { current = false; };
  }, [key, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, loading, reload };
}
