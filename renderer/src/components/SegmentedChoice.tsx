/** One of two or three options as a row of segments (radio buttons underneath, so arrow keys move the choice). */
export function SegmentedChoice<T extends string>({
  name,
  label,
  options,
  value,
  onChange,
  optionLabel,
}: {
  readonly name: string;
  readonly label: string;
  readonly options: readonly T[];
  readonly value: T;
  readonly onChange: (option: T) => void;
  readonly optionLabel: (option: T) => string;
}) {
  return (
    <div className="segmented" role="radiogroup" aria-label={label}>
      {options.map((option) => (
        <label key={option} className={option === value ? 'segment active' : 'segment'}>
          <input type="radio" name={name} className="visually-hidden" checked={option === value} onChange={() => onChange(option)} />
          {optionLabel(option)}
        </label>
      ))}
    </div>
  );
}
