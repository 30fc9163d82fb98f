/**
 * Sizes of file uploads (the page sends a file the user picked to main in chunks; see
 * main/services/api/uploads.ts). Zod-free, so the renderer can use them without pulling in schemas.
 */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;
/** Base64 of a full chunk: four characters for every three bytes, rounded up. */
export const UPLOAD_CHUNK_BASE64_CHARS = 4 * Math.ceil(UPLOAD_CHUNK_BYTES / 3);
/** Large enough for ten million transactions in one CSV file. */
export const MAX_UPLOAD_BYTES = 16 * 1024 ** 3;
