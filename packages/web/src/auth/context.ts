import { createContext } from 'react';
import type { User } from '../api/types.ts';

/** Why the login page is shown, when it is not the first visit. */
export type AuthNotice = 'sessionExpired' | 'loggedOut';

export interface AuthContextValue {
  user: User | null;
  notice: AuthNotice | null;
  login: (username: string, password: string) => Promise<void>;
  logout: () => void;
}

export const AuthContext = createContext<AuthContextValue | null>(null);
