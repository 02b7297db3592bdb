// Who is signed in. The bearer token lives in localStorage so a phone keeps its session across reloads;
// it is dropped when it expires or the server rejects it.
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { onTokenRejected, setAccessToken } from '../api/client';
import { api } from '../api/endpoints';
import type { AccessToken } from '../generated/openapi';

const storageKey = 'networkhub.session';

export interface Session { token: string; expiresAt: string; personId: string }

interface SessionContextValue {
  session: Session | null;
  /** The session, or the challenge for the second step when the account has two-factor sign-in on. */
  signIn(email: string, password: string): Promise<Session | { challenge: string }>;
  completeSignIn(email: string, challenge: string, code: string): Promise<Session>;
  signOut(): Promise<void>;
}

export function loadSession(now = Date.now()): Session | null {
  try {
    const raw = globalThis.localStorage?.getItem(storageKey);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    return typeof session.token === 'string' && Date.parse(session.expiresAt) > now ? session : null;
  } catch {
    return null;
  }
}

function store(session: Session | null) {
  if (session) globalThis.localStorage?.setItem(storageKey, JSON.stringify(session));
  else globalThis.localStorage?.removeItem(storageKey);
  setAccessToken(session?.token ?? null);
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => {
    const loaded = loadSession();
    setAccessToken(loaded?.token ?? null);
    return loaded;
  });

  // Whatever the cache holds was read with the previous person's rights: it goes when the person changes.
  const cache = useQueryClient();
  const end = useCallback(() => {
    store(null);
    setSession(null);
    cache.clear();
  }, [cache]);

  useEffect(() => {
    onTokenRejected(end);
    return () => onTokenRejected(null);
  }, [end]);

  const begin = useCallback((token: AccessToken) => {
    const next = { token: token.token, expiresAt: token.expiresAt, personId: token.personId };
    store(next);
    setSession(next);
    cache.clear();
    return next;
  }, [cache]);

  const signIn = useCallback(async (email: string, password: string) => {
    const answer = await api.signIn(email, password);
    return 'challenge' in answer ? { challenge: answer.challenge } : begin(answer);
  }, [begin]);

  const completeSignIn = useCallback(async (email: string, challenge: string, code: string) =>
    begin(await api.completeSignIn(email, challenge, code)), [begin]);

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } catch {
      // The token is forgotten here either way; a failed revoke only means it lives until it expires.
    }
    end();
  }, [end]);

  const value = useMemo(() => ({ session, signIn, completeSignIn, signOut }), [session, signIn, completeSignIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider');
  return value;
}

/** Renders its children for signed-in people; everyone else goes to sign-in and comes back afterwards. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (!session) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return <>{children}</>;
}

/** Only same-site paths are followed after sign-in, so a crafted link cannot send people elsewhere. */
export function safeNext(next: string | null, fallback = '/'): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}
