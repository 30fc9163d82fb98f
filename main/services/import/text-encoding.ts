import { isUtf8 } from 'node:buffer';
import { IMPORT_ENCODINGS, type ImportEncoding } from '../../../preload/contract/vocabulary.ts';

export function isImportEncoding(value: unknown): value is ImportEncoding {
  return (IMPORT_ENCODINGS as readonly unknown[]).includes(value);
}

/** What the first non-ASCII bytes of a file look like, and the encoding to import it with when RiskDesk has one. */
export interface EncodingGuess {
  /** "GBK (simplified Chinese)": for a message. */
  readonly name: string;
  readonly importAs: ImportEncoding | null;
  /** What to do when RiskDesk cannot import it as it is (importAs null). */
  readonly advice?: string;
  /** Read correctly by a UTF-8 import all the same: the CSV parser decodes UTF-16LE that starts with its BOM. */
  readonly readAsUtf8?: boolean;
  /** Enough multi-byte UTF-8 characters that no other encoding's text would be valid UTF-8 by chance. */
  readonly surelyUtf8?: boolean;
}

/** Enough bytes to tell the encodings apart; the guess looks at no more. */
export const ENCODING_SAMPLE_BYTES = 64 * 1024;

const UTF8: EncodingGuess = { name: 'UTF-8', importAs: 'utf-8' };
const SURELY_UTF8: EncodingGuess = { ...UTF8, surelyUtf8: true };
/**
 * About one GBK character in seven is a valid two-byte UTF-8 sequence by chance, so a few may be; six (twelve
 * high bytes) all valid by chance is a chance in a hundred thousand.
 */
const SURELY_UTF8_HIGH_BYTES = 12;
const GBK: EncodingGuess = { name: 'GBK (simplified Chinese)', importAs: 'gbk' };
const GB18030: EncodingGuess = { name: 'GB18030 (Chinese)', importAs: 'gb18030' };
const WINDOWS_1252: EncodingGuess = { name: 'Windows-1252 (Western European, often called Latin-1)', importAs: 'windows-1252' };
const SHIFT_JIS: EncodingGuess = { name: 'Shift-JIS (Japanese)', importAs: null };
const UTF16LE: EncodingGuess = { name: 'UTF-16 (little-endian)', importAs: null };
const UTF16LE_BOM: EncodingGuess = { ...UTF16LE, readAsUtf8: true };
const UTF16BE: EncodingGuess = { name: 'UTF-16 (big-endian)', importAs: null };
const BINARY: EncodingGuess = { name: 'binary data, not text', importAs: null, advice: 'is it the CSV file you meant?' };

function startsWith(sample: Uint8Array, bytes: readonly number[]): boolean {
  return bytes.every((byte, index) => sample[index] === byte);
}

/** A byte no text file has: C0 controls other than tab, line feed, carriage return, form feed and escape. */
function isBinaryByte(byte: number): boolean {
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b;
}

/**
 * Guesses the encoding of `sample` (the first bytes of a file, or its first chunk with a byte above 0x7F; it may end
 * in the middle of a character). The heuristics, in order:
 * 1. A byte order mark says it outright: FF FE is UTF-16LE, FE FF UTF-16BE, 84 31 95 33 GB18030.
 * 2. Zero bytes at every other position are UTF-16 without a BOM (ASCII text in UTF-16 is half zeros); other
 *    control bytes (more than one in a hundred, or any zero) are binary data.
 * 3. Valid UTF-8 (allowing a character cut off at the end) is UTF-8.
 * 4. Otherwise the bytes above 0x7F are read as double-byte pairs (lead 81–FE, trail 40–7E or 80–FE, as GBK and
 *    Shift-JIS both pair them). If every such byte pairs up, the pairs decide: Chinese text in GBK is mostly
 *    GB2312 characters (lead B0–F7, trail A1–FE), Japanese in Shift-JIS mostly kana and common kanji (lead 81–9F);
 *    more than half of the pairs must say so. A trail byte below 0x40 or a lone high byte cannot be either, and
 *    single high bytes between ASCII letters (café, Müller) are what Windows-1252 looks like: the fallback.
 */
export function guessEncoding(sample: Uint8Array): EncodingGuess {
  if (startsWith(sample, [0xff, 0xfe])) return UTF16LE_BOM;
  if (startsWith(sample, [0xfe, 0xff])) return UTF16BE;
  if (startsWith(sample, [0x84, 0x31, 0x95, 0x33])) return GB18030;
  const utf16 = utf16WithoutBom(sample);
  if (utf16 !== null) return utf16;
  const binary = sample.reduce((count, byte) => count + (isBinaryByte(byte) ? 1 : 0), 0);
  if (sample.includes(0) || binary * 100 > sample.length) return BINARY;
  if (isUtf8UpToLastCharacter(sample)) return sample.filter((byte) => byte >= 0x80).length >= SURELY_UTF8_HIGH_BYTES ? SURELY_UTF8 : UTF8;
  return doubleByteGuess(sample) ?? WINDOWS_1252;
}

