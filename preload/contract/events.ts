import { z } from 'zod';
import { jobDoneSchema, jobSchema } from './jobs.ts';

/** What main pushes to the renderer without being asked. */
export const events = {
  'job.progress': jobSchema,
  /** A job's result, typed by its kind (JOBS in jobs.ts), or its error. */
  'job.done': jobDoneSchema,
  'session.locked': z.object({ reason: z.enum(['idle', 'user', 'restore', 'rekey', 'restoreFailed', 'rekeyFailed']), message: z.string().optional() }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
