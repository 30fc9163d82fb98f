import { Invalid } from './invalid.ts';

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

/** Ids are matched exactly by joins and upserts, so a stray space would silently make a different id. */
export function parseIdentifier(text: string): string | Invalid {
  return text.trim() === text ? text : new Invalid('has spaces before or after it; ids must match exactly');
}

export function parseChoice<T extends string>(text: string, isAllowed: (value: string) => value is T, allowed: string): T | Invalid {
  if (isAllowed(text)) return text;
  if (isAllowed(text.trim().toLowerCase())) return new Invalid(`is not written exactly as ${text.trim().toLowerCase()}`);
  return new Invalid(`is not one of ${allowed}`);
}
