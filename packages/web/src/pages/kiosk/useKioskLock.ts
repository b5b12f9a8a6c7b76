import { useEffect } from 'react';
import { navigate } from '../../router/hashRouter.ts';

/**
 * Keep the kiosk on its own screen: the browser's back button and any other address lead back to
 * `#/kiosk`, and the context menu is off. (Leaving needs the kiosk browser to be closed by staff.)
 */
export function useKioskLock(): void {
  useEffect(() => {
    const here = window.location.hash || '#/kiosk';
    window.history.pushState(null, '', here);
    const onPop = (): void => {
      window.history.pushState(null, '', here);
    };
    const onHash = (): void => {
      if (!window.location.hash.startsWith('#/kiosk')) navigate('/kiosk');
    };
    const noMenu = (e: Event): void => {
      e.preventDefault();
    };
    window.addEventListener('popstate', onPop);
    window.addEventListener('hashchange', onHash);
    window.addEventListener('contextmenu', noMenu);
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('contextmenu', noMenu);
    };
  }, []);
}

/** Call `onIdle` after `ms` without a touch, click or key; restarts when `key` changes. */
export function useIdle(ms: number | null, onIdle: () => void, key: unknown): void {
  useEffect(() => {
    if (ms === null) return;
    let timer = setTimeout(onIdle, ms);
    const poke = (): void => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, ms);
    };
    const events = ['pointerdown', 'keydown', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, poke, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, poke);
    };
  }, [ms, onIdle, key]);
}
