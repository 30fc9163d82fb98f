import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { caseMove, CASE_VIEWS, type CaseMove, type CaseRow, type CaseView } from '../../../../preload/contract/cases.ts';
import type { GridQuery } from '../../../../preload/contract/index.ts';
import { allows } from '../../../../preload/contract/permissions.ts';
import { api } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { ServerGrid } from '../../components/grid/ServerGrid.tsx';
import { SegmentedChoice } from '../../components/SegmentedChoice.tsx';
import { usePreferences } from '../../session/preferences.tsx';
import { useUnlocked } from '../../session/session-context.tsx';
import { CASE_HIDDEN_BY_DEFAULT, caseColumns } from './case-columns.ts';
import { useNow } from './case-format.ts';
import { KeyHelp } from './KeyHelp.tsx';
import { MovePrompt, type MoveExtra } from './MovePrompt.tsx';

/** Keys typed into a form control are the control's, not the queue's. */
function typing(target: HTMLElement): boolean {
  if (target instanceof HTMLInputElement) return target.type !== 'checkbox' && target.type !== 'radio';
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable;
}

/**
 * The case queue: AG Grid over `cases.list` in one of the saved views, with bulk assignment and keyboard triage on
 * the focused row (j/k move, Enter opens, a assigns to me, e escalates, c proposes closure, ? lists the keys). Main
 * checks every change against the workflow and says why it refuses one; the page shows that message as it is.
 */
export function CaseQueue({ view, onView }: { view: CaseView; onView: (view: CaseView) => void }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { user } = useUnlocked();
  const navigate = useNavigate();
  const canWork = allows(user.role, 'cases.edit');
  const grid = useRef<GridApi<CaseRow> | null>(null);
  const now = useNow();
  const nowRef = useRef(now);
  const [selected, setSelected] = useState<CaseRow[]>([]);
  const [bulkTo, setBulkTo] = useState(user.username);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [prompt, setPrompt] = useState<{ row: CaseRow; move: CaseMove } | null>(null);
  const [help, setHelp] = useState(false);

  // The countdowns move on with the clock.
  useEffect(() => {
    nowRef.current = now;
    grid.current?.refreshCells({ columns: ['due_at'], force: true });
  }, [now]);

  const columns = useMemo(() => caseColumns(t, locale, () => nowRef.current), [t, locale]);
  const queryArgs = useMemo(() => (query: GridQuery) => ({ view, query }), [view]);
  const onReady = useCallback((api: GridApi<CaseRow>) => {
    grid.current = api;
  }, []);
  const open = useCallback((row: CaseRow) => navigate(`/cases/${row.case_id}`), [navigate]);

  /** One change, then the grid reads its rows again (the focused row stays where it is). */
  const change = async (work: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await work();
      setDone(message);
      grid.current?.refreshInfiniteCache();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const assignToMe = (row: CaseRow) => change(() => api.call('cases.assign', { caseId: row.case_id, to: user.username }), t('cases.done.assigned', { id: row.case_id, to: user.username }));
  const escalate = (row: CaseRow) => change(() => api.call('cases.transition', { caseId: row.case_id, to: 'escalated' }), t('cases.done.escalated', { id: row.case_id }));
  const proposeClosure = (row: CaseRow) => {
    const move = caseMove(row.status, 'pending_approval');
    // No such step from here: main's refusal says which statuses a closure is proposed from.
    if (!move) void change(() => api.call('cases.transition', { caseId: row.case_id, to: 'pending_approval' }), '');
    else setPrompt({ row, move });
  };
  const sendProposal = (extra: MoveExtra) => {
    if (!prompt) return;
    const { row } = prompt;
    setPrompt(null);
    void change(() => api.call('cases.transition', { caseId: row.case_id, to: 'pending_approval', ...extra }), t('cases.done.proposed', { id: row.case_id }));
  };

  const bulkAssign = (event: FormEvent) => {
    event.preventDefault();
    const to = bulkTo.trim();
    const caseIds = selected.map((row) => row.case_id);
    if (!to || caseIds.length === 0) return;
    void change(async () => {
      const { assigned } = await api.call('cases.bulkAssign', { caseIds, to });
      grid.current?.deselectAll();
      return assigned;
    }, t('cases.bulk.done', { count: caseIds.length, to }));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (typing(target)) return;
    if (event.key === '?') {
      event.preventDefault();
      setHelp(true);
      return;
    }
    const api = grid.current;
    const cell = api?.getFocusedCell();
    if (!api || !cell || !target.closest('.ag-row')) return;
    const row = api.getDisplayedRowAtIndex(cell.rowIndex)?.data;
    const key = event.key;
    if (key === 'j' || key === 'k') {
      event.preventDefault();
      const last = api.getDisplayedRowCount() - 1;
      const next = Math.min(last, Math.max(0, cell.rowIndex + (key === 'j' ? 1 : -1)));
      api.ensureIndexVisible(next);
      api.setFocusedCell(next, cell.column);
      return;
    }
    if (!row || busy || !canWork) return;
    if (key === 'a') void assignToMe(row);
    else if (key === 'e') void escalate(row);
    else if (key === 'c') proposeClosure(row);
    else return;
    event.preventDefault();
  };

  return (
    <div className="case-queue" onKeyDown={onKeyDown}>
      <div className="case-queue-head">
        <SegmentedChoice name="case-view" label={t('cases.viewsLabel')} options={CASE_VIEWS} value={view} onChange={onView} optionLabel={(option) => t(`cases.views.${option}`)} />
        <button type="button" className="button button-small" onClick={() => setHelp(true)} aria-keyshortcuts="?" data-testid="key-help-button">
          {t('cases.keys.hint')}
        </button>
      </div>
      <ErrorNotice error={error} />
      {done && (
        <p className="notice notice-ok" role="status" data-testid="queue-done">
          {done}
        </p>
      )}
      <ServerGrid
        gridId="cases"
        testId="case-grid"
        method="cases.list"
        queryArgs={queryArgs}
        columnDefs={columns}
        hiddenByDefault={CASE_HIDDEN_BY_DEFAULT}
        rowId={(row) => String(row.case_id)}
        onOpen={open}
        openOnClick={false}
        rowSelection={canWork ? { mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false } : undefined}
        onSelectionChanged={setSelected}
        countLabel={(count, formatted) => t('cases.count', { count, formatted })}
        onReady={onReady}
        toolbar={() =>
          canWork && (
            <form className="inline-form bulk-assign" onSubmit={bulkAssign} data-testid="bulk-assign">
              <span className="muted small">{t('cases.bulk.selected', { count: selected.length })}</span>
              <input
                className="input-narrow"
                value={bulkTo}
                onChange={(event) => setBulkTo(event.target.value)}
                aria-label={t('cases.bulk.to')}
                placeholder={t('cases.bulk.toPlaceholder')}
                list="case-assignees"
                maxLength={64}
              />
              <datalist id="case-assignees">
                <option value={user.username} />
              </datalist>
              <button type="submit" className="button button-small" disabled={busy || selected.length === 0 || bulkTo.trim() === ''}>
                {t('cases.bulk.assign')}
              </button>
            </form>
          )
        }
      />
      {prompt && <MovePrompt caseId={prompt.row.case_id} move={prompt.move} busy={busy} onSubmit={sendProposal} onCancel={() => setPrompt(null)} />}
      {help && <KeyHelp onClose={() => setHelp(false)} />}
    </div>
  );
}
