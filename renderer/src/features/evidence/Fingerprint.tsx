import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A hex digest in groups of four, as people compare them aloud or by eye, with a button that copies it whole. */
export function Fingerprint({ hex, testId }: { hex: string; testId?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  // Through a promise: where the page has no clipboard (an insecure origin), the button does nothing rather than throw.
  const copy = () =>
    void Promise.resolve()
      .then(() => navigator.clipboard.writeText(hex))
      .then(
        () => setCopied(true),
        () => setCopied(false),
      );
  return (
    <span className="fingerprint">
      <code className="mono small" data-testid={testId} data-value={hex}>
        {hex.match(/.{1,4}/g)?.join(' ') ?? hex}
      </code>{' '}
      <button type="button" className="button button-small" onClick={copy} title={hex}>
        {copied ? t('evidence.exports.copied') : t('evidence.exports.copy')}
      </button>
    </span>
  );
}
