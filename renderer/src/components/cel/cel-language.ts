import { StreamLanguage, type StringStream } from '@codemirror/language';

/*
 * CEL (github.com/google/cel-spec, "Syntax") as CodeMirror's stream tokenizer: enough to colour an expression
 * (comments, string and bytes literals in every quoting, numbers, keywords, operators, names and calls). It does not
 * parse: main type-checks every expression, and the editor shows main's verdict.
 */

const KEYWORDS = new Set(['in']);
const ATOMS = new Set(['true', 'false', 'null']);
const NUMBER = /^(?:0x[0-9a-fA-F]+u?|(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?u?)/;
const OPERATOR = /^(?:&&|\|\||==|!=|<=|>=|[-+*/%!<>?:])/;

interface CelState {
  /** The closing quote of a string that runs on past the end of a line (only triple-quoted ones may). */
  openString: string | null;
}

function readString(stream: StringStream, state: CelState, quote: string): string {
  while (!stream.eol()) {
    if (stream.match(quote)) {
      state.openString = null;
      return 'string';
    }
    // A backslash escapes the next character (raw strings keep it, but it never ends one there either).
    if (stream.next() === '\\') stream.next();
  }
  state.openString = quote.length === 3 ? quote : null;
  return 'string';
}

export const celLanguage = StreamLanguage.define<CelState>({
  name: 'cel',
  startState: () => ({ openString: null }),
  token(stream, state) {
    if (state.openString) return readString(stream, state, state.openString);
    if (stream.eatSpace()) return null;
    if (stream.match('//')) {
      stream.skipToEnd();
      return 'comment';
    }
    // Raw and bytes prefixes (r, R, b, B, in either order) before a quote belong to the literal.
    const quoted = stream.match(/^(?:[rRbB]{0,2})("""|'''|"|')/) as RegExpMatchArray | null;
    if (quoted) return readString(stream, state, quoted[1] ?? '"');
    if (stream.match(NUMBER)) return 'number';
    if (stream.match(OPERATOR)) return 'operator';
    const name = stream.match(/^[A-Za-z_][A-Za-z0-9_]*/) as RegExpMatchArray | null;
    if (name) {
      const word = name[0];
      if (ATOMS.has(word)) return 'atom';
      if (KEYWORDS.has(word)) return 'keyword';
      // A name followed by "(" is a call: size(x), x.startsWith("…").
      return stream.match(/^\s*\(/, false) ? 'variableName.function' : 'variableName';
    }
    stream.next();
    return null;
  },
  languageData: { commentTokens: { line: '//' }, closeBrackets: { brackets: ['(', '[', '{', "'", '"'] } },
});
