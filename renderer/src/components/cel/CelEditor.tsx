import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { Compartment, EditorState, type Text } from '@codemirror/state';
import { linter, type Diagnostic } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef, useState } from 'react';
import { celLanguage } from './cel-language.ts';

/** A name an expression may use, as the completion list shows it. */
export interface CelVariable {
  readonly name: string;
  /** Its CEL type and unit, shown beside the name. */
  readonly detail: string;
  /** What it means, in the user's language. */
  readonly info: string;
}

/** A problem the checker found, at a 1-based line and column of the expression. */
export interface CelProblem {
  readonly line: number;
  readonly column: number;
  /** How many characters to mark from there (at least one is marked). */
  readonly length: number;
  readonly message: string;
  /** A replacement for the marked text that would fix it, offered as an action on the problem. */
  readonly fix?: { readonly label: string; readonly text: string };
}

interface Props {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly label: string;
  readonly variables: readonly CelVariable[];
  /** Asked (debounced) after each change; resolves to the expression's problems, none when it is fine. */
  readonly check: (expression: string) => Promise<readonly CelProblem[]>;
  /** Marks the editor invalid for reasons of its own (a problem main gave when saving). */
  readonly invalid?: boolean;
}

const CHECK_DELAY_MS = 400;

function positionOf(doc: Text, line: number, column: number): number {
  const at = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return Math.min(at.from + Math.max(column - 1, 0), at.to);
}

function diagnosticOf(doc: Text, problem: CelProblem): Diagnostic {
  const from = positionOf(doc, problem.line, problem.column);
  const to = Math.min(from + Math.max(problem.length, 1), doc.length);
  const fix = problem.fix;
  return {
    from,
    to: Math.max(to, from),
    severity: 'error',
    message: problem.message,
    ...(fix ? { actions: [{ name: fix.label, apply: (view: EditorView, start: number, end: number) => view.dispatch({ changes: { from: start, to: end, insert: fix.text } }) }] } : {}),
  };
}

function completeFrom(variables: readonly CelVariable[]) {
  return (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(/[A-Za-z_][A-Za-z0-9_]*/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    return {
      from: word.from,
      options: variables.map((variable) => ({ label: variable.name, type: 'variable', detail: variable.detail, info: variable.info })),
      validFor: /^[A-Za-z0-9_]*$/,
    };
  };
}

/**
 * A CEL expression in CodeMirror 6: highlighted, with the given names completed (Ctrl+Space, or as one types) and the
 * checker's problems marked where they are, and also written out under the editor, so that they are read without
 * hovering. The value is controlled: a change from outside (a reset, a fix) replaces the document.
 */
export function CelEditor({ value, onChange, label, variables, check, invalid = false }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const [problems, setProblems] = useState<readonly CelProblem[]>([]);
  // The view is made once; these keep its callbacks on the latest props without rebuilding it.
  const latest = useRef({ onChange, check, label });
  latest.current = { onChange, check, label };
  const completion = useRef(new Compartment());

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          celLanguage,
          EditorView.lineWrapping,
          // Read at each update, so the name follows the rule's id as it is edited.
          EditorView.contentAttributes.of(() => ({ 'aria-label': latest.current.label })),
          completion.current.of(autocompletion({ override: [completeFrom(variables)] })),
          linter(
            async (current) => {
              const text = current.state.doc.toString();
              const found = text.trim() === '' ? [] : await latest.current.check(text);
              // An answer for text that has changed since is dropped: the next check is already on its way.
              if (current.state.doc.toString() !== text) return [];
              setProblems(found);
              return found.map((problem) => diagnosticOf(current.state.doc, problem));
            },
            { delay: CHECK_DELAY_MS },
          ),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // Made once per mount: the value and names that change later reach the view through the effects below.
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: completion.current.reconfigure(autocompletion({ override: [completeFrom(variables)] })) });
  }, [variables]);

  return (
    <div className="cel-editor" data-invalid={invalid || problems.length > 0}>
      <div ref={host} data-testid="cel-editor" />
      {problems.length > 0 && (
        <ul className="cel-problems" role="status" data-testid="cel-problems">
          {problems.map((problem, index) => (
            <li key={index}>{problem.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
