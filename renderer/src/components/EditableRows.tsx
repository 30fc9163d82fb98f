import { useTranslation } from 'react-i18next';

interface Column<K extends string> {
  readonly key: K;
  readonly label: string;
  readonly placeholder?: string;
  readonly narrow?: boolean;
  /**
   * A cell chosen from a list (codes) rather than typed: the first option is empty, labelled by `placeholder`. A
   * value not in the list (a set saved before the list existed) is kept as an option of its own, so it shows and
   * can be replaced rather than silently dropped.
   */
  readonly options?: readonly { readonly value: string; readonly label: string }[];
}

interface Props<K extends string> {
  readonly rows: readonly Readonly<Record<K, string>>[];
  readonly columns: readonly Column<K>[];
  /** Field ids are `${idPrefix}.${row}.${key}`, as in the draft's problems. */
  readonly idPrefix: string;
  /** The cells with a problem; with a map, also what the problem is, shown under the cell. */
  readonly invalid: ReadonlySet<string> | ReadonlyMap<string, string>;
  readonly blank: Readonly<Record<K, string>>;
  readonly addLabel: string;
  readonly onChange: (rows: Readonly<Record<K, string>>[]) => void;
}

/** A small editable table of text or chosen cells (LGD rules, CCF by product, liquidity product terms and scenarios): add a row, change a cell, remove a row. */
export function EditableRows<K extends string>({ rows, columns, idPrefix, invalid, blank, addLabel, onChange }: Props<K>) {
  const { t } = useTranslation();
  const update = (index: number, key: K, value: string) => onChange(rows.map((row, at) => (at === index ? { ...row, [key]: value } : row)));
  const problemOf = (field: string) => (invalid instanceof Map ? (invalid as ReadonlyMap<string, string>).get(field) : undefined);
  return (
    <table className="table table-compact editable-rows">
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.key} scope="col">
              {column.label}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">{t('common.remove')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            {columns.map((column) => {
              const field = `${idPrefix}.${index}.${column.key}`;
              const problem = problemOf(field);
              return (
                <td key={column.key}>
                  {column.options ? (
                    <select
                      value={row[column.key]}
                      aria-label={`${column.label} ${index + 1}`}
                      aria-invalid={invalid.has(field)}
                      aria-describedby={problem ? `${field}-problem` : undefined}
                      onChange={(event) => update(index, column.key, event.target.value)}
                    >
                      <option value="">{column.placeholder ?? ''}</option>
                      {row[column.key] !== '' && !column.options.some((option) => option.value === row[column.key]) && <option value={row[column.key]}>{row[column.key]}</option>}
                      {column.options.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      className={column.narrow ? 'input-narrow' : undefined}
                      value={row[column.key]}
                      placeholder={column.placeholder}
                      aria-label={`${column.label} ${index + 1}`}
                      aria-invalid={invalid.has(field)}
                      aria-describedby={problem ? `${field}-problem` : undefined}
                      onChange={(event) => update(index, column.key, event.target.value)}
                    />
                  )}
                  {problem && (
                    <span className="field-problem" id={`${field}-problem`}>
                      {problem}
                    </span>
                  )}
                </td>
              );
            })}
            <td>
              <button type="button" className="button-icon" aria-label={`${t('common.remove')} ${index + 1}`} title={t('common.remove')} onClick={() => onChange(rows.filter((_, at) => at !== index))}>
                ×
              </button>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={columns.length + 1}>
            <button type="button" className="button button-small" onClick={() => onChange([...rows, blank])}>
              {addLabel}
            </button>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
