import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Alert, AlertFigure } from '../../../../preload/contract/alerts.ts';
import { inSeriesOrder } from '../../components/charts/legend-order.ts';
import { xAxisTitle, yAxisTitle } from '../../components/charts/axis-title.ts';
import { tooltipStyle, useChartPalette } from '../../components/charts/palette.ts';
import { formatTimestamp } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { alertTypeLabel, explanationText, figureLabel, formatFigure } from './alert-explanation.ts';
import { EntityLink } from './EntityLink.tsx';
import { LoanRiskChart } from './LoanRiskChart.tsx';

/** Ticking alerts to move them out into a new case (CaseRegroup), where the user may. */
interface AlertSelection {
  readonly selected: readonly number[];
  readonly onToggle: (alertId: number, on: boolean) => void;
}

/**
 * The case's alerts, most severe first: what raised each, in words and in figures against their thresholds; a credit
 * alert on a loan charts the loan over the credit runs. With `selection`, each alert has a box to tick it.
 */
export function AlertList({ alerts, selection }: { alerts: readonly Alert[]; selection?: AlertSelection | undefined }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="case-alerts" data-testid="case-alerts">
      <h2 id="case-alerts">{t('cases.alerts.title', { count: alerts.length })}</h2>
      <ul className="case-alerts">
        {alerts.map((alert) => (
          <AlertItem key={alert.alertId} alert={alert} selection={selection} />
        ))}
      </ul>
    </section>
  );
}

function AlertItem({ alert, selection }: { alert: Alert; selection: AlertSelection | undefined }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { explanation } = alert;
  const text = explanationText(t, explanation, locale);
  const charted = explanation.figures.filter((figure): figure is AlertFigure & { value: number; threshold: number } => typeof figure.value === 'number' && figure.threshold !== undefined);
  return (
    <li className="case-alert" data-testid="case-alert" data-type={alert.type} data-alert={alert.alertId}>
      <div className="case-alert-head">
        {selection && (
          <label className="case-alert-select">
            <input
              type="checkbox"
              checked={selection.selected.includes(alert.alertId)}
              onChange={(event) => selection.onToggle(alert.alertId, event.target.checked)}
              aria-label={t('cases.regroup.selectAlert', { id: alert.alertId })}
              data-testid="alert-select"
            />
          </label>
        )}
        <span className={`badge priority-badge priority-${alert.severity}`}>{t(`cases.priorities.${alert.severity}`)}</span>
        <strong>{alertTypeLabel(t, alert.type)}</strong>
        <EntityLink subject={alert.subject} />
        <span className="muted small">
          {t('cases.alerts.score', { score: formatFigure(alert.score, undefined, locale) })} · {t('cases.alerts.occurrences', { count: alert.occurrences })} · {formatTimestamp(alert.lastSeenAt)}
          {alert.raisedBy ? ` · ${t('cases.alerts.raisedBy', { who: alert.raisedBy })}` : ''}
          {alert.lastRunId !== null ? ` · ${t('cases.alerts.run', { id: alert.lastRunId })}` : ''}
        </span>
      </div>
      <p className="case-alert-text" data-testid="alert-explanation">
        {text ?? t('cases.explain.generic', { type: alert.type })}
      </p>
      {explanation.note && <blockquote className="case-alert-note">{explanation.note}</blockquote>}
      <div className="case-alert-body">
        {explanation.figures.length > 0 && (
          <table className="table table-compact" data-testid="alert-figures">
            <thead>
              <tr>
                <th scope="col">{t('cases.alerts.figure')}</th>
                <th scope="col" className="num">{t('cases.alerts.value')}</th>
                <th scope="col" className="num">{t('cases.alerts.previous')}</th>
                <th scope="col" className="num">{t('cases.alerts.threshold')}</th>
              </tr>
            </thead>
            <tbody>
              {explanation.figures.map((figure) => (
                <tr key={figure.name}>
                  <th scope="row">{figureLabel(t, figure.name)}</th>
                  <td className="num">{formatFigure(figure.value, figure.unit, locale)}</td>
                  <td className="num">{formatFigure(figure.previous, figure.unit, locale)}</td>
                  <td className="num">{formatFigure(figure.threshold, figure.unit, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {charted.length > 0 && <FigureChart figures={charted} />}
      </div>
      {alert.source === 'credit' && alert.subject.type === 'loan' && <LoanRiskChart loanId={alert.subject.id} dpdThreshold={dpdCrossed(alert)} />}
    </li>
  );
}

/** Each figure that has a threshold: its value (red at or past it), the value before, and the threshold. */
function FigureChart({ figures }: { figures: readonly (AlertFigure & { value: number; threshold: number })[] }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  const data = figures.map((figure) => ({
    name: figureLabel(t, figure.name),
    value: figure.value,
    previous: typeof figure.previous === 'number' ? figure.previous : null,
    threshold: figure.threshold,
    unit: figure.unit,
  }));
  const hasPrevious = data.some((row) => row.previous !== null);
  const format = (value: unknown, unit?: string) => formatFigure(Number(value), unit, locale);
  return (
    <div className="case-figure-chart" data-testid="figure-chart">
      <ResponsiveContainer width="100%" height={data.length * (hasPrevious ? 48 : 36) + 70}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 4 }}>
          <CartesianGrid stroke={palette.grid} horizontal={false} />
          <XAxis
            type="number"
            stroke={palette.axis}
            fontSize={11}
            tickLine={false}
            tickFormatter={(value) => format(value, data[0]?.unit)}
            {...xAxisTitle(data[0]?.unit ? t('charts.axis.metricValue', { unit: data[0].unit }) : t('charts.axis.value'), palette)}
          />
          <YAxis type="category" dataKey="name" stroke={palette.axis} fontSize={11} tickLine={false} axisLine={false} interval={0} {...yAxisTitle(t('charts.axis.metric'), palette, 110)} />
          <Tooltip {...tooltipStyle(palette)} cursor={{ fill: palette.grid, opacity: 0.5 }} formatter={(value, _name, item) => format(value, (item.payload as (typeof data)[number]).unit)} />
          <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={inSeriesOrder(['value', 'previous', 'threshold'])} />
          <Bar dataKey="value" name={t('cases.alerts.chartValue')} isAnimationActive={false} barSize={10} fill={palette.bad}>
            {data.map((row) => (
              <Cell key={row.name} fill={row.value >= row.threshold ? palette.bad : (palette.series[0] ?? palette.good)} />
            ))}
          </Bar>
          {hasPrevious && <Bar dataKey="previous" name={t('cases.alerts.chartPrevious')} fill={palette.series[5] ?? palette.axis} isAnimationActive={false} barSize={10} />}
          <Bar dataKey="threshold" name={t('cases.alerts.chartThreshold')} fill={palette.axis} isAnimationActive={false} barSize={10} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** The DPD threshold a DPD-crossing alert crossed (its explanation's), or undefined for any other alert. */
function dpdCrossed(alert: Alert): number | undefined {
  if (alert.type !== 'credit.dpd_crossing') return undefined;
  const threshold = alert.explanation.figures.find((figure) => figure.name === 'dpd')?.threshold;
  return typeof threshold === 'number' ? threshold : 30;
}
