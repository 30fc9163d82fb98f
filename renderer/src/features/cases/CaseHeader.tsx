import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASE_ASSIGNABLE_STATUSES, CASE_ASSIGNERS, FOUR_EYES_PRIORITIES, movesFor, type Case, type CaseMove } from '../../../../preload/contract/cases.ts';
import { api } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { FactList } from '../../components/FactList.tsx';
import { formatTimestamp } from '../../format/numbers.ts';
import { useUnlocked } from '../../session/session-context.tsx';
import { useCaseChange } from './case-change.ts';
import { formatDue, moveLabel, slaState, useNow } from './case-format.ts';
import { MovePrompt, type MoveExtra } from './MovePrompt.tsx';

/**
 * What the case is and where it stands, and the workflow buttons: exactly the moves the workflow table gives the
 * user's role from this status (a move that needs a disposition or a reason asks for it first), and "assign to me"
 * while the case can be assigned and is not already the user's.
 */
export function CaseHeader({ item }: { item: Case }) {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const now = useNow();
  const { busy, error, change } = useCaseChange();
  const [prompt, setPrompt] = useState<CaseMove | null>(null);
  const moves = item.mergedInto === null ? movesFor(user.role, item.status) : [];
  const canAssign = CASE_ASSIGNERS.includes(user.role) && CASE_ASSIGNABLE_STATUSES.includes(item.status) && item.assignee !== user.username && item.mergedInto === null;
  const sla = slaState(t, item.dueAt, item.closedAt, now);

  const move = (target: CaseMove, extra: MoveExtra = {}) => void change(() => api.call('cases.transition', { caseId: item.caseId, to: target.to, ...extra }));
  const facts: Array<[string, ReactNode]> = [
    [t('cases.view.type'), t(`cases.types.${item.type}`)],
    [t('cases.view.priority'), <span className={`badge priority-badge priority-${item.priority}`}>{t(`cases.priorities.${item.priority}`)}</span>],
    [t('cases.view.status'), <span data-testid="case-status">{t(`cases.statuses.${item.status}`)}</span>],
    [t('cases.view.assignee'), <span data-testid="case-assignee">{item.assignee ?? t('cases.unassigned')}</span>],
    [
      t('cases.view.due'),
      <span className={sla.breached ? 'sla-breached-text' : undefined} data-testid="case-due">
        {formatDue(item.dueAt)} · {sla.text}
      </span>,
    ],
    [t('cases.view.disposition'), <span data-testid="case-disposition">{item.disposition ? t(`cases.dispositions.${item.disposition}`) : '—'}</span>],
  ];

  return (
    <section className="panel case-header" aria-labelledby="page-title" data-testid="case-header">
      <FactList facts={facts} />
      {item.dispositionNote && <p className="small">{item.dispositionNote}</p>}
      {item.proposedBy && item.status === 'pending_approval' && <p className="small muted">{t('cases.view.proposedBy', { who: item.proposedBy, when: formatTimestamp(item.proposedAt) })}</p>}
      {item.closedBy && <p className="small muted">{t('cases.view.closedBy', { who: item.closedBy, when: formatTimestamp(item.closedAt) })}</p>}
      {item.mergedInto !== null && (
        <p className="notice" data-testid="case-merged-into">
          <Link to={`/cases/${item.mergedInto}`}>{t('cases.view.mergedInto', { id: item.mergedInto })}</Link>
        </p>
      )}
      {item.status === 'pending_approval' && (FOUR_EYES_PRIORITIES as readonly string[]).includes(item.priority) && <p className="small muted">{t('cases.view.fourEyes')}</p>}
      <div className="case-moves" role="group" aria-label={t('cases.view.moves')} data-testid="case-moves">
        {canAssign && (
          <button type="button" className="button button-small" disabled={busy} onClick={() => void change(() => api.call('cases.assign', { caseId: item.caseId, to: user.username }))}>
            {t('cases.assignToMe')}
          </button>
        )}
        {moves.map((target) => (
          <button
            key={target.to}
            type="button"
            className="button button-small button-primary"
            disabled={busy}
            data-move={target.to}
            onClick={() => (target.needs ? setPrompt(target) : move(target))}
          >
            {t(`cases.moves.${moveLabel(target)}`)}
          </button>
        ))}
        {!canAssign && moves.length === 0 && <span className="muted small">{t('cases.view.noMoves')}</span>}
      </div>
      <ErrorNotice error={error} />
      {prompt && (
        <MovePrompt
          caseId={item.caseId}
          move={prompt}
          busy={busy}
          onCancel={() => setPrompt(null)}
          onSubmit={(extra) => {
            setPrompt(null);
            move(prompt, extra);
          }}
        />
      )}
    </section>
  );
}
