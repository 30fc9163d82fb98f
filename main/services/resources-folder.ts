import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RiskDeskError } from '../../preload/contract/errors.ts';

/**
 * resources/ (default parameter sets, rule sets and playbooks as JSON, and the report font) sits beside package.json in every
 * layout RiskDesk runs from: the checkout run through tsx (main/services/ is two folders down), the compiled dist/
 * (dist/main/services/, three down), and the packaged app, whose app.asar holds package.json, dist/ and resources/
 * side by side (electron-builder.yml `files`; Electron's fs reads inside the archive). So the folder is found by
 * walking up from this module to the first folder with both, rather than by a fixed number of `..`.
 */
export function resourcesFolder(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'resources'))) return path.join(dir, 'resources');
    if (path.dirname(dir) === dir) throw new RiskDeskError('FILE_UNREADABLE', `RiskDesk's resources folder is missing (looked above ${from}); reinstall RiskDesk.`);
  }
}

/** One shipped JSON file under resources/, e.g. `parameter-sets/credit-ifrs9-default.json`, not yet validated. */
export function readResourceJson(relative: string, folder: string = resourcesFolder()): unknown {
  const file = path.join(folder, relative);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new RiskDeskError('FILE_UNREADABLE', `RiskDesk's shipped file ${file} cannot be read (${(error as Error).message}); reinstall RiskDesk.`, { file: relative });
  }
}
