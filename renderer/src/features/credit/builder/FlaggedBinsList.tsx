import { useTranslation } from 'react-i18next';
import type { FlaggedBin, StoredBinning } from '../../../../../preload/contract/index.ts';
import { codeLabel } from '../../../components/code-labels.ts';
import { storedBinLabel } from '../bin-label.ts';

interface Props {
  readonly bins: readonly FlaggedBin[];
  /** The development's binnings, where each flagged bin's rule is found by its stored label to word it. */
  readonly binnings: readonly StoredBinning[];
}

/** Flagged bins as a list, feature and bin with their flags: what saving asks to accept, and what was accepted. */
export function FlaggedBinsList({ bins, binnings }: Props) {
  const { t } = useTranslation();
  return (
    <ul>
      {bins.map((bin) => (
        <li key={`${bin.feature}:${bin.label}`}>
          {codeLabel(t, 'features', bin.feature)}{' '}
          <span className="mono">{storedBinLabel(t, binnings.find((binning) => binning.name === bin.feature), bin.label)}</span>:{' '}
          {bin.flags.map((flag) => t(`credit.diagnostics.flagNames.${flag}`)).join(', ')}
        </li>
      ))}
    </ul>
  );
}
