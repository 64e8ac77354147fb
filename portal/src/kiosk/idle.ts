import { useEffect, useRef, useState } from 'react';

/** Seconds without a touch before the kiosk starts over, unless the address says otherwise (below). */
export const IDLE_SECONDS = 60;
/** The countdown shown before it does, at most. */
export const WARNING_SECONDS = 10;

/** How long the kiosk waits, and how much of that the warning counts down. */
export interface IdleTimes {
  limitMs: number;
  warningMs: number;
}

/**
 * The idle limit: 60 s, or `?idle=N` (whole seconds, 2 to 600) in the address the terminal starts on — a hall that
 * wants longer, and the tests, which want a few seconds. The warning is the last 10 s, or the last half of a
 * shorter limit. Anything else in the address leaves the 60 s.
 */
export function idleTimes(search: string): IdleTimes {
  const asked = new URLSearchParams(search).get('idle');
  const seconds = asked !== null && /^\d{1,3}$/.test(asked) ? Number(asked) : IDLE_SECONDS;
  const limit = seconds >= 2 && seconds <= 600 ? seconds : IDLE_SECONDS;
  return { limitMs: limit * 1000, warningMs: Math.min(WARNING_SECONDS, limit / 2) * 1000 };
}

// What counts as someone at the screen: a touch, a mouse or pen press, a key, a wheel.
const ACTIVITY = ['pointerdown', 'touchstart', 'keydown', 'wheel'] as const;

/**
 * Calls `onIdle` once `limitMs` pass without activity; meanwhile, for the last `warningMs`, gives the whole seconds
 * left (otherwise null). Any activity starts the wait again, also during the warning.
 */
export function useIdle({ limitMs, warningMs }: IdleTimes, onIdle: () => void): number | null {
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const idle = useRef(onIdle);
  idle.current = onIdle;
  useEffect(() => {
    let last = Date.now();
    const touched = () => {
      last = Date.now();
      setSecondsLeft(null);
    };
    // A coarse tick is enough for a countdown in whole seconds and costs nothing while nobody is there.
    const tick = window.setInterval(() => {
      const left = limitMs - (Date.now() - last);
      if (left <= 0) {
        touched();
        idle.current();
      } else setSecondsLeft(left <= warningMs ? Math.ceil(left / 1000) : null);
    }, 250);
    for (const type of ACTIVITY) window.addEventListener(type, touched, { capture: true, passive: true });
    return () => {
      window.clearInterval(tick);
      for (const type of ACTIVITY) window.removeEventListener(type, touched, { capture: true });
    };
  }, [limitMs, warningMs]);
  return secondsLeft;
}