function utf16WithoutBom(sample: Uint8Array): EncodingGuess | null {
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 1) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenZeros += 1;
    else oddZeros += 1;
  }
  const half = sample.length / 2;
  // ASCII-range text: the high byte of every unit is zero, so at least a third of one parity (allowing CJK units).
  if (oddZeros > half / 3 && evenZeros < oddZeros / 10) return UTF16LE;
  if (evenZeros > half / 3 && oddZeros < evenZeros / 10) return UTF16BE;
  return null;
}

/** A multi-byte character may be cut off at the end of a sample: drop up to three bytes of an incomplete one. */
function isUtf8UpToLastCharacter(sample: Uint8Array): boolean {
  if (isUtf8(sample)) return true;
  for (let cut = 1; cut <= 3 && cut < sample.length; cut += 1) {
    const byte = sample[sample.length - cut] ?? 0;
    if (byte >= 0xc0) return isUtf8(sample.subarray(0, sample.length - cut));
    if (byte < 0x80) return false;
  }
  return false;
}

function doubleByteGuess(sample: Uint8Array): EncodingGuess | null {
  let pairs = 0;
  let chinese = 0;
  let japanese = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const lead = sample[i] ?? 0;
    if (lead < 0x80) continue;
    const trail = sample[i + 1];
    // A pair cut off by the end of the sample says nothing either way.
    if (trail === undefined) break;
    if (lead === 0x80 || lead === 0xff || trail < 0x40 || trail === 0x7f || trail === 0xff) return null;
    pairs += 1;
    // GB2312's characters have both bytes in A1–FE; "è" before a letter (E8 6D) pairs up too, but not like that.
    if (lead >= 0xb0 && lead <= 0xf7 && trail >= 0xa1) chinese += 1;
    else if (lead <= 0x9f) japanese += 1;
    i += 1;
  }
  if (chinese * 2 > pairs) return GBK;
  if (japanese * 2 > pairs) return SHIFT_JIS;
  return null;
}

const ENCODING_NAMES: Readonly<Record<ImportEncoding, string>> = { 'utf-8': 'UTF-8', gbk: 'GBK', gb18030: 'GB18030', 'windows-1252': 'Windows-1252' };

/**
 * "the file looks like GBK (…): import it with the encoding gbk (…) or save it as CSV UTF-8" when a file read as
 * `encoding` looks like another one, saying how to import it as that one (when RiskDesk reads it) or what else to
 * do; null when it looks like what it is read as.
 */
export function encodingAdvice(encoding: ImportEncoding, looksLike: EncodingGuess): string | null {
  if (looksLike.importAs === encoding || (encoding === 'utf-8' && looksLike.readAsUtf8 === true)) return null;
  if (looksLike.importAs === 'utf-8') return 'the file looks like UTF-8: import it as UTF-8 (without --encoding)';
  const fix =
    looksLike.importAs === null
      ? (looksLike.advice ?? 'save it as CSV UTF-8')
      : `import it with the encoding ${looksLike.importAs} (riskdesk import --encoding ${looksLike.importAs}) or save it as CSV UTF-8`;
  return `the file looks like ${looksLike.name}: ${fix}`;
}

/**
 * The encoding to try again with when a file read as `encoding` was refused and looks like `looksLike`: one RiskDesk
 * reads and the file is not read as already. UTF-8 only when the file is surely UTF-8: text that is merely valid
 * UTF-8 may well be in the encoding it was read as, refused for another reason.
 */
export function retryEncoding(encoding: ImportEncoding, looksLike: EncodingGuess): ImportEncoding | null {
  const other = looksLike.importAs;
  if (other === null || other === encoding) return null;
  return other === 'utf-8' && looksLike.surelyUtf8 !== true ? null : other;
}

/** Why a cell with bytes that are not text in `encoding` is refused, with what to do about it. */
export function undecodableReason(encoding: ImportEncoding, looksLike: EncodingGuess): string {
  return `is not valid ${ENCODING_NAMES[encoding]} text; ${encodingAdvice(encoding, looksLike) ?? 'save the file as CSV UTF-8'}`;
}

/**
 * Why a file read as `encoding` (not UTF-8) is refused when its text is surely UTF-8: decoding UTF-8 as GBK or
 * Windows-1252 yields other characters without an error (锟斤拷, Ã©), which would be stored as if they were the
 * data. null when the file may well be in `encoding`.
 */
export function misreadUtf8Reason(encoding: ImportEncoding, looksLike: EncodingGuess): string | null {
  if (encoding === 'utf-8' || looksLike.surelyUtf8 !== true) return null;
  return `the file is UTF-8 text, but it was read as ${ENCODING_NAMES[encoding]}, which would store its text garbled; import it as UTF-8 (without --encoding)`;
}
