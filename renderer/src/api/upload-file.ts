import { UPLOAD_CHUNK_BYTES } from '../../../preload/contract/uploads.ts';
import { api } from './client.ts';

/** The bytes of part of a file as base64 (a data URL's payload: the browser encodes, in native code). */
function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`could not read ${blob.size} bytes of the file`));
    reader.readAsDataURL(blob);
  });
}

/**
 * Sends a file the user picked to main, chunk by chunk and in order, and returns the upload's id for
 * `jobs.importUpload`. The page never names a path: main keeps the bytes in the session's private folder.
 */
export async function uploadFile(file: File, onProgress: (sent: number, total: number) => void, signal?: AbortSignal): Promise<string> {
  const { uploadId } = await api.call('uploads.start', { fileName: file.name || 'upload.csv', bytes: file.size });
  let offset = 0;
  onProgress(0, file.size);
  while (offset < file.size) {
    signal?.throwIfAborted();
    const data = await base64Of(file.slice(offset, offset + UPLOAD_CHUNK_BYTES));
    const { received } = await api.call('uploads.append', { uploadId, offset, data });
    offset = received;
    onProgress(offset, file.size);
  }
  return uploadId;
}
