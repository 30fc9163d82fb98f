/**
 * Hands content to the browser (or Electron's download handling) as a file to save. The object URL outlives the
 * click by a minute: revoking it at once can cancel a download that has not started reading yet.
 */
export function saveDownload(parts: BlobPart[], type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

interface Chunk {
  readonly nextOffset: number;
  readonly done: boolean;
  readonly fileName: string;
}

/**
 * Reads a file main hands out in chunks (an export, an evidence pack, a report's PDF), from offset 0 until main says
 * it is done, so that a large file never has to be one message. `part` turns a chunk into bytes or text.
 */
export async function readInChunks<C extends Chunk>(read: (offset: number) => Promise<C>, part: (chunk: C) => BlobPart): Promise<{ parts: BlobPart[]; fileName: string }> {
  const parts: BlobPart[] = [];
  let offset = 0;
  let chunk = await read(offset);
  parts.push(part(chunk));
  while (!chunk.done) {
    if (chunk.nextOffset <= offset) throw new Error('The file stopped growing before it was complete; make it again.');
    offset = chunk.nextOffset;
    chunk = await read(offset);
    parts.push(part(chunk));
  }
  return { parts, fileName: chunk.fileName };
}

/** Bytes from base64, for a Blob (atob gives one character per byte). */
export function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
