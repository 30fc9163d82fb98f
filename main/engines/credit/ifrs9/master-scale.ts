// The master scale maps a 12-month PD to a grade: each grade covers PDs up to and including its maxPd.
import { GRADES, type CreditParameters, type Grade } from '../../../../preload/contract/credit.ts';

export type MasterScale = CreditParameters['masterScale'];

/** The first grade whose maxPd ≥ pd; the last grade for anything above every bound (a scale that passed masterScaleProblems ends at 1). */
export function gradeOf(scale: MasterScale, pd: number): Grade {
  for (const step of scale) if (pd <= step.maxPd) return step.grade;
  return scale[scale.length - 1]?.grade ?? 'G';
}

/** Why a master scale cannot be used, in words a reviewer can act on; empty when it is sound. */
export function masterScaleProblems(scale: MasterScale): string[] {
  const problems: string[] = [];
  const grades = scale.map((step) => step.grade).join(', ');
  if (grades !== GRADES.join(', ')) problems.push(`The grades must be ${GRADES.join(', ')} in that order; got ${grades || 'none'}.`);
  scale.forEach((step, i) => {
    const previous = scale[i - 1];
    if (previous && !(step.maxPd > previous.maxPd)) problems.push(`Grade ${step.grade}'s maximum PD (${step.maxPd}) must be above grade ${previous.grade}'s (${previous.maxPd}): every grade needs a PD range of its own.`);
  });
  const last = scale[scale.length - 1];
  if (last && last.maxPd !== 1) problems.push(`The last grade (${last.grade}) must reach PD 1 so that every loan gets a grade; its maximum PD is ${last.maxPd}.`);
  return problems;
}
