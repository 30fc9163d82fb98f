import type { ApiOutcome } from './errors.ts';
import type { EventName } from './events.ts';

/**
 * The contract, served: what main's API service offers and what each transport (Electron IPC, the browser host)
 * hands calls to and takes events from. Declared once, here; main/services/api implements it.
 */
export interface ApiPort {
  /**
   * Validates `rawArgs` against the method's schema (VALIDATION for bad arguments or an unknown method). Never
   * throws and never answers with a stack: every failure is an ApiError with a contract code.
   */
  call(method: string, rawArgs: unknown): Promise<ApiOutcome<unknown>>;
  /** Pushed events (job progress, the session locked, …); returns the function that unsubscribes. */
  onEvent(listener: (name: EventName, payload: unknown) => void): () => void;
}
