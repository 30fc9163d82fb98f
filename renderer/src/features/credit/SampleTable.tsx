import { useTranslation } from 'react-i18next';

/**
 * Tables of figures with one column per development sample (the training rows, then the holdout): the metrics and
 * the rounding effect. A sample without a figure (no holdout) shows a dash.
 */
export function SampleTableHead() {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        <th scope="col">{t('credit.metrics.metric')}</th>
        <th scope="col" className="num">{t('credit.metrics.train')}</th>
        <th scope="col" className="num">{t('credit.metrics.holdout')}</th>
      </tr>
    </thead>
  );
}

/** One row's cells, training then holdout, each sample's figure formatted or a dash. */
export function SampleCells<Sample>({ samples, format }: { samples: readonly [Sample | null | undefined, Sample | null | undefined]; format: (sample: Sample) => string }) {
  return samples.map((sample, index) => (
    <td key={index} className="num">
      {sample ? format(sample) : '—'}
    </td>
  ));
}
