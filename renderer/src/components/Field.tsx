import { useId, type ReactElement, type ReactNode } from 'react';
import { cloneElement } from 'react';

/**
 * A label above its control, with an optional hint and an optional problem (what is wrong with the value, shown at
 * the field); the control gets the id, aria-invalid and the hint's and problem's descriptions.
 */
export function Field({ label, hint, problem, children }: { label: ReactNode; hint?: ReactNode; problem?: string | undefined; children: ReactElement<{ id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }> }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const describedBy = [hint ? hintId : null, problem ? problemId : null].filter((part) => part !== null).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(problem ? { 'aria-invalid': true } : {}) })}
      {hint && (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      )}
      {problem && (
        <span className="field-problem" id={problemId}>
          {problem}
        </span>
      )}
    </div>
  );
}
