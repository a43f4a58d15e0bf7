/**
 * The one configured API client, and the session that authorises it.
 *
 * The access token lives in this module's memory only (never localStorage or
 * sessionStorage): a reload loses it, and `restoreSession` gets a new one from the
 * HttpOnly `accord_refresh` cookie the API set at sign-in (POST /auth/refresh). Any 401
 * triggers one refresh and one retry; when the refresh fails too, the session has ended.
 */
import { useSyncExternalStore } from 'react';

import { authRefresh, authSignIn, authSignOut } from '@/client';
import { client } from '@/client/client.gen';

import { ApiError, unwrap } from './problem';

export type SessionStatus = 'checking' | 'signed-in' | 'signed-out';
/** Why the user sees the sign-in screen: shown as a message there. */
export type SignedOutReason = 'expired' | 'signed-out' | null;

export interface SessionState {
  status: SessionStatus;
  reason: SignedOutReason;
}

let accessToken: string | null = null;
let state: SessionState = { status: 'checking', reason: null };
const listeners = new Set<() => void>();
const endListeners = new Set<() => void>();

function setState(next: SessionState) {
  state = next;
  for (const listener of listeners) listener();
}

export function getSessionState(): SessionState {
  return state;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called when a session ends, whatever the cause (the app clears its query cache). */
export function onSessionEnd(listener: () => void): () => void {
  endListeners.add(listener);
  return () => endListeners.delete(listener);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, getSessionState, getSessionState);
}

function startSession(token: string) {
  accessToken = token;
  setState({ status: 'signed-in', reason: null });
}

function endSession(reason: SignedOutReason) {
  accessToken = null;
  for (const listener of endListeners) listener();
  setState({ status: 'signed-out', reason });
}

let refreshing: Promise<string | null> | null = null;
/** Set by quick exit: from then on the page only waits to be replaced. */
let leaving = false;

/**
 * One refresh at a time: parallel 401s share it. A 204 means this browser sent no cookie,
 * so it has no session (answered without an error status, so nothing is logged).
 */
function refreshAccessToken(): Promise<string | null> {
  refreshing ??= authRefresh()
    .then((result) => (result.response?.status === 200 && result.data ? result.data.access_token : null))
    .catch(() => null)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

const AUTH_PATHS = ['/api/v1/auth/token', '/api/v1/auth/refresh', '/api/v1/auth/logout'];

function isAuthRequest(request: Request): boolean {
  const path = new URL(request.url, window.location.origin).pathname;
  return AUTH_PATHS.includes(path);
}

/** The client's fetch: on a 401, refresh once and replay the request with the new token. */
async function fetchWithRefresh(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  if (leaving) {
    // No request may fetch data or a new token while the page is being replaced.
    return new Response(null, { status: 503 });
  }
  const replay = request.clone();
  const response = await globalThis.fetch(request);
  if (response.status !== 401 || isAuthRequest(request)) return response;
  const hadSession = accessToken !== null;
  const token = await refreshAccessToken();
  if (!token) {
    endSession(hadSession ? 'expired' : null);
    return response;
  }
  accessToken = token;
  if (state.status !== 'signed-in') startSession(token);
  replay.headers.set('Authorization', `Bearer ${token}`);
  return globalThis.fetch(replay);
}

client.setConfig({
  baseUrl: '',
  auth: () => accessToken ?? undefined,
  fetch: fetchWithRefresh,
});

let restoring: Promise<void> | null = null;

/** On app load: a session survives a reload through the refresh cookie. */
export function restoreSession(): Promise<void> {
  restoring ??= refreshAccessToken().then((token) => {
    if (token) startSession(token);
    else if (state.status === 'checking') endSession(null);
  });
  return restoring;
}

/** Resolves once it is known whether this browser has a session (after restoreSession). */
export function sessionSettled(): Promise<void> {
  return state.status === 'checking' ? restoreSession() : Promise.resolve();
}

export async function signIn(email: string, password: string): Promise<void> {
  const token = await unwrap(authSignIn({ body: { username: email, password } }));
  startSession(token.access_token);
}

export async function signOut(): Promise<void> {
  try {
    await authSignOut();
  } finally {
    endSession('signed-out');
  }
}

const LOGOUT_PATH = '/api/v1/auth/logout';

/**
 * Quick exit: forget the session at once and end it on the server. The one hand-written
 * call to the API: the generated client awaits its own steps before it fetches, and by
 * then the page may be gone, so the sign-out leaves now, synchronously, and `keepalive`
 * lets it complete while the page is replaced. It needs only the HttpOnly cookie
 * (SameSite=Strict, same origin): no token, no body.
 */
export function forgetSessionNow(): void {
  leaving = true;
  accessToken = null;
  try {
    void globalThis.fetch(LOGOUT_PATH, { method: 'POST', keepalive: true, credentials: 'include' }).catch(() => undefined);
  } catch {
    // Leaving matters more than signing out: the cookie also expires by itself.
  }
  // Drop every cached record; the router is not told, so nothing competes with leaving.
  for (const listener of endListeners) listener();
}

export { ApiError };

/** For tests only. */
export function __setAccessTokenForTests(token: string | null) {
  accessToken = token;
  setState(token ? { status: 'signed-in', reason: null } : { status: 'signed-out', reason: null });
}
