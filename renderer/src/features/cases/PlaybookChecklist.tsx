import { useTranslation } from 'react-i18next';
import type { Case, CaseStep } from '../../../../preload/contract/cases.ts';
import { allows } from '../../../../preload/contract/permissions.ts';
import { api } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatTimestamp } from '../../format/numbers.ts';
import { useUnlocked } from '../../session/session-context.tsx';
import { alertTypeLabel } from './alert-explanation.ts';
import { useCaseChange } from './case-change.ts';
import { formatDue, useNow } from './case-format.ts';
import { usePlaybookStepTitle } from './playbook-titles.ts';

/** The response playbook of the case's alerts: steps by alert type, who does each, when it is due, who ticked it. */
export function PlaybookChecklist({ item }: { item: Case }) {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const now = useNow();
  const { busy, error, change } = useCaseChange();
  const stepTitle = usePlaybookStepTitle();
  const canTick = allows(user.role, 'cases.edit') && item.status !== 'closed';

  const groups = new Map<string, CaseStep[]>();
  for (const step of item.steps) groups.set(step.alertType, [...(groups.get(step.alertType) ?? []), step]);

  return (
    <section className="panel" aria-labelledby="case-playbook" data-testid="case-playbook">
      <h2 id="case-playbook">{t('cases.playbook.title')}</h2>
      <ErrorNotice error={error} />
      {groups.size === 0 && <p className="muted">{t('cases.playbook.none')}</p>}
      {[...groups].map(([alertType, steps]) => (
        <div key={alertType} className="case-playbook-group">
          <h3>{alertTypeLabel(t, alertType)}</h3>
          <table className="table table-compact">
            <thead>
              <tr>
                <th scope="col">{t('cases.playbook.step')}</th>
                <th scope="col">{t('cases.playbook.role')}</th>
                <th scope="col">{t('cases.playbook.due')}</th>
                <th scope="col">{t('cases.playbook.done')}</th>
              </tr>
            </thead>
            <tbody>
              {[...steps]
                .sort((a, b) => a.position - b.position)
                .map((step) => {
                  const overdue = !step.doneAt && Date.parse(step.dueAt) < now;
                  return (
                    <tr key={step.position} className={overdue ? 'step-overdue' : undefined} data-testid="playbook-step" data-step={step.step} data-done={step.doneAt ? 'yes' : 'no'}>
                      <th scope="row">
                        {step.position}. {stepTitle(step.alertType, step.step)}
                      </th>
                      <td>{t(`roles.${step.role}`)}</td>
                      <td>
                        {formatDue(step.dueAt)}
                        {overdue && <span className="badge badge-error step-overdue-badge">{t('cases.playbook.overdue')}</span>}
                      </td>
                      <td>
                        {step.doneAt ? (
                          <span data-testid="step-done">{t('cases.playbook.doneBy', { who: step.doneBy ?? '', when: formatTimestamp(step.doneAt) })}</span>
                        ) : (
                          canTick && (
                            <button
                              type="button"
                              className="button button-small"
                              disabled={busy}
                              onClick={() => void change(() => api.call('cases.tickStep', { caseId: item.caseId, alertType, position: step.position }))}
                            >
                              {t('cases.playbook.tick')}
                            </button>
                          )
                        )}
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
