import { Invalid } from './invalid.ts';
import { findUnsafeInId, findUnsafeInText } from './unsafe-characters.ts';

/** Longer than any real key (a SHA-256 in hex is 64); beyond it an id is a column mix-up, not an id. */
const MAX_ID_CHARACTERS = 64;
/** A region, product or description is a phrase; 500 leaves room for a sentence and stops a pasted document. */
const MAX_TEXT_CHARACTERS = 500;

const BOOLEANS: ReadonlyMap<string, 0 | 1> = new Map([
  ['true', 1],
  ['false', 0],
  ['1', 1],
  ['0', 0],
  ['yes', 1],
  ['no', 0],
]);

/** Case-insensitive because spreadsheets write TRUE/FALSE. Stored as 0/1. */
export function parseBoolean(text: string): 0 | 1 | Invalid {
  return BOOLEANS.get(text.toLowerCase()) ?? new Invalid('is not true/false, yes/no or 1/0');
}

/** The length in characters (code points), so that a CJK or emoji id is not held to a shorter limit. */
function tooLong(text: string, max: number, what: string): Invalid | null {
  // text.length counts UTF-16 units, never fewer than characters: only a long string needs counting, and it is
  // counted in place rather than spread into an array the size of the cell.
  if (text.length <= max) return null;
  let characters = 0;
  for (let unit = 0; unit < text.length; unit += (text.codePointAt(unit) ?? 0) > 0xffff ? 2 : 1) characters += 1;
  return characters > max ? new Invalid(`is ${characters} characters long; ${what} may have at most ${max}`) : null;
}

/** Ids are matched exactly by joins and upserts, so a stray space or a hidden character would silently make a different id. */
export function parseIdentifier(text: string): string | Invalid {
  const long = tooLong(text, MAX_ID_CHARACTERS, 'ids');
  if (long !== null) return long;
  const unsafe = findUnsafeInId(text);
  if (unsafe !== null) return new Invalid(`${unsafe}; ids may not contain control, invisible or line-break characters`);
  return text.trim() === text ? text : new Invalid('has spaces before or after it; ids must match exactly');
}

/** Free text (region, product, description): any script and line breaks, nothing that hides or reorders what is shown. */
export function parseText(text: string): string | Invalid {
  const long = tooLong(text, MAX_TEXT_CHARACTERS, 'text');
  if (long !== null) return long;
  const unsafe = findUnsafeInText(text);
  return unsafe === null ? text : new Invalid(`${unsafe}; text may not contain control or direction-changing characters`);
}

export function parseChoice<T extends string>(text: string, isAllowed: (value: string) => value is T, allowed: string): T | Invalid {
  if (isAllowed(text)) return text;
  if (isAllowed(text.trim().toLowerCase())) return new Invalid(`is not written exactly as ${text.trim().toLowerCase()}`);
  return new Invalid(`is not one of ${allowed}`);
}
