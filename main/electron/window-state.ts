import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { MIN_WINDOW_SIZE } from './window-options.ts';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  readonly bounds: Rect;
  readonly maximized: boolean;
}

/** Where and how big the window opens; no x/y means "centred by the window manager". */
export interface WindowPlacement {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

const DEFAULT_WINDOW_SIZE = { width: 1440, height: 900 } as const;
/** How much of the title bar must lie on a display for a saved position to count as reachable. */
const MIN_VISIBLE = { width: 120, height: 40 } as const;
const FILE_NAME = 'window-state.json';

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);
const windowStateSchema = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, width: length, height: length }),
  maximized: z.boolean(),
});

export function parseWindowState(raw: unknown): WindowState | null {
  const parsed = windowStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function windowStateFile(dataDir: string): string {
  return path.join(dataDir, FILE_NAME);
}

export function readWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(state)}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, high));
}

function fitSize(size: { width: number; height: number }, area: Rect): { width: number; height: number } {
  return {
    width: clamp(size.width, Math.min(MIN_WINDOW_SIZE.width, area.width), area.width),
    height: clamp(size.height, Math.min(MIN_WINDOW_SIZE.height, area.height), area.height),
  };
}

/**
 * Where to open the window, from the saved state and the displays' work areas (the primary first). A saved
 * position is kept when the window's title bar lies on a display that still exists, moved fully onto that
 * display; otherwise (a display unplugged, resolution changed, a damaged file) the window opens centred on
 * the primary display with the saved size, made to fit.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): WindowPlacement {
  const primary = workAreas[0];
  if (!primary) return { ...DEFAULT_WINDOW_SIZE, maximized: saved?.maximized ?? false };
  if (saved === null) return { ...fitSize(DEFAULT_WINDOW_SIZE, primary), maximized: false };

  const titleBar: Rect = { ...saved.bounds, height: Math.min(saved.bounds.height, MIN_VISIBLE.height) };
  const home = workAreas.find((area) => {
    const visible = overlap(titleBar, area);
    return visible.width >= Math.min(MIN_VISIBLE.width, saved.bounds.width) && visible.height >= Math.min(MIN_VISIBLE.height, saved.bounds.height);
  });
  if (!home) return { ...fitSize(saved.bounds, primary), maximized: saved.maximized };

  const size = fitSize(saved.bounds, home);
  return {
    x: clamp(saved.bounds.x, home.x, home.x + home.width - size.width),
    y: clamp(saved.bounds.y, home.y, home.y + home.height - size.height),
    ...size,
    maximized: saved.maximized,
  };
}

/** What tracking needs of a BrowserWindow. */
export interface TrackedWindow {
  on(event: 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
}

/** Saves the window's normal (unmaximized) bounds and its maximized flag when it closes. */
export function trackWindowState(window: TrackedWindow, save: (state: WindowState) => void): void {
  window.on('close', () => {
    const state = parseWindowState({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    if (state) save(state);
  });
}
