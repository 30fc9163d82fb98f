import { z } from 'zod';
import { apiErrorSchema } from './errors.ts';
import { jobSchema } from './methods.ts';

/** What main pushes to the renderer without being asked. */
export const events = {
  'job.progress': jobSchema,
  'job.done': z.object({ job: jobSchema, result: z.unknown().optional(), error: apiErrorSchema.optional() }),
  'session.locked': z.object({ reason: z.enum(['idle', 'user', 'restore']) }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
