import type { BrowserWindowConstructorOptions } from 'electron';

/** Devtools only when running from the checkout (not packaged) and asked for with RISKDESK_DEV=1. */
export function isDevelopment(isPackaged: boolean, env: NodeJS.ProcessEnv): boolean {
  return !isPackaged && env.RISKDESK_DEV === '1';
}

export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;

/** The main window: every renderer-side privilege off, the sandboxed preload the only bridge. */
export function mainWindowOptions(options: {
  preloadPath: string;
  devTools: boolean;
  bounds: { x?: number; y?: number; width: number; height: number };
}): BrowserWindowConstructorOptions {
  return {
    ...options.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'RiskDesk',
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#1f2933',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: options.devTools,
    },
  };
}
