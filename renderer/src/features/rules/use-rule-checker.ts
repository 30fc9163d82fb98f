import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCall } from '../../api/use-call.ts';
import type { CelProblem, CelVariable } from '../../components/cel/CelEditor.tsx';
import { usePreferences } from '../../session/preferences.tsx';

export interface RuleChecker {
  /** The fraud features a rule may read, for completion; empty until the catalogue has arrived. */
  readonly variables: readonly CelVariable[];
  readonly check: (expression: string) => Promise<readonly CelProblem[]>;
  readonly error: unknown;
}

/**
 * What the rule editor asks main: the feature catalogue (names, types, units, and descriptions in the user's
 * language) once, and a type check of an expression as it is typed. A problem is worded by its code in the user's
 * language, at its line and column, with main's detail; an unknown feature offers main's nearest name as a fix.
 */
export function useRuleChecker(): RuleChecker {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const catalogue = useCall(() => api.call('rules.catalogue'), []);

  const variables = useMemo(
    () =>
      (catalogue.data?.features ?? []).map((feature) => ({
        name: feature.name,
        detail: feature.unit ? `${feature.type} · ${feature.unit}` : feature.type,
        info: feature.description[language],
      })),
    [catalogue.data, language],
  );

  const check = useCallback(
    async (expression: string): Promise<readonly CelProblem[]> => {
      const result = await api.call('rules.check', { expression });
      if (result.ok) return [];
      const { code, message, line, column, identifier, suggestion } = result.error;
      const at = t('rules.check.at', { line, column });
      const what = code === 'unknown_feature' && identifier ? t('rules.check.unknownFeature', { identifier }) : `${t(`rules.check.codes.${code}`)}: ${message}`;
      const hint = suggestion ? ` ${t('rules.check.didYouMean', { suggestion })}` : '';
      return [
        {
          line,
          column,
          length: identifier?.length ?? 1,
          message: `${at} ${what}${hint}`,
          ...(suggestion ? { fix: { label: t('rules.check.use', { suggestion }), text: suggestion } } : {}),
        },
      ];
    },
    [t],
  );

  return { variables, check, error: catalogue.error };
}
