import { api } from '../../api/client.ts';
import { useCall } from '../../api/use-call.ts';

/** The folder that files named on these forms must be in (main refuses others); null until main answers. */
export function useFileFolder(): string | null {
  return useCall(() => api.call('workspace.fileFolder').then((answer) => answer.folder), []).data;
}
