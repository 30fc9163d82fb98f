// Loads a TypeScript worker entry in tests and development, where there is no build: worker threads do not
// get the parent's tsx hooks for their entry file, so this registers tsx in the thread and imports the entry
// the pool named in workerData. Production pools load the built .js entry directly and never use this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const entry = await import(workerData.tsEntry);
export default entry.default;
