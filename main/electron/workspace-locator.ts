import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { RiskDeskError } from '../../preload/contract/errors.ts';
import { workspaceIsPresent } from '../services/workspace-service.ts';

export interface RecentWorkspace {
  readonly path: string;
  readonly name: string;
  readonly lastOpenedAt: string | null;
  readonly demo: boolean;
}

/**
 * Which workspaces the desktop app may unlock. The renderer is untrusted, so it cannot name a file: it can
 * only pick among workspaces the user chose in main's native open dialog (`choose`) and the demo workspace.
 * The list lives in `recent-workspaces.json` in the app's data folder.
 */
export interface DesktopWorkspaceLocator {
  /** The workspace to unlock: the requested one if allowed, else the most recently chosen or opened. */
  resolve(requested?: string): string;
  /** Allowed workspaces that still exist, most recently chosen or opened first. */
  recent(): RecentWorkspace[];
  /** Records a successful unlock. */
  remember(file: string): void;
  isDemo(file: string): boolean;
  /** Allows a file the user picked in the open dialog, and puts it first. */
  choose(file: string): string;
}

const MAX_RECENT = 12;
const FILE_NAME = 'recent-workspaces.json';

const entrySchema = z.object({
  path: z.string().min(1).refine((p) => path.isAbsolute(p), 'absolute paths only'),
  chosenAt: z.string(),
  lastOpenedAt: z.string().nullable(),
});
type Entry = z.infer<typeof entrySchema>;
const fileSchema = z.object({ version: z.literal(1), entries: z.array(z.unknown()) });

/** Reads the list, keeping the entries that are well-formed: a damaged file costs the list, never the start. */
function readEntries(file: string): Entry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) return [];
  return parsed.data.entries.flatMap((entry) => {
    const valid = entrySchema.safeParse(entry);
    return valid.success ? [valid.data] : [];
  });
}

function writeEntries(file: string, entries: Entry[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify({ version: 1, entries }, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
}

function lastActivity(entry: Entry): string {
  return entry.lastOpenedAt !== null && entry.lastOpenedAt > entry.chosenAt ? entry.lastOpenedAt : entry.chosenAt;
}

function byLatestActivity(a: Entry, b: Entry): number {
  return lastActivity(b).localeCompare(lastActivity(a));
}

export function createWorkspaceLocator(options: {
  dataDir: string;
  demoPath: string;
  now?: () => Date;
  fileExists?: (file: string) => boolean;
}): DesktopWorkspaceLocator {
  const listFile = path.join(options.dataDir, FILE_NAME);
  const demoPath = path.resolve(options.demoPath);
  const now = options.now ?? (() => new Date());
  const fileExists = options.fileExists ?? workspaceIsPresent;
  let entries = readEntries(listFile).sort(byLatestActivity);

  const isDemo = (file: string): boolean => path.resolve(file) === demoPath;
  const find = (file: string): Entry | undefined => entries.find((entry) => entry.path === file);

  function save(next: Entry[]): void {
    entries = [...next].sort(byLatestActivity).slice(0, MAX_RECENT);
    writeEntries(listFile, entries);
  }

  function recent(): RecentWorkspace[] {
    const listed: Entry[] = find(demoPath) ? entries : [...entries, { path: demoPath, chosenAt: '', lastOpenedAt: null }];
    return listed
      .filter((entry) => fileExists(entry.path))
      .map((entry) => ({
        path: entry.path,
        name: isDemo(entry.path) ? 'Demo workspace (synthetic data)' : path.basename(entry.path, path.extname(entry.path)),
        lastOpenedAt: entry.lastOpenedAt,
        demo: isDemo(entry.path),
      }));
  }

  return {
    isDemo,
    recent,
    resolve(requested) {
      if (requested === undefined) {
        const first = recent()[0];
        if (!first) throw new RiskDeskError('WORKSPACE_NOT_FOUND', 'No workspace is open yet: choose one with File › Open Workspace…');
        return first.path;
      }
      const file = path.resolve(requested);
      if (!isDemo(file) && !find(file)) {
        throw new RiskDeskError('INVALID_ARGUMENT', `RiskDesk opens only workspaces chosen with File › Open Workspace… (or the demo); ${requested} was not chosen there.`);
      }
      return file;
    },
    remember(file) {
      const resolved = path.resolve(file);
      if (!isDemo(resolved) && !find(resolved)) return;
      const at = now().toISOString();
      const existing = find(resolved);
      save([...entries.filter((entry) => entry !== existing), { path: resolved, chosenAt: existing?.chosenAt ?? at, lastOpenedAt: at }]);
    },
    choose(file) {
      const resolved = path.resolve(file);
      const existing = find(resolved);
      save([...entries.filter((entry) => entry !== existing), { path: resolved, chosenAt: now().toISOString(), lastOpenedAt: existing?.lastOpenedAt ?? null }]);
      return resolved;
    },
  };
}
