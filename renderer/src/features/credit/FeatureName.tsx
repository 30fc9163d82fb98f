import { Fragment } from 'react';

/** A feature name that may wrap after its underscores (months_registered_before_origination), never inside a word. */
export function FeatureName({ name }: { name: string }) {
  const parts = name.split('_');
  return (
    <>
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
    </>
  );
}
