import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Case } from '../../../../preload/contract/cases.ts';
import { api } from '../../api/client.ts';
import { useUnlocked } from '../../session/session-context.tsx';
import { useCall } from '../../api/use-call.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { AlertList } from './AlertList.tsx';
import { CaseActions } from './CaseActions.tsx';
import { CaseAttachments } from './CaseAttachments.tsx';
import { CaseChangeContext } from './case-change.ts';
import { CaseHeader } from './CaseHeader.tsx';
import { CaseNotes } from './CaseNotes.tsx';
import { canRegroup, CaseRegroup } from './CaseRegroup.tsx';
import { CaseTags } from './CaseTags.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { EntityLink } from './EntityLink.tsx';
import { PlaybookChecklist } from './PlaybookChecklist.tsx';

/** One case at `cases/:caseId`: where it stands and its workflow, its alerts, playbook, notes, actions and history. */
export function CaseView() {
  const { t } = useTranslation();
  const { caseId: param } = useParams();
  const caseId = Number(param);
  const valid = Number.isInteger(caseId) && caseId > 0;
  const found = useCall(() => (valid ? api.call('cases.get', { caseId }) : Promise.reject(new Error(t('cases.view.notFound', { id: param ?? '' })))), [caseId]);
  const timeline = useCall(() => (valid ? api.call('cases.timeline', { caseId }) : Promise.resolve([])), [caseId]);
  const { reload: reloadCase } = found;
  const { reload: reloadTimeline } = timeline;

  // Every change returns the case, but the timeline is read again too: both are read once more after a change.
  const run = useCallback(
    async (work: () => Promise<unknown>) => {
      await work();
      reloadCase();
      reloadTimeline();
    },
    [reloadCase, reloadTimeline],
  );

  const item = found.data;
  return (
    <section className="page" aria-labelledby="page-title" data-testid="case-view" data-case={valid ? caseId : undefined}>
      <PageHeader
        title={item ? `#${item.caseId} ${item.title}` : t('cases.view.heading', { id: param ?? '' })}
        subtitle={
          <Link to="/cases" className="small">
            ← {t('cases.view.back')}
          </Link>
        }
      />
      <ErrorNotice error={found.error} />
      {!item && !found.error && <p className="muted">{t('common.loading')}</p>}
      {item && (
        <CaseChangeContext.Provider value={run}>
          <CaseBody key={item.caseId} item={item} timeline={timeline.data} timelineError={timeline.error} />
        </CaseChangeContext.Provider>
      )}
    </section>
  );
}

function CaseBody({ item, timeline, timelineError }: { item: Case; timeline: Parameters<typeof CaseTimeline>[0]['events']; timelineError: unknown }) {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const regroup = canRegroup(user.role, item);
  // Ticked alerts, kept only while they are still in the case (a change may have moved them).
  const [ticked, setTicked] = useState<readonly number[]>([]);
  const selected = ticked.filter((alertId) => item.alerts.some((alert) => alert.alertId === alertId));
  const onToggle = (alertId: number, on: boolean) => setTicked((now) => (on ? [...now.filter((id) => id !== alertId), alertId] : now.filter((id) => id !== alertId)));
  return (
    <>
      <CaseHeader item={item} />
      <div className="case-grid">
        <div className="case-column">
          <AlertList alerts={item.alerts} selection={regroup ? { selected, onToggle } : undefined} />
          {regroup && <CaseRegroup item={item} selected={selected} onMoved={() => setTicked([])} />}
          <PlaybookChecklist item={item} />
          <CaseNotes item={item} />
        </div>
        <div className="case-column">
          <section className="panel" aria-labelledby="case-entities" data-testid="case-entities">
            <h2 id="case-entities">{t('cases.entities.title')}</h2>
            {item.entities.length === 0 && <p className="muted">{t('cases.entities.none')}</p>}
            <ul className="case-list">
              {item.entities.map((entity) => (
                <li key={`${entity.type}:${entity.id}`}>
                  <EntityLink subject={entity} />
                </li>
              ))}
            </ul>
          </section>
          <CaseTags item={item} />
          <CaseActions item={item} />
          <CaseAttachments item={item} />
          <ErrorNotice error={timelineError} />
          <CaseTimeline events={timeline} />
        </div>
      </div>
    </>
  );
}
