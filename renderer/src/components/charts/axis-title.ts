import type { ChartPalette } from './palette.ts';

/** Room for a title under the x axis's ticks (Recharts' default 30 px holds the ticks alone). */
const X_AXIS_HEIGHT = 46;
/** Room for a rotated title left (or right) of the y axis's ticks. */
const Y_TITLE_ROOM = 16;
const TITLE_FONT_SIZE = 11;

/**
 * Every chart names what its axes measure, with the unit (%, months, currency): Recharts draws the title as the
 * axis's label. These place it outside the ticks, in the axis colour, with the class `axis-title` (the e2e tests and
 * the print view find titles by it). Spread the result into the axis: `<XAxis {...xAxisTitle(t('…'), palette)} />`.
 */
export function xAxisTitle(text: string, palette: ChartPalette) {
  return {
    height: X_AXIS_HEIGHT,
    // Recharts puts the text's baseline this far above the axis's bottom: room for descenders (g, y, 阶) inside the chart.
    label: { value: text, position: 'insideBottom' as const, offset: 4, fontSize: TITLE_FONT_SIZE, fill: palette.axis, className: 'axis-title' },
  };
}

/**
 * A y axis's title, rotated along it; `tickWidth` is the room its tick labels need (as the axis's width was before
 * it had a title), and the title's room is added to it.
 */
export function yAxisTitle(text: string, palette: ChartPalette, tickWidth: number, side: 'left' | 'right' = 'left') {
  return {
    width: tickWidth + Y_TITLE_ROOM,
    label: {
      value: text,
      angle: side === 'left' ? -90 : 90,
      position: side === 'left' ? ('insideLeft' as const) : ('insideRight' as const),
      // The rotated text is centred on this line: half its height in from the chart's edge, so none of it is clipped.
      offset: Y_TITLE_ROOM / 2,
      textAnchor: 'middle' as const,
      fontSize: TITLE_FONT_SIZE,
      fill: palette.axis,
      className: 'axis-title',
    },
  };
}
