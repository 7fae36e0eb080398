import { useEffect, useState } from 'react';

/** Whole seconds left until `until` (an ISO time), ticking once a second; 0 once it passed. */
export function useCountdown(until: string | null | undefined, now: () => number = Date.now): number {
  const target = until ? Date.parse(until) : NaN;
  const compute = () => (Number.isFinite(target) ? Math.max(0, Math.ceil((target - now()) / 1000)) : 0);
  const [left, setLeft] = useState(compute);
  useEffect(() => {
    setLeft(compute());
    if (!Number.isFinite(target)) return;
    const timer = setInterval(() => {
      const value = compute();
      setLeft(value);
      if (value <= 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [target]);
  return left;
}
