import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

const KEYS = [
  ['j / k', 'move'],
  ['Enter', 'open'],
  ['a', 'assign'],
  ['e', 'escalate'],
  ['c', 'close'],
  ['?', 'help'],
] as const;

/** The queue's triage keys; Esc, ? or the button closes it. */
export function KeyHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="case-dialog"
      aria-labelledby="key-help-title"
      data-testid="key-help"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        if (event.key === '?') onClose();
      }}
    >
      <h2 id="key-help-title">{t('cases.keys.title')}</h2>
      <table className="table table-compact">
        <tbody>
          {KEYS.map(([key, what]) => (
            <tr key={what}>
              <th scope="row">
                <kbd>{key}</kbd>
              </th>
              <td>{t(`cases.keys.${what}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          {t('cases.keys.dismiss')}
        </button>
      </div>
    </dialog>
  );
}
