/** Every area of the product, in navigation order; Alt+<shortcut> opens it (Evidence and Reports came after the nine digits were taken: they have none). */
export const AREAS = [
  { id: 'dashboard', path: '/dashboard', shortcut: '1' },
  { id: 'portfolio', path: '/portfolio', shortcut: '2' },
  { id: 'credit', path: '/credit', shortcut: '3' },
  { id: 'fraud', path: '/fraud', shortcut: '4' },
  { id: 'liquidity', path: '/liquidity', shortcut: '5' },
  { id: 'cases', path: '/cases', shortcut: '6' },
  { id: 'rules', path: '/rules', shortcut: '7' },
  { id: 'audit', path: '/audit', shortcut: '8' },
  { id: 'evidence', path: '/evidence', shortcut: null },
  { id: 'reports', path: '/reports', shortcut: null },
  { id: 'settings', path: '/settings', shortcut: '9' },
] as const;

export type AreaId = (typeof AREAS)[number]['id'];

/** The area for an Alt+digit key press (KeyboardEvent.code, so it works on every keyboard layout). */
export function areaForKeyCode(code: string): (typeof AREAS)[number] | undefined {
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(code);
  return match ? AREAS.find((area) => area.shortcut === match[1]) : undefined;
}
