import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Loads with `load()` and loads again every `everyMs` while the tab is visible, so that a release made
 * elsewhere (another operator, a script) shows without a manual reload. A failed refresh keeps the last
 * data and reports the error.
 */
export function useLive(load, deps, everyMs = 2000) {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const [loading, setLoading] = useState(true);
  const loadRef = useRef(load);
  loadRef.current = load;

  const refresh = useCallback(async () => {
    try {
      const next = await loadRef.current();
      setData(next);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    let stopped = false;
    setLoading(true);
    setData(null);
    refresh();
    const timer = setInterval(() => {
      if (!stopped && document.visibilityState === 'visible') {
        refresh();
      }
    }, everyMs);
    // A tab in the background does not poll; coming back to it catches up at once.
    const onVisible = () => {
      if (!stopped && document.visibilityState === 'visible') {
        refresh();
      }
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return { data, error, loading, refresh };
}
