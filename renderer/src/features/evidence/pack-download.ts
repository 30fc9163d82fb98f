import { api } from '../../api/client.ts';
import { bytesOf, readInChunks, saveDownload } from '../../components/save-download.ts';

/** Read a finished evidence pack in chunks and hand it to the browser to save; the file name main gave it. */
export async function downloadPack(jobId: string): Promise<string> {
  const { parts, fileName } = await readInChunks((offset) => api.call('evidence.readPack', { jobId, offset }), (chunk) => bytesOf(chunk.data));
  saveDownload(parts, 'application/zip', fileName);
  return fileName;
}
