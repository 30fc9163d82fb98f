import { useTranslation } from 'react-i18next';
import type { DraftProblem } from './settings-draft.ts';

/** Every problem the form found before sending, each with the field it belongs to. */
export function DraftProblems({ problems, fieldLabel }: { problems: readonly DraftProblem[]; fieldLabel: (field: string) => string }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div className="notice notice-error" role="alert" data-testid="draft-problems">
      {t('caseSettings.problemsIntro')}
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>
            {fieldLabel(problem.field)}: {t(`caseSettings.problems.${problem.key}`, problem.values)}
          </li>
        ))}
      </ul>
    </div>
  );
}
