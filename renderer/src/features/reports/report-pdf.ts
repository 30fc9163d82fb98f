import { api } from '../../api/client.ts';
import { bytesOf, readInChunks, saveDownload } from '../../components/save-download.ts';

async function readPdf(reportId: number): Promise<{ parts: BlobPart[]; fileName: string }> {
  return readInChunks((offset) => api.call('reports.readPdf', { reportId, offset }), (chunk) => bytesOf(chunk.data));
}

/** A kept report's PDF, read in chunks and handed to the browser to save; the file name it was saved under. */
export async function downloadReportPdf(reportId: number): Promise<string> {
  const { parts, fileName } = await readPdf(reportId);
  saveDownload(parts, 'application/pdf', fileName);
  return fileName;
}

/**
 * A kept report's PDF in a new tab, in the browser's own viewer. The tab is opened before the read so that it counts
 * as the click's (pop-up blockers allow that), then pointed at the PDF; its URL lives as long as the tab may need it.
 */
export async function openReportPdf(reportId: number): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const { parts } = await readPdf(reportId);
    const url = URL.createObjectURL(new Blob(parts, { type: 'application/pdf' }));
    if (tab) tab.location.href = url;
    else window.open(url, '_blank');
    window.setTimeout(() => URL.revokeObjectURL(url), 10 * 60_000);
  } catch (failure) {
    tab?.close();
    throw failure;
  }
}
