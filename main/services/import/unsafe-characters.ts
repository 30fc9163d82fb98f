/**
 * Characters that make a value look other than it is. Terminal controls (ESC, CSI) can rewrite a screen or log
 * that shows the value; bidi overrides and isolates reorder how the rest of a line reads (the "Trojan Source"
 * trick, CVE-2021-42574); invisible characters make two ids that look the same compare different.
 *
 * Free text may keep tab and line breaks (a quoted cell may span lines) and the marks that right-to-left scripts
 * and emoji legitimately use (U+200E/U+200F, zero-width joiners): only controls, bidi embeddings, overrides and
 * isolates, and the Unicode line and paragraph separators are refused. Ids are matched exactly and never
 * displayed as prose, so they may hold no control, formatting or separator character at all.
 */
const UNSAFE_IN_TEXT = /(?![\t\n\r])[\p{Cc}\u202A-\u202E\u2066-\u2069\u2028\u2029]/u;
const UNSAFE_IN_ID = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
/** What a problem shows as <U+XXXX>: all that is unsafe in an id but tab and line breaks, which JSON escapes visibly. */
const HIDDEN_IN_DISPLAY = /(?![\t\n\r])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

const NAMES: ReadonlyMap<number, string> = new Map([
  [0x00, 'null'],
  [0x08, 'backspace'],
  [0x09, 'tab'],
  [0x0a, 'line feed'],
  [0x0b, 'vertical tab'],
  [0x0c, 'form feed'],
  [0x0d, 'carriage return'],
  [0x1b, 'escape'],
  [0x7f, 'delete'],
  [0x85, 'next line'],
  [0x9b, 'control sequence introducer'],
  [0xad, 'soft hyphen'],
  [0x061c, 'arabic letter mark'],
  [0x200b, 'zero-width space'],
  [0x200c, 'zero-width non-joiner'],
  [0x200d, 'zero-width joiner'],
  [0x200e, 'left-to-right mark'],
  [0x200f, 'right-to-left mark'],
  [0x2028, 'line separator'],
  [0x2029, 'paragraph separator'],
  [0x202a, 'left-to-right embedding'],
  [0x202b, 'right-to-left embedding'],
  [0x202c, 'pop directional formatting'],
  [0x202d, 'left-to-right override'],
  [0x202e, 'right-to-left override'],
  [0x2060, 'word joiner'],
  [0x2066, 'left-to-right isolate'],
  [0x2067, 'right-to-left isolate'],
  [0x2068, 'first strong isolate'],
  [0x2069, 'pop directional isolate'],
  [0xfeff, 'byte order mark'],
]);

function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** "U+202E (right-to-left override)": the code point, since the character itself cannot be seen. */
function describeCharacter(codePoint: number): string {
  const isControl = codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f);
  const name = NAMES.get(codePoint) ?? (isControl ? 'a control character' : 'an invisible formatting character');
  return `${codePointLabel(codePoint)} (${name})`;
}

/** "contains U+202E (right-to-left override) at character 2" for the first unsafe character, or null. */
function findUnsafe(text: string, unsafe: RegExp): string | null {
  const match = text.match(unsafe);
  if (match === null) return null;
  const position = [...text.slice(0, match.index)].length + 1;
  return `contains ${describeCharacter(match[0].codePointAt(0) ?? 0)} at character ${position}`;
}

export function findUnsafeInText(text: string): string | null {
  return findUnsafe(text, UNSAFE_IN_TEXT);
}

export function findUnsafeInId(text: string): string | null {
  return findUnsafe(text, UNSAFE_IN_ID);
}

/** Shows each hidden character as <U+XXXX>, so echoing a refused value cannot do what refusing it prevented. */
export function showHiddenCharacters(text: string): string {
  return text.replace(HIDDEN_IN_DISPLAY, (char) => `<${codePointLabel(char.codePointAt(0) ?? 0)}>`);
}
