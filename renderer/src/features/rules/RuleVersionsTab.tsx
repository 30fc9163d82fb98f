import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ARTEFACT_KINDS } from '../../../../preload/contract/lifecycle.ts';
import { allows } from '../../../../preload/contract/permissions.ts';
import { api } from '../../api/client.ts';
import { useCall } from '../../api/use-call.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { VersionList } from '../../components/lifecycle/VersionList.tsx';
import { useUnlocked } from '../../session/session-context.tsx';
import { ExportRuleSet, ImportRuleSet } from './RuleSetFiles.tsx';
import { RuleSetEditor } from './RuleSetEditor.tsx';
import { RuleSetView } from './RuleSetView.tsx';
import { shownVersion } from './shown-version.ts';

interface Props {
  /** The version the address names; else the active one, else the newest. */
  readonly version: number | null;
  readonly onVersion: (version: number) => void;
}

/**
 * Every rule set version with its lifecycle steps and export, one version in full, and for compliance a new draft
 * from the version shown and an import of another workspace's signed file (which becomes a draft here).
 */
export function RuleVersionsTab({ version, onVersion }: Props) {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const versions = useCall(() => api.call('rules.list'), []);
  const [drafting, setDrafting] = useState(false);
  const shown = versions.data ? shownVersion(versions.data, version) : undefined;
  const canEdit = allows(user.role, ARTEFACT_KINDS['fraud.ruleSet'].edit);
  const opened = (saved: number) => {
    setDrafting(false);
    versions.reload();
    onVersion(saved);
  };

  return (
    <div className="credit-stack">
      <ErrorNotice error={versions.error} />
      {versions.data && versions.data.length === 0 && <p className="muted">{t('rules.none')}</p>}
      {versions.data && versions.data.length > 0 && (
        <VersionList
          kind="fraud.ruleSet"
          testId="rule-set-versions"
          title={t('rules.versions')}
          readOnlyNote={t('rules.readOnly')}
          versions={versions.data}
          selected={shown?.version ?? null}
          onSelect={onVersion}
          onChanged={versions.reload}
          rowActions={(row) => <ExportRuleSet version={row.version} />}
        />
      )}
      {canEdit && !drafting && (
        <div className="form-row">
          {shown && (
            <button type="button" className="button" onClick={() => setDrafting(true)} data-testid="new-rules-draft">
              {t('rules.newDraft', { version: shown.version })}
            </button>
          )}
          <ImportRuleSet
            onImported={(imported) => {
              versions.reload();
              onVersion(imported);
            }}
          />
        </div>
      )}
      {shown && drafting && canEdit && <RuleSetEditor key={shown.version} base={shown} onCancel={() => setDrafting(false)} onSaved={opened} />}
      {shown && <RuleSetView version={shown} />}
    </div>
  );
}
