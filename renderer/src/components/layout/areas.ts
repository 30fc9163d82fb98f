/** Every area of the product, in navigation order; Alt+<shortcut> opens it. */
export const AREAS = [
  { id: 'dashboard', path: '/dashboard', shortcut: '1', ready: true },
  { id: 'portfolio', path: '/portfolio', shortcut: '2', ready: true },
  { id: 'credit', path: '/credit', shortcut: '3', ready: true },
  { id: 'fraud', path: '/fraud', shortcut: '4', ready: true },
  { id: 'liquidity', path: '/liquidity', shortcut: '5', ready: false },
  { id: 'cases', path: '/cases', shortcut: '6', ready: true },
  { id: 'rules', path: '/rules', shortcut: '7', ready: true },
  { id: 'audit', path: '/audit', shortcut: '8', ready: true },
  { id: 'settings', path: '/settings', shortcut: '9', ready: true },
] as const;

export type AreaId = (typeof AREAS)[number]['id'];
export type LaterAreaId = Extract<(typeof AREAS)[number], { ready: false }>['id'];

/** The area for an Alt+digit key press (KeyboardEvent.code, so it works on every keyboard layout). */
export function areaForKeyCode(code: string): (typeof AREAS)[number] | undefined {
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(code);
  return match ? AREAS.find((area) => area.shortcut === match[1]) : undefined;
}
