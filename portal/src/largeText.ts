import { useEffect, useState } from 'react';

const KEY = 'oneseal.largeText';

/** 适老化: a larger type and larger controls, remembered on this device. */
export function useLargeText(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => localStorage.getItem(KEY) === '1');
  useEffect(() => {
    localStorage.setItem(KEY, on ? '1' : '0');
    document.documentElement.classList.toggle('os-large', on);
  }, [on]);
  return [on, setOn];
}
