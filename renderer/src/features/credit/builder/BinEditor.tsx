import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BinEditRequest, BinningEvaluation, DevelopmentOptions, DevelopmentReport, StoredBinRule } from '../../../../../preload/contract/index.ts';
import { api } from '../../../api/client.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { usePreferences } from '../../../session/preferences.tsx';
import { storedBinLabel } from '../bin-label.ts';
import { FeatureName } from '../FeatureName.tsx';
import { IV_BAND_TONE } from '../credit-codes.ts';
import { formatDecimal } from '../format-stats.ts';
import { ToneBadge } from '../ToneBadge.tsx';
import { BinTable } from './BinTable.tsx';
import { WoeChart } from './WoeChart.tsx';

interface Props {
  readonly feature: DevelopmentReport['features'][number];
  /** The feature's edited bins, if it has been edited since the last fit. */
  readonly evaluation: BinningEvaluation | null;
  /** The development's sample split (edits are counted on the same training rows) and the settings bins are flagged against. */
  readonly sample: Pick<DevelopmentOptions, 'holdoutFraction' | 'seed' | 'minBinShare' | 'monotonic'>;
  readonly onEdited: (evaluation: BinningEvaluation) => void;
  readonly onUndo: () => void;
  /** While a refit runs: its report replaces these bins, so an edit made meanwhile would be lost. */
  readonly frozen: boolean;
}

const groupsLevels = (rule: StoredBinRule | undefined) => rule?.kind === 'levels' || rule?.kind === 'other';

/**
 * One feature's bins with their WOE, and the hand edits: split a bin at a value, merge it with the next, or move
 * the boundary it shares with the next. Main re-counts the edited bins at once; an edit it refuses says why.
 */
export function BinEditor({ feature, evaluation, sample, onEdited, onUndo, frozen }: Props) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const [picked, setPicked] = useState(0);
  const [splitAt, setSplitAt] = useState('');
  const [moveTo, setMoveTo] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const binning = evaluation?.binning ?? feature.binning;
  const bins = evaluation?.bins ?? feature.bins;
  const iv = evaluation?.iv ?? feature.iv;
  const band = evaluation?.ivBand ?? feature.ivBand;
  const labels = bins.map((bin) => storedBinLabel(t, binning, bin.label));
  const rule = binning.bins[picked]?.rule;
  const next = binning.bins[picked + 1]?.rule;
  const canMerge = (rule?.kind === 'interval' && next?.kind === 'interval') || (groupsLevels(rule) && groupsLevels(next));
  const canSplit = rule?.kind === 'interval';
  const canMove = rule?.kind === 'interval' && next?.kind === 'interval';

  const apply = async (edit: BinEditRequest) => {
    setPending(true);
    setError(null);
    try {
      const result = await api.call('credit.evaluateBinning', {
        binning,
        edit,
        holdoutFraction: sample.holdoutFraction,
        seed: sample.seed,
        minBinShare: sample.minBinShare,
        monotonic: sample.monotonic,
      });
      onEdited(result);
      setPicked(Math.min(picked, result.binning.bins.length - 1));
      setSplitAt('');
      setMoveTo('');
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };
  const numberOrNull = (text: string) => (text.trim() === '' || !Number.isFinite(Number(text)) ? null : Number(text));
  const busy = pending || frozen;
  const at = numberOrNull(splitAt);
  const to = numberOrNull(moveTo);

  return (
    <div data-testid="bin-editor" data-feature={feature.name}>
      <div className="panel-head">
        <h2 id="bins-title">
          {t('credit.bins.title')} <FeatureName name={feature.name} />
        </h2>
        <span className="bin-iv" data-testid="bin-iv">
          {t('credit.builder.iv')} {formatDecimal(iv, locale, 4)} <ToneBadge tone={IV_BAND_TONE[band]}>{t(`credit.ivBands.${band}`)}</ToneBadge>
        </span>
        {evaluation && (
          <button type="button" className="button button-small" onClick={onUndo} disabled={frozen}>
            {t('credit.bins.undo')}
          </button>
        )}
      </div>
      <WoeChart bins={bins} labels={labels} />
      <BinTable bins={bins} labels={labels} picked={picked} onPick={setPicked} minBinShare={sample.minBinShare} />
      <div className="bin-actions" role="group" aria-label={t('credit.bins.editLabel', { label: labels[picked] ?? '' })}>
        <button type="button" className="button button-small" disabled={busy || !canMerge} onClick={() => void apply({ op: 'merge', index: picked })} data-testid="merge-next">
          {t('credit.bins.merge')}
        </button>
        {feature.type === 'numeric' && (
          <>
            <form
              className="inline-form"
              onSubmit={(event) => {
                event.preventDefault();
                if (at !== null) void apply({ op: 'split', index: picked, at });
              }}
            >
              <input className="input-narrow" type="number" value={splitAt} onChange={(event) => setSplitAt(event.target.value)} aria-label={t('credit.bins.splitAt')} placeholder={t('credit.bins.value')} disabled={!canSplit} />
              <button type="submit" className="button button-small" disabled={busy || !canSplit || at === null}>
                {t('credit.bins.split')}
              </button>
            </form>
            <form
              className="inline-form"
              onSubmit={(event) => {
                event.preventDefault();
                if (to !== null) void apply({ op: 'move', index: picked, to });
              }}
            >
              <input className="input-narrow" type="number" value={moveTo} onChange={(event) => setMoveTo(event.target.value)} aria-label={t('credit.bins.moveTo')} placeholder={t('credit.bins.value')} disabled={!canMove} />
              <button type="submit" className="button button-small" disabled={busy || !canMove || to === null}>
                {t('credit.bins.move')}
              </button>
            </form>
          </>
        )}
      </div>
      <p className="muted small">{feature.type === 'numeric' ? t('credit.bins.hintNumeric') : t('credit.bins.hintCategorical')}</p>
      <ErrorNotice error={error} />
    </div>
  );
}
