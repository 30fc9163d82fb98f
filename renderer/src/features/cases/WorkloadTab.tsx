import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CaseWorkload } from '../../../../preload/contract/cases.ts';
import { api } from '../../api/client.ts';
import { useCall } from '../../api/use-call.ts';
import { inSeriesOrder } from '../../components/charts/legend-order.ts';
import { xAxisTitle, yAxisTitle } from '../../components/charts/axis-title.ts';
import { tooltipStyle, useChartPalette, type ChartPalette } from '../../components/charts/palette.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';

const AGE_BUCKETS = ['0-1d', '1-3d', '3-7d', '7d+'] as const;

/** Bucket colours from young (calm) to old (alarming). */
function ageColours(palette: ChartPalette): Record<(typeof AGE_BUCKETS)[number], string> {
  return { '0-1d': palette.series[0] ?? palette.good, '1-3d': palette.series[1] ?? palette.good, '3-7d': palette.warn, '7d+': palette.bad };
}

/** Who holds how many open cases and for how long, and how the SLA has held week by week. */
export function WorkloadTab() {
  const { t } = useTranslation();
  const { data, error } = useCall(() => api.call('cases.workload'), []);
  return (
    <div className="panel-grid" data-testid="case-workload">
      <ErrorNotice error={error} />
      {!data && !error && <p className="muted">{t('common.loading')}</p>}
      {data && (
        <>
          <section className="panel" aria-labelledby="workload-assignee">
            <h2 id="workload-assignee">{t('cases.workload.byAssignee')}</h2>
            <ByAssignee rows={data.byAssignee} />
          </section>
          <section className="panel" aria-labelledby="workload-weeks">
            <h2 id="workload-weeks">{t('cases.workload.byWeek')}</h2>
            <ByWeek rows={data.breachesByWeek} />
          </section>
        </>
      )}
    </div>
  );
}

function ByAssignee({ rows }: { rows: CaseWorkload['byAssignee'] }) {
  const { t } = useTranslation();
  const palette = useChartPalette();
  if (rows.length === 0) return <p className="muted empty">{t('cases.workload.empty')}</p>;
  const unassigned = t('cases.unassigned');
  const byName = new Map<string, Record<string, number | string>>();
  for (const row of rows) {
    const name = row.assignee ?? unassigned;
    const entry = byName.get(name) ?? { name };
    entry[row.ageBucket] = (Number(entry[row.ageBucket]) || 0) + row.cases;
    byName.set(name, entry);
  }
  const data = [...byName.values()];
  const colours = ageColours(palette);
  return (
    <ResponsiveContainer width="100%" height={Math.max(180, data.length * 30 + 74)}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 4 }}>
        <CartesianGrid stroke={palette.grid} horizontal={false} />
        <XAxis type="number" allowDecimals={false} stroke={palette.axis} fontSize={11} tickLine={false} {...xAxisTitle(t('charts.axis.cases'), palette)} />
        <YAxis type="category" dataKey="name" stroke={palette.axis} fontSize={11} tickLine={false} axisLine={false} interval={0} {...yAxisTitle(t('charts.axis.analyst'), palette, 110)} />
        <Tooltip {...tooltipStyle(palette)} cursor={{ fill: palette.grid, opacity: 0.5 }} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={inSeriesOrder(AGE_BUCKETS)} />
        {AGE_BUCKETS.map((bucket) => (
          <Bar key={bucket} dataKey={bucket} name={t(`cases.workload.ages.${bucket}`)} stackId="age" fill={colours[bucket]} isAnimationActive={false} barSize={16} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

function ByWeek({ rows }: { rows: CaseWorkload['breachesByWeek'] }) {
  const { t } = useTranslation();
  const palette = useChartPalette();
  if (rows.length === 0) return <p className="muted empty">{t('cases.workload.emptyWeeks')}</p>;
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={palette.grid} vertical={false} />
        <XAxis dataKey="week" stroke={palette.axis} fontSize={11} tickLine={false} minTickGap={12} {...xAxisTitle(t('charts.axis.week'), palette)} />
        <YAxis allowDecimals={false} stroke={palette.axis} fontSize={11} tickLine={false} axisLine={false} {...yAxisTitle(t('charts.axis.cases'), palette, 40)} />
        <Tooltip {...tooltipStyle(palette)} cursor={{ fill: palette.grid, opacity: 0.5 }} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={inSeriesOrder(['closedInTime', 'breached'])} />
        <Bar dataKey="closedInTime" name={t('cases.workload.closedInTime')} fill={palette.good} isAnimationActive={false} />
        <Bar dataKey="breached" name={t('cases.workload.breached')} fill={palette.bad} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
