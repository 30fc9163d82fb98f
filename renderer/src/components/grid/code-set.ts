/**
 * The set filter's model and choices, kept apart from its React component so that they can be tested on their own.
 * The model is the contract's set filter (preload/contract/grid.ts): the codes a row's value must be one of. No model
 * means every row (blank values and codes the list does not know included); an empty list means none.
 */
export interface CodeSetModel {
  readonly filterType: 'set';
  readonly values: readonly string[];
}

export interface CodeOption {
  readonly code: string;
  readonly label: string;
}

/** Each code once with its label, in the order the user reads the labels in (their locale's collation). */
export function codeOptions(codes: readonly string[], label: (code: string) => string, locale: string): CodeOption[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return [...new Set(codes)].map((code) => ({ code, label: label(code) })).sort((a, b) => collator.compare(a.label, b.label) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The options whose label or code holds the search text (ignoring case and surrounding spaces); all for no text. */
export function matchingOptions(options: readonly CodeOption[], search: string, locale: string): readonly CodeOption[] {
  const needle = search.trim().toLocaleLowerCase(locale);
  if (!needle) return options;
  return options.filter((option) => option.label.toLocaleLowerCase(locale).includes(needle) || option.code.toLowerCase().includes(needle));
}

/**
 * The codes a model lets through, or null when it lets everything through: no model, or a model of another kind (a
 * text filter set before the column had a set filter: main still applies it, and the list shows no choice of its own).
 */
export function selectedCodes(model: unknown): ReadonlySet<string> | null {
  if (!isCodeSetModel(model)) return null;
  return new Set(model.values);
}

function isCodeSetModel(model: unknown): model is CodeSetModel {
  return typeof model === 'object' && model !== null && (model as { filterType?: unknown }).filterType === 'set' && Array.isArray((model as { values?: unknown }).values);
}

/**
 * The model for a choice: none when every listed code is chosen (so rows with a blank value, or a code the list does
 * not hold, are not dropped by a filter that looks like "all"), otherwise the chosen codes in code order.
 */
export function modelFor(chosen: ReadonlySet<string>, listed: readonly string[]): CodeSetModel | null {
  if (listed.every((code) => chosen.has(code))) return null;
  return { filterType: 'set', values: [...chosen].sort() };
}

/** `chosen` with `codes` added (on) or taken away (off): what "select all" and "clear" do to the options shown. */
export function withCodes(chosen: ReadonlySet<string>, codes: readonly string[], on: boolean): Set<string> {
  const next = new Set(chosen);
  for (const code of codes) {
    if (on) next.add(code);
    else next.delete(code);
  }
  return next;
}

/** What the header row shows of a model: nothing for none, the chosen names when they are few, else their count. */
export function codeSetSummary(model: unknown, label: (code: string) => string, words: { readonly none: string; readonly count: (count: number) => string }, maxNames = 2): string {
  if (model === null || model === undefined) return '';
  if (!isCodeSetModel(model)) {
    // A text filter from before: its words, as AG Grid's own floating filter would show them.
    const text = (model as { filter?: unknown }).filter;
    return typeof text === 'string' ? text : '';
  }
  if (model.values.length === 0) return words.none;
  if (model.values.length > maxNames) return words.count(model.values.length);
  return model.values.map(label).join(', ');
}
