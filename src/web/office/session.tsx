import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import type { Locale } from '../i18n/locales.js';
import {
  ApiError,
  api,
  type CurrentUser,
  pendingMfa,
  setCsrfToken,
  setUnauthenticatedHandler,
} from './api.js';
import { applyLocale, i18n } from './i18n.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean; pendingMfa?: boolean }
  | { status: 'signedIn'; user: CurrentUser };

interface SessionValue {
  state: SessionState;
  /** Reads the session again (after sign-in, TOTP, a changed account). */
  refresh(): Promise<CurrentUser | null>;
  signOut(): Promise<void>;
  setLocale(locale: Locale): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async (): Promise<CurrentUser | null> => {
    try {
      const me = await api.auth.me();
      setCsrfToken(me.csrfToken, me.user.id);
      if (me.user.locale !== i18n.language) applyLocale(me.user.locale);
      setState({ status: 'signedIn', user: me.user });
      return me.user;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      const pending = pendingMfa.get();
      setCsrfToken(pending);
      setState({ status: 'anonymous', expired: false, pendingMfa: pending !== null });
      return null;
    }
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setState({ status: 'anonymous', expired: true });
    });
    refresh().catch(() => setState({ status: 'anonymous', expired: false }));
    return () => setUnauthenticatedHandler(null);
  }, [refresh]);

  const signOut = useCallback(async () => {
    try {
      await api.auth.signOut();
    } finally {
      pendingMfa.set(null);
      setCsrfToken(null);
      setState({ status: 'anonymous', expired: false });
    }
  }, []);

  const setLocale = useCallback(
    async (locale: Locale) => {
      applyLocale(locale);
      if (state.status !== 'signedIn') return;
      setState({ status: 'signedIn', user: { ...state.user, locale } });
      await api.auth.updateMe({ locale });
    },
    [state],
  );

  const value = useMemo(
    () => ({ state, refresh, signOut, setLocale }),
    [state, refresh, signOut, setLocale],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only inside the shell, which renders for signed-in users alone. */
export function useUser(): CurrentUser {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useUser without a signed-in user');
  return state.user;
}
