// The session: who is signed in (GET /auth/me), signing in and out. The CSRF token lives in memory (api.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { ApiError, client, ok, setCsrfToken, type Schema } from './api';

type Session = Schema<'Session'>;
type SessionUser = Schema<'SessionUser'>;

export const sessionKey = ['session'] as const;

async function fetchSession(): Promise<Session | null> {
  try {
    const s = await ok(client.GET('/auth/me'));
    setCsrfToken(s.csrfToken);
    return s;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) { setCsrfToken(null); return null; }
    throw e;
  }
}

interface AuthValue { user: SessionUser | null; loading: boolean; error: unknown }
const AuthContext = createContext<AuthValue>({ user: null, loading: true, error: null });

export function AuthProvider({ children }: { children: ReactNode }) {
  const q = useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Infinity, retry: 1 });
  const value: AuthValue = { user: q.data?.user ?? null, loading: q.isPending, error: q.error };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth() { return useContext(AuthContext); }

/** For pages inside the signed-in shell. */
export function useUser(): SessionUser {
  const { user } = useAuth();
  if (!user) throw new Error('useUser() outside the signed-in area');
  return user;
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { email: string; password: string }): Promise<Session> => ok(client.POST('/auth/login', { body })),
    onSuccess: (s) => {
      signedOut = false;
      setCsrfToken(s.csrfToken);
      qc.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      qc.setQueryData(sessionKey, s);
    },
  });
}

let signedOut = false;
/** True after the user signed out on purpose (the shell then goes to the sign-in page without a `next`). */
export function signedOutOnPurpose(): boolean { return signedOut; }

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => ok(client.POST('/auth/logout')),
    onSettled: () => {
      signedOut = true;
      setCsrfToken(null);
      qc.setQueryData(sessionKey, null);
      // Drop every other cached response so the next user never sees this one's data.
      qc.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      qc.getMutationCache().clear();
    },
  });
}
