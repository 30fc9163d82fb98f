import type { HandlerTable } from './handler.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';

type FileMethods = 'workspace.fileFolder' | 'uploads.start' | 'uploads.append';

/** How files reach RiskDesk from the page: named inside the allowed folder, or uploaded (uploads.ts). */
export const fileHandlers: HandlerTable<FileMethods> = {
  'workspace.fileFolder': (core) => {
    core.requireSession();
    return { folder: core.files.folder };
  },

  'uploads.start': (core, { fileName, bytes }) => core.requireSession().uploads.start(fileName, bytes),

  'uploads.append': (core, { uploadId, offset, data }) => {
    const session = core.requireSession();
    const chunk = Buffer.from(data, 'base64');
    if (chunk.length === 0) throw new RiskDeskError('VALIDATION', 'data: a chunk holds at least one byte.', [{ path: 'data', message: 'empty' }]);
    return session.uploads.append(uploadId, offset, chunk);
  },
};
