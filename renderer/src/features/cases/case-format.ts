import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import type { CaseMove } from '../../../../preload/contract/cases.ts';

/** The words on a workflow button: the same target status reads differently by where the case comes from. */
export type MoveLabel = 'start_review' | 'escalate' | 'return_to_review' | 'propose_closure' | 'send_back' | 'approve_closure' | 'reopen';

export function moveLabel(move: Pick<CaseMove, 'from' | 'to'>): MoveLabel {
  if (move.to === 'escalated') return 'escalate';
  if (move.to === 'pending_approval') return 'propose_closure';
  if (move.to === 'closed') return 'approve_closure';
  if (move.from === 'escalated') return 'return_to_review';
  if (move.from === 'pending_approval') return 'send_back';
  if (move.from === 'closed') return 'reopen';
  return 'start_review';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span as the queue says it: minutes under an hour, hours under two days, then days. */
function span(t: TFunction, ms: number): string {
  const minutes = Math.max(1, Math.round(ms / MINUTE));
  if (minutes < 60) return t('cases.sla.minutes', { count: minutes });
  const hours = Math.round(ms / HOUR);
  if (hours < 48) return t('cases.sla.hours', { count: hours });
  return t('cases.sla.days', { count: Math.round(ms / DAY) });
}

export interface SlaState {
  readonly text: string;
  /** Past its due date while open, or closed after it. */
  readonly breached: boolean;
}

/** "in 5 h" or "3 h overdue" for an open case; for a closed one, whether it closed in time. */
export function slaState(t: TFunction, dueAt: string, closedAt: string | null, now: number): SlaState {
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return { text: '', breached: false };
  if (closedAt) return { text: t('cases.sla.closed'), breached: Date.parse(closedAt) > due };
  const left = due - now;
  return left >= 0 ? { text: t('cases.sla.dueIn', { time: span(t, left) }), breached: false } : { text: t('cases.sla.overdue', { time: span(t, -left) }), breached: true };
}

/** The current time, moved on every `everyMs` so countdowns tick. */
export function useNow(everyMs = MINUTE): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** `YYYY-MM-DD HH:mm`, local: due dates need no seconds. */
export function formatDue(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
