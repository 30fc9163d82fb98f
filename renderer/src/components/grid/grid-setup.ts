import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';

ModuleRegistry.registerModules([AllCommunityModule]);

/**
 * AG Grid's Quartz theme, tightened for a dense workstation, with a light and a dark mode. The mode follows
 * `data-ag-theme-mode` on <body>, which the preferences set together with the app's own theme.
 */
export const gridTheme = themeQuartz
  // Density and type: every mode.
  .withParams({
    fontFamily: 'inherit',
    fontSize: 12,
    headerFontSize: 12,
    headerFontWeight: 600,
    spacing: 5,
    rowHeight: 28,
    headerHeight: 32,
    borderRadius: 3,
    wrapperBorderRadius: 4,
  })
  // Colours: one set per mode, matching app.css.
  .withParams(
    {
      accentColor: '#2f6fdb',
      backgroundColor: '#ffffff',
      foregroundColor: '#1c2430',
      borderColor: '#dde2e9',
      headerBackgroundColor: '#f4f6f9',
      oddRowBackgroundColor: '#fafbfc',
      browserColorScheme: 'light',
    },
    'light',
  )
  .withParams(
    {
      accentColor: '#5b9bff',
      backgroundColor: '#151b23',
      foregroundColor: '#d5dce5',
      borderColor: '#2a333f',
      headerBackgroundColor: '#1b222c',
      oddRowBackgroundColor: '#181f28',
      chromeBackgroundColor: '#1b222c',
      browserColorScheme: 'dark',
    },
    'dark',
  );
