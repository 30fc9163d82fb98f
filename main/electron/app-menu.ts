import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openWorkspace(): void;
  lockWorkspace(): void;
  showAbout(): void;
}

/**
 * The application menu. Reload and the developer tools appear only in development: in the product a reload
 * is not a user's tool, and the devtools would be a way around the renderer's restrictions.
 */
export function applicationMenuTemplate(options: { platform: NodeJS.Platform; development: boolean; actions: MenuActions }): MenuItemConstructorOptions[] {
  const { platform, development, actions } = options;
  const mac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: 'About RiskDesk', click: () => actions.showAbout() };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: 'RiskDesk',
          submenu: [about, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => actions.openWorkspace() },
      { label: 'Lock Workspace', accelerator: 'CmdOrCtrl+L', click: () => actions.lockWorkspace() },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(development
        ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] satisfies MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  return [
    ...appMenu,
    file,
    { label: '&Edit', role: 'editMenu' },
    view,
    { label: '&Window', role: 'windowMenu' },
    { label: '&Help', role: 'help', submenu: [about] },
  ];
}
