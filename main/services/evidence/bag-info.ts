// The text formats of a BagIt 1.0 bag's tag files (RFC 8493): the `Label: value` lines of bagit.txt and bag-info.txt
// (§2.1.1, §2.2.2) and the `<checksum>  <path>` lines of the manifests (§2.1.3, §2.2.1). Pure: no files, no zip.
import { RiskDeskError } from '../../../preload/contract/errors.ts';

/** RFC 8493 recommends lines of at most 79 characters; longer values are folded onto indented lines. */
const MAX_LINE = 79;
const CONTINUATION_INDENT = '  ';
/** LF, CR and CRLF all end a line in a tag file (RFC 8493 §2.1.1). */
const LINE_BREAK = /\r\n|\r|\n/;

function lines(text: string): string[] {
  const split = text.split(LINE_BREAK);
  if (split.at(-1) === '') split.pop();
  return split;
}

function refuse(file: string, line: number, problem: string): RiskDeskError {
  return new RiskDeskError('VALIDATION', `${file} line ${line}: ${problem}; the pack was changed or was not written by a BagIt tool.`, { file, line });
}

/**
 * Breaks one line of a value at single spaces so that no line is longer than `room` (a word longer than that keeps
 * its own line). Breaking only where one space stands between two words is what makes unfolding exact: the break and
 * the indentation are read back as that one space.
 */
function foldLine(text: string, firstRoom: number, room: number): string[] {
  const out: string[] = [];
  let rest = text;
  let limit = firstRoom;
  while (rest.length > limit) {
    let cut = -1;
    for (let i = Math.min(limit, rest.length - 1); i > 0; i -= 1) {
      if (rest[i] === ' ' && rest[i - 1] !== ' ' && rest[i + 1] !== ' ') {
        cut = i;
        break;
      }
    }
    if (cut < 0) cut = [...rest.matchAll(/(?<! ) (?! )/g)].find((m) => m.index > 0)?.index ?? -1;
    if (cut < 0) break;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut + 1);
    limit = room;
  }
  out.push(rest);
  return out;
}

/**
 * bag-info.txt (or bagit.txt) from labelled values, in order. A value holds no line break in BagIt, so a multi-line
 * value (a scope description) becomes one logical line: its lines, trimmed, joined by a space, each starting a new
 * indented physical line so the file still reads as written; long lines are folded at spaces. `parseBagInfo` reads
 * back exactly that logical value.
 */
export function formatBagInfo(entries: ReadonlyArray<readonly [string, string]>): string {
  let text = '';
  for (const [label, value] of entries) {
    if (label === '' || label.includes(':') || /^\s|\s$|[\r\n]/.test(label)) {
      throw new RiskDeskError('VALIDATION', `"${label}" cannot be a bag-info label: a label is one line without a colon or surrounding spaces.`, { label });
    }
    const parts = value.split(LINE_BREAK).map((part) => part.trim()).filter((part) => part !== '');
    const physical: string[] = [];
    parts.forEach((part, index) => {
      const firstRoom = index === 0 ? MAX_LINE - label.length - 2 : MAX_LINE - CONTINUATION_INDENT.length;
      physical.push(...foldLine(part, firstRoom, MAX_LINE - CONTINUATION_INDENT.length));
    });
    const [first = '', ...continued] = physical;
    text += `${label}: ${first}\n`;
    for (const line of continued) text += `${CONTINUATION_INDENT}${line}\n`;
  }
  return text;
}

/**
 * The labelled values of bag-info.txt (or bagit.txt), in order, with folded values unfolded (a line break and the
 * indentation after it read as one space). Blank lines are skipped; anything else that is not `Label: value` or an
 * indented continuation is refused with a VALIDATION error naming the file and line.
 */
export function parseBagInfo(text: string, fileName = 'bag-info.txt'): Array<{ label: string; value: string }> {
  const entries: Array<{ label: string; value: string }> = [];
  lines(text).forEach((line, index) => {
    const number = index + 1;
    if (line.trim() === '') return;
    if (/^[ \t]/.test(line)) {
      const last = entries.at(-1);
      if (!last) throw refuse(fileName, number, 'an indented continuation line comes before any label');
      const more = line.trim();
      last.value = last.value === '' ? more : `${last.value} ${more}`;
      return;
    }
    const match = /^([^:]+):(?:[ \t](.*))?$/.exec(line);
    const label = match?.[1]?.trim();
    if (!match || !label) throw refuse(fileName, number, `"${line.slice(0, 60)}" is not "Label: value"`);
    entries.push({ label, value: (match[2] ?? '').trim() });
  });
  return entries;
}

/** Bag-Size as people read it (RFC 8493 §2.2.2: "260 GB"): decimal units, one decimal place from 1 kB up. */
export function formatBagSize(bytes: number): string {
  const units = ['kB', 'MB', 'GB', 'TB'];
  if (bytes < 1000) return `${bytes} bytes`;
  let size = bytes / 1000;
  let unit = 0;
  while (size >= 999.95 && unit < units.length - 1) {
    size /= 1000;
    unit += 1;
  }
  return `${size.toFixed(1)} ${units[unit]}`;
}

export interface ManifestEntry {
  /** Relative to the bag's folder, with forward slashes (data/… for payload). */
  readonly path: string;
  /** Lower-case hex. */
  readonly sha256: string;
}

/** RFC 8493 §2.1.3: CR, LF and % in a path, and only those, are percent-encoded. */
function encodeManifestPath(path: string): string {
  return path.replace(/[%\r\n]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const ESCAPES: Record<string, string> = { '%25': '%', '%0A': '\n', '%0D': '\r' };

function decodeManifestPath(path: string): string | null {
  if (/%(?!25|0A|0D)/i.test(path)) return null;
  return path.replace(/%(25|0A|0D)/gi, (escape) => ESCAPES[escape.toUpperCase()] ?? escape);
}

/** `<sha256>  <path>` lines, two spaces between, which is also what `sha256sum -c` reads. */
export function formatManifest(entries: ReadonlyArray<ManifestEntry>): string {
  return entries.map((entry) => `${entry.sha256}  ${encodeManifestPath(entry.path)}\n`).join('');
}

/**
 * The entries of a manifest (manifest-sha256.txt or tagmanifest-sha256.txt): a hex SHA-256, linear white space, then
 * the path. Refuses a malformed line, a bad percent-escape and a path listed twice, naming the file and line.
 */
export function parseManifest(text: string, fileName: string): ManifestEntry[] {
  const entries: ManifestEntry[] = [];
  const seen = new Set<string>();
  lines(text).forEach((line, index) => {
    const number = index + 1;
    if (line.trim() === '') return;
    const match = /^([0-9a-fA-F]{64})[ \t]+(.+)$/.exec(line);
    if (!match) throw refuse(fileName, number, 'not "<sha256 in hex>  <path>"');
    const path = decodeManifestPath(match[2]!);
    if (path === null) throw refuse(fileName, number, 'a % in a path must be written %25');
    if (seen.has(path)) throw refuse(fileName, number, `${path} is listed twice`);
    seen.add(path);
    entries.push({ path, sha256: match[1]!.toLowerCase() });
  });
  return entries;
}
