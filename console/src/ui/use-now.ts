import { useEffect, useState } from 'preact/hooks';

/** The current time, ticking every `everyMs`: countdowns run in the browser between polls. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
