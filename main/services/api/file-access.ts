import fs from 'node:fs';
import path from 'node:path';
import { RiskDeskError } from '../../../preload/contract/errors.ts';

/**
 * Where the renderer may name files. The renderer is untrusted (in the browser host it is whatever page holds
 * the token), so a path it sends is never used as it is: a file to read (an import, a backup to restore) or a
 * file to create (a backup) must be inside one folder, the user's RiskDesk folder unless the person who started
 * RiskDesk chose another. Links are followed before the check, so a link in the folder cannot lead out of it.
 * Files from anywhere else reach RiskDesk by upload (uploads.ts). The CLI, run by the user in person, is not
 * limited by this.
 */
export interface FileAccess {
  /** The folder, as shown to the user. */
  readonly folder: string;
  /** An existing regular file inside the folder (a relative path is taken from the folder). */
  existingFile(requested: string, argument: string): string;
  /** A path for a new file whose parent folder is inside the folder. */
  newFile(requested: string, argument: string): string;
}

/** Paths are echoed in errors only this far: enough to recognise, not a channel for anything long. */
const SHOWN_CHARS = 120;

function shown(requested: string): string {
  const flat = requested.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '?');
  return JSON.stringify(flat.length > SHOWN_CHARS ? `${flat.slice(0, SHOWN_CHARS)}…` : flat);
}

function isInside(candidate: string, root: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

export function folderFileAccess(folder: string): FileAccess {
  const root = path.resolve(folder);
  fs.mkdirSync(root, { recursive: true, mode: 0o700 });

  const outside = (requested: string, argument: string): RiskDeskError =>
    new RiskDeskError('INVALID_ARGUMENT', `${argument}: files named here must be inside ${root}, and ${shown(requested)} is not. Put the file in that folder, or upload it.`, [
      { path: argument, message: `outside ${root}` },
    ]);

  const realRoot = (): string => fs.realpathSync(root);

  return {
    folder: root,
    existingFile(requested, argument) {
      const resolved = path.resolve(root, requested);
      let real: string;
      try {
        real = fs.realpathSync(resolved);
      } catch {
        if (!isInside(resolved, root)) throw outside(requested, argument);
        throw new RiskDeskError('NOT_FOUND', `${argument}: there is no file ${shown(requested)} in ${root}.`, [{ path: argument, message: 'no such file' }]);
      }
      if (!isInside(real, realRoot())) throw outside(requested, argument);
      if (!fs.statSync(real).isFile()) throw new RiskDeskError('INVALID_ARGUMENT', `${argument}: ${shown(requested)} is not a file.`, [{ path: argument, message: 'not a file' }]);
      return real;
    },
    newFile(requested, argument) {
      const resolved = path.resolve(root, requested);
      let parent: string;
      try {
        parent = fs.realpathSync(path.dirname(resolved));
      } catch {
        if (!isInside(resolved, root)) throw outside(requested, argument);
        throw new RiskDeskError('NOT_FOUND', `${argument}: the folder of ${shown(requested)} does not exist in ${root}.`, [{ path: argument, message: 'no such folder' }]);
      }
      const real = path.join(parent, path.basename(resolved));
      if (!isInside(real, realRoot())) throw outside(requested, argument);
      // A link in the place of the new file could point anywhere: refuse it rather than write through it.
      if (fs.lstatSync(real, { throwIfNoEntry: false })?.isSymbolicLink()) throw outside(requested, argument);
      return real;
    },
  };
}
