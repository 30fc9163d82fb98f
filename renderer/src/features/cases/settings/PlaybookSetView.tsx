import { useTranslation } from 'react-i18next';
import type { PlaybookSet } from '../../../../../preload/contract/cases.ts';
import { LifecycleBadge } from '../../../components/lifecycle/LifecycleBadge.tsx';
import { VersionByline } from '../../../components/lifecycle/VersionByline.tsx';
import { usePreferences } from '../../../session/preferences.tsx';
import { alertTypeLabel } from '../alert-explanation.ts';

/** One playbook set, read-only: per alert type, its steps in order with who does each, within how many hours, and the title in the user's language. */
export function PlaybookSetView({ set }: { set: PlaybookSet }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  return (
    <section className="panel" aria-labelledby="playbooks-view-title" data-testid="playbook-set" data-version={set.version}>
      <div className="panel-head">
        <h2 id="playbooks-view-title">{t('caseSettings.playbooks.version', { version: set.version })}</h2>
        <LifecycleBadge status={set.status} />
      </div>
      <VersionByline row={set} />
      {set.document.playbooks.length === 0 && <p className="muted">{t('caseSettings.playbooks.empty')}</p>}
      <div className="playbook-grid">
        {set.document.playbooks.map((playbook) => (
          <div key={playbook.alertType} data-testid="playbook" data-alert-type={playbook.alertType}>
            <h3>
              {alertTypeLabel(t, playbook.alertType)} <code className="muted small">{playbook.alertType}</code>
            </h3>
            <table className="table table-compact">
              <thead>
                <tr>
                  <th scope="col">{t('cases.playbook.step')}</th>
                  <th scope="col">{t('cases.playbook.role')}</th>
                  <th scope="col" className="num">{t('caseSettings.playbooks.dueHours')}</th>
                </tr>
              </thead>
              <tbody>
                {playbook.steps.map((step, index) => (
                  <tr key={step.step} data-step={step.step}>
                    <th scope="row">
                      {index + 1}. {step.title[language]}
                    </th>
                    <td>{t(`roles.${step.role}`)}</td>
                    <td className="num">{step.dueHours}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </div>
    </section>
  );
}
