import { useEffect, useRef } from 'react';

/** A USB QR scanner in keyboard mode types the code and presses Enter; nothing else types on a kiosk. */
const MIN_LENGTH = 9;
/** A pause longer than this starts a new code (scanners type a whole code in well under a second). */
const GAP_MS = 1500;

/** Typing into a text field is typing, not scanning (buttons and radios with the focus do not count). */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color'].includes(target.type);
}

/**
 * Collect keystrokes typed anywhere on the page (no input field has the focus on a kiosk) and hand
 * the text over on Enter. Disabled while `enabled` is false.
 */
export function useScannerInput(enabled: boolean, onText: (text: string) => void): void {
  const buffer = useRef('');
  const last = useRef(0);
  const handler = useRef(onText);
  handler.current = onText;

  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent): void => {
      if (isTextField(e.target)) return;
      const now = Date.now();
      if (now - last.current > GAP_MS) buffer.current = '';
      last.current = now;
      if (e.key === 'Enter') {
        const text = buffer.current;
        buffer.current = '';
        if (text.trim().length >= MIN_LENGTH) {
          e.preventDefault();
          handler.current(text);
        }
        return;
      }
      if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) buffer.current += e.key;
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [enabled]);
}
