import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { codeLabel } from '../../components/code-labels.ts';

/**
 * A credit feature by its name in the user's language, with its code below it in small type: the code is what a
 * model's export, the command line and a SAS or Python analyst call it. The code may wrap after its underscores
 * (months_registered_before_origination), never inside a word.
 */
export function FeatureName({ name }: { name: string }) {
  const { t } = useTranslation();
  const parts = name.split('_');
  return (
    <span className="feature-name">
      <span className="feature-label">{codeLabel(t, 'features', name)}</span>{' '}
      <span className="feature-code mono muted small">
        {parts.map((part, i) => (
          <Fragment key={i}>
            {part}
            {i < parts.length - 1 && (
              <>
                _<wbr />
              </>
            )}
          </Fragment>
        ))}
      </span>
    </span>
  );
}
