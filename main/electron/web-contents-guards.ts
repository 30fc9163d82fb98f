import type { WebContents } from 'electron';

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Applied to every web contents the app creates (app 'web-contents-created'): the page can neither navigate
 * away from the app, nor open windows, nor attach a <webview>. Navigation inside the app is the router's
 * (history API), which fires none of these; reloads come from main and are not navigations either.
 *
 * A link to an https page is handed to the system browser; every other scheme (file:, javascript:, custom
 * protocols that start programs) goes nowhere.
 */
export function guardWebContents(contents: GuardedContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isHttpsUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

function isHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
