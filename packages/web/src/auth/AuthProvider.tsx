import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setUnauthorizedHandler } from '../api/client.ts';
import { login as loginRequest, logout as logoutRequest } from '../api/endpoints.ts';
import { clearSession, loadSession, saveSession, type Session } from '../api/session.ts';
import { AuthContext, type AuthContextValue, type AuthNotice } from './context.ts';

interface State {
  session: Session | null;
  notice: AuthNotice | null;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>(() => ({ session: loadSession(), notice: null }));

  useEffect(() => {
    // Any API call answered 401 with our token: the session is over, back to the login page.
    setUnauthorizedHandler(() => {
      setState({ session: null, notice: 'sessionExpired' });
    });
    return () => {
      setUnauthorizedHandler(() => undefined);
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const response = await loginRequest({ username, password });
    const session: Session = {
      accessToken: response.accessToken,
      ...(response.refreshToken ? { refreshToken: response.refreshToken } : {}),
      user: response.user ?? { id: username, username, fullName: username, roles: [], facilityCode: null },
    };
    saveSession(session);
    setState({ session, notice: null });
  }, []);

  const logout = useCallback(() => {
    const token = loadSession()?.refreshToken;
    // Revoke the refresh token server-side; the local session ends whatever the answer.
    if (token) void logoutRequest(token).catch(() => undefined);
    clearSession();
    setState({ session: null, notice: 'loggedOut' });
  }, []);

  const value = useMemo<AuthContextValue>(
    () => ({ user: state.session?.user ?? null, notice: state.notice, login, logout }),
    [state, login, logout],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}
