import type { User } from './types.ts';

/**
 * The signed-in session lives in sessionStorage: it survives a reload but not closing the tab,
 * and is not shared between tabs (a desk PC can be used by the next person after the tab closes).
 */
export interface Session {
  accessToken: string;
  refreshToken?: string;
  user: User;
}

const KEY = 'suckhoe.session';

export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (raw === null) return null;
    const parsed = JSON.parse(raw) as Partial<Session> | null;
    if (typeof parsed?.accessToken !== 'string' || typeof parsed.user?.username !== 'string') return null;
    return parsed as Session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

export function accessToken(): string | null {
  return loadSession()?.accessToken ?? null;
}

export function refreshToken(): string | null {
  return loadSession()?.refreshToken ?? null;
}

/** Replace the tokens of the current session (after a refresh), keeping the user. */
export function updateTokens(tokens: { accessToken: string; refreshToken?: string }): void {
  const current = loadSession();
  if (current) saveSession({ ...current, ...tokens });
}
