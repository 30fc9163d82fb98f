import { usePreferences } from '../../session/preferences.tsx';

/** Recharts takes colours as props, so the chart palette follows the theme here rather than in CSS. */
export interface ChartPalette {
  readonly series: readonly string[];
  readonly good: string;
  readonly warn: string;
  readonly bad: string;
  readonly grid: string;
  readonly axis: string;
  readonly tooltipBackground: string;
  readonly tooltipBorder: string;
  readonly text: string;
}

const LIGHT: ChartPalette = {
  series: ['#2f6fdb', '#0f9d8a', '#d9822b', '#8a5cd6', '#c2416b', '#5a7390'],
  good: '#2e9e62',
  warn: '#d9a32b',
  bad: '#cf3e3e',
  grid: '#e6eaf0',
  axis: '#6b7685',
  tooltipBackground: '#ffffff',
  tooltipBorder: '#d7dde5',
  text: '#1c2430',
};

const DARK: ChartPalette = {
  series: ['#5b9bff', '#33c2ad', '#f0a154', '#a883f0', '#e8678f', '#8ea3bd'],
  good: '#4cc38a',
  warn: '#e8bf4f',
  bad: '#f0645f',
  grid: '#27303b',
  axis: '#8b97a6',
  tooltipBackground: '#1b222c',
  tooltipBorder: '#33404f',
  text: '#d5dce5',
};

export function useChartPalette(): ChartPalette {
  return usePreferences().effectiveTheme === 'dark' ? DARK : LIGHT;
}

export function tooltipStyle(palette: ChartPalette) {
  return {
    contentStyle: { background: palette.tooltipBackground, border: `1px solid ${palette.tooltipBorder}`, borderRadius: 4, fontSize: 12, color: palette.text },
    labelStyle: { color: palette.text, fontWeight: 600 },
    itemStyle: { padding: 0 },
  };
}
