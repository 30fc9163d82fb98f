import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionStatus } from '../../../preload/contract/index.ts';
import { api, errorMessage } from '../api/client.ts';
import type { ConnectionState } from '../api/transport.ts';

export type LockReason = 'idle' | 'user' | 'restore' | 'rekey' | 'restoreFailed' | 'rekeyFailed';

interface SessionValue {
  /** null until main has answered once. */
  readonly status: SessionStatus | null;
  readonly connection: ConnectionState;
  /** Why the workspace was last locked, when main said so. */
  readonly lockReason: LockReason | null;
  /** Why a restore or a re-key failed, in main's words, when the lock followed one. */
  readonly lockMessage: string | null;
  /** Why main could not be asked at all (no token, host gone). */
  readonly startError: string | null;
  unlock(request: { workspace?: string; username?: string; passphrase: string }): Promise<SessionStatus>;
  lock(): Promise<void>;
  /** After a call that changes who is signed in (restore locks the workspace). */
  setStatus(status: SessionStatus): void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const [connection, setConnection] = useState<ConnectionState>(api.connection());
  const [lockReason, setLockReason] = useState<LockReason | null>(null);
  const [lockMessage, setLockMessage] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    api.call('session.status').then(
      (next) => {
        setStatus(next);
        setStartError(null);
      },
      (error: unknown) => setStartError(errorMessage(error)),
    );
  }, []);

  useEffect(() => {
    refresh();
    const offLocked = api.on('session.locked', (payload) => {
      setLockReason(payload.reason);
      setLockMessage(payload.message ?? null);
      setStatus((current) => (current ? { ...current, state: 'locked', user: null } : current));
    });
    // After a dropped connection, main may have locked in the meantime: ask again.
    const offConnection = api.onConnection((state) => {
      setConnection(state);
      if (state === 'open') refresh();
    });
    // The socket may have opened before this subscription.
    setConnection(api.connection());
    return () => {
      offLocked();
      offConnection();
    };
  }, [refresh]);

  const unlock = useCallback(async (request: { workspace?: string; username?: string; passphrase: string }) => {
    const next = await api.call('session.unlock', request);
    setLockReason(null);
    setLockMessage(null);
    setStatus(next);
    return next;
  }, []);

  const lock = useCallback(async () => {
    const next = await api.call('session.lock');
    setLockReason('user');
    setLockMessage(null);
    setStatus(next);
  }, []);

  const value = useMemo<SessionValue>(
    () => ({ status, connection, lockReason, lockMessage, startError, unlock, lock, setStatus }),
    [status, connection, lockReason, lockMessage, startError, unlock, lock],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user and workspace; only for screens rendered behind the unlock screen. */
export function useUnlocked() {
  const { status } = useSession();
  if (!status?.user || !status.workspace) throw new Error('useUnlocked while locked');
  return { user: status.user, workspace: status.workspace, idleLockMinutes: status.idleLockMinutes };
}
