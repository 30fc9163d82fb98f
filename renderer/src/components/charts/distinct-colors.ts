/**
 * Colours for many series of one kind (vintages, one per quarter) that a reader can tell apart: 12 hues a twelfth
 * of the wheel (30°) apart, then the same hues again darker, then lighter. Series next to each other in the list
 * (neighbouring quarters, whose lines often cross) are five twelfths of the wheel (150°) apart, and the first few
 * spread round the whole wheel (three series: 0°, 150°, 300°). Beyond 36 series colours repeat; the charts that use this also highlight one series at a time.
 */
const HUES = 12;
/** Five is coprime with twelve, so stepping by it visits every hue once before repeating. */
const HUE_STRIDE = 5;
/** Blue first, like the rest of the palette. */
const FIRST_HUE = 214;
/** Lightness of the first, second and third round of hues: readable on the theme's background. */
const LIGHTNESS = { light: [44, 30, 60], dark: [62, 46, 76] } as const;
const SATURATION = 68;

export interface HslColor {
  readonly hue: number;
  readonly saturation: number;
  readonly lightness: number;
}

export function distinctHsl(count: number, theme: 'light' | 'dark'): HslColor[] {
  const levels = LIGHTNESS[theme];
  return Array.from({ length: count }, (_, index) => {
    const slot = (index * HUE_STRIDE) % HUES;
    const round = Math.floor(index / HUES) % levels.length;
    return { hue: (FIRST_HUE + (slot * 360) / HUES) % 360, saturation: SATURATION, lightness: levels[round] ?? levels[0] };
  });
}

export function distinctColors(count: number, theme: 'light' | 'dark'): string[] {
  return distinctHsl(count, theme).map(({ hue, saturation, lightness }) => `hsl(${hue.toFixed(0)} ${saturation}% ${lightness}%)`);
}
