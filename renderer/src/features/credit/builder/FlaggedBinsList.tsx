import { useTranslation } from 'react-i18next';
import type { FlaggedBin } from '../../../../../preload/contract/index.ts';
import { codeLabel } from '../../../components/code-labels.ts';

/** Flagged bins as a list, feature and bin with their flags: what saving asks to accept, and what was accepted. */
export function FlaggedBinsList({ bins }: { bins: readonly FlaggedBin[] }) {
  const { t } = useTranslation();
  return (
    <ul>
      {bins.map((bin) => (
        <li key={`${bin.feature}:${bin.label}`}>
          {codeLabel(t, 'features', bin.feature)} <span className="mono">{bin.label}</span>: {bin.flags.map((flag) => t(`credit.diagnostics.flagNames.${flag}`)).join(', ')}
        </li>
      ))}
    </ul>
  );
}
