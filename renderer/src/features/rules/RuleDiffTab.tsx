import { useTranslation } from 'react-i18next';
import type { Rule, RuleSetDiff } from '../../../../preload/contract/fraud-rules.ts';
import { api } from '../../api/client.ts';
import { useCall } from '../../api/use-call.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { VersionPicker } from './VersionPicker.tsx';

interface Props {
  readonly from: number | null;
  readonly to: number | null;
  readonly onPick: (from: number, to: number) => void;
}

/**
 * What changed between two rule set versions, side by side: the thresholds before and after, the rules added and
 * removed, and each changed rule's fields before and after with its expression's words taken out and put in marked.
 * By default the active version against the newest, which is what a reviewer of a draft wants to see.
 */
export function RuleDiffTab({ from, to, onPick }: Props) {
  const { t } = useTranslation();
  const versions = useCall(() => api.call('rules.list'), []);
  const rows = versions.data ?? [];
  const newest = rows[0]?.version ?? null;
  const base = rows.find((row) => row.status === 'active' && row.version !== newest)?.version ?? rows[1]?.version ?? null;
  const left = from ?? base;
  const right = to ?? newest;
  const diff = useCall(() => (left !== null && right !== null ? api.call('rules.diff', { from: left, to: right }) : Promise.resolve(null)), [left, right]);

  return (
    <div className="credit-stack">
      <ErrorNotice error={versions.error ?? diff.error} />
      {rows.length < 2 && versions.data && <p className="muted">{t('rules.diff.needTwo')}</p>}
      {rows.length >= 2 && (
        <div className="form-row" data-testid="diff-pickers">
          <VersionPicker label={t('rules.diff.from')} versions={rows} value={left} onChange={(version) => onPick(version, right ?? version)} />
          <VersionPicker label={t('rules.diff.to')} versions={rows} value={right} onChange={(version) => onPick(left ?? version, version)} />
        </div>
      )}
      {diff.data && <DiffView diff={diff.data} />}
    </div>
  );
}

function DiffView({ diff }: { diff: RuleSetDiff }) {
  const { t } = useTranslation();
  const same = !diff.thresholds && diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0 && !diff.reordered;
  return (
    <section className="panel" aria-labelledby="rule-diff-title" data-testid="rule-diff">
      <h2 id="rule-diff-title">{t('rules.diff.title', { from: diff.from, to: diff.to })}</h2>
      {same && <p className="muted">{t('rules.diff.same')}</p>}
      {diff.thresholds && (
        <table className="table table-compact diff-thresholds" data-testid="diff-thresholds">
          <thead>
            <tr>
              <th scope="col">{t('rules.diff.thresholds')}</th>
              <th scope="col" className="num">{t('rules.diff.before', { version: diff.from })}</th>
              <th scope="col" className="num">{t('rules.diff.after', { version: diff.to })}</th>
            </tr>
          </thead>
          <tbody>
            {(['review', 'block'] as const).map((name) => (
              <tr key={name} className={diff.thresholds?.before[name] === diff.thresholds?.after[name] ? undefined : 'diff-changed'}>
                <th scope="row">{t(`rules.fields.${name}`)}</th>
                <td className="num">{diff.thresholds?.before[name]}</td>
                <td className="num">{diff.thresholds?.after[name]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {diff.reordered && <p className="small">{t('rules.diff.reordered')}</p>}
      {diff.added.length > 0 && <RuleGroup title={t('rules.diff.added')} rules={diff.added} kind="added" />}
      {diff.removed.length > 0 && <RuleGroup title={t('rules.diff.removed')} rules={diff.removed} kind="removed" />}
      {diff.changed.length > 0 && (
        <>
          <h3>{t('rules.diff.changed')}</h3>
          {diff.changed.map((change) => (
            <div key={change.id} className="diff-rule" data-testid="diff-changed" data-rule-id={change.id}>
              <h4>
                <code>{change.id}</code> <span className="muted small">{change.fields.map((field) => t(`rules.fields.${field}`)).join(', ')}</span>
              </h4>
              <div className="diff-sides">
                <div>
                  <div className="muted small">{t('rules.diff.before', { version: diff.from })}</div>
                  <code className="rule-expression" data-testid="expression-before">
                    {change.expression.filter((part) => part.kind !== 'added').map((part, index) => (part.kind === 'removed' ? <del key={index}>{part.text}</del> : <span key={index}>{part.text}</span>))}
                  </code>
                  <RuleFacts rule={change.before} fields={change.fields} />
                </div>
                <div>
                  <div className="muted small">{t('rules.diff.after', { version: diff.to })}</div>
                  <code className="rule-expression" data-testid="expression-after">
                    {change.expression.filter((part) => part.kind !== 'removed').map((part, index) => (part.kind === 'added' ? <ins key={index}>{part.text}</ins> : <span key={index}>{part.text}</span>))}
                  </code>
                  <RuleFacts rule={change.after} fields={change.fields} />
                </div>
              </div>
            </div>
          ))}
        </>
      )}
    </section>
  );
}

/** A changed rule's fields other than its expression, the changed ones marked. */
function RuleFacts({ rule, fields }: { rule: Rule; fields: readonly string[] }) {
  const { t } = useTranslation();
  const mark = (field: string) => (fields.includes(field) ? 'diff-mark' : undefined);
  return (
    <ul className="small diff-facts">
      <li className={mark('description')}>{rule.description}</li>
      <li className={mark('score')}>{t('rules.diff.score', { score: rule.score })}</li>
      <li className={mark('action')}>{t(`rules.actions.${rule.action}`)}</li>
      <li className={mark('enabled')}>{rule.enabled ? t('rules.view.on') : t('rules.view.off')}</li>
    </ul>
  );
}

function RuleGroup({ title, rules, kind }: { title: string; rules: readonly Rule[]; kind: 'added' | 'removed' }) {
  return (
    <>
      <h3>{title}</h3>
      <ul className={`diff-group diff-${kind}`} data-testid={`diff-${kind}`}>
        {rules.map((rule) => (
          <li key={rule.id} data-rule-id={rule.id}>
            <code>{rule.id}</code> · {rule.description}
            <code className="rule-expression">{rule.expression}</code>
          </li>
        ))}
      </ul>
    </>
  );
}
