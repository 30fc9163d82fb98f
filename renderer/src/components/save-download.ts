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
