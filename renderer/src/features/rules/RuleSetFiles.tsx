import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodResult } from '../../../../preload/contract/methods.ts';
import { api } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { DownloadOutcome } from '../../components/PlaintextSaved.tsx';
import { saveDownload } from '../../components/save-download.ts';
import { useSavedDownload } from '../../components/use-saved-download.ts';

/** One version as its signed JSON file, saved where the browser saves downloads. Anyone who reads rules may export. */
export function ExportRuleSet({ version }: { version: number }) {
  const { t } = useTranslation();
  const download = useSavedDownload();
  const exportFile = () =>
    download.save(async () => {
      const file = await api.call('rules.export', { version });
      saveDownload([file.content], 'application/json', file.fileName);
      return file.fileName;
    });
  return (
    <>
      <button type="button" className="button button-small" disabled={download.busy} onClick={() => void exportFile()} aria-label={t('rules.files.exportVersion', { version })}>
        {t('rules.files.export')}
      </button>
      <DownloadOutcome download={download} />
    </>
  );
}

type Imported = MethodResult<'rules.import'>;

/**
 * A signed rule set file from this or another workspace, as a new draft here (so four eyes apply to it here too).
 * Main checks the signature first; the result names the key that signed it and whether it is this workspace's own,
 * and a refusal (a broken signature, a file that is not a rule set) is shown with main's reason.
 */
export function ImportRuleSet({ onImported }: { onImported: (version: number) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Imported | null>(null);
  const [error, setError] = useState<unknown>(null);

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setResult(null);
    setError(null);
    try {
      const imported = await api.call('rules.import', { content: await file.text(), fileName: file.name });
      setResult(imported);
      onImported(imported.version.version);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="inline-form" data-testid="rules-import">
      <input ref={input} type="file" accept=".json,application/json" className="visually-hidden" tabIndex={-1} onChange={(event) => void pick(event)} data-testid="rules-import-file" />
      <button type="button" className="button" disabled={busy} onClick={() => input.current?.click()}>
        {t('rules.files.import')}
      </button>
      {result && (
        <p className={`notice ${result.signer.ownKey ? 'notice-ok' : 'notice-demo'}`} role="status" data-testid="rules-imported">
          {t('rules.files.imported', { version: result.version.version })}{' '}
          {t(result.signer.ownKey ? 'rules.files.ownKey' : 'rules.files.otherKey', { fingerprint: result.signer.fingerprint })}
        </p>
      )}
      <ErrorNotice error={error} />
    </div>
  );
}
