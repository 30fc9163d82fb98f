import { useTranslation } from 'react-i18next';
import type { BinFlag } from '../../../../../preload/contract/index.ts';
import { formatPercent } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { ToneBadge } from '../ToneBadge.tsx';

interface Props {
  readonly flags: readonly BinFlag[];
  /** The bin's share of the loans, and the development's minimum, for the reason of a small bin. */
  readonly share: number;
  readonly minBinShare: number;
}

/** A bin's flags, each with its reason in words; an empty bin cannot be fitted at all, the others need accepting. */
export function BinFlagList({ flags, share, minBinShare }: Props) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  if (flags.length === 0) return null;
  return (
    <ul className="flag-list" data-testid="bin-flags">
      {flags.map((flag) => (
        <li key={flag}>
          <ToneBadge tone={flag === 'empty' ? 'bad' : 'warn'}>
            {t(`credit.diagnostics.binFlags.${flag}`, { share: formatPercent(share, locale, 1), min: formatPercent(minBinShare, locale, 1) })}
          </ToneBadge>
        </li>
      ))}
    </ul>
  );
}
