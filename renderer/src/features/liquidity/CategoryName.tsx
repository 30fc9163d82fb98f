import { useTranslation } from 'react-i18next';
import { categoryName } from './category-name.ts';

/**
 * A category's name with its code beside it (`inline`, for a grid row) or beneath it: the code stays in sight
 * because the CSV files and the CLI speak in codes.
 */
export function CategoryName({ category, inline = false }: { category: string; inline?: boolean }) {
  const { t } = useTranslation();
  const name = categoryName(t, category);
  if (name === null) return <span className="mono">{category}</span>;
  // Inline, a long name can be cut off by its grid column: the title gives it whole.
  return (
    <span className={inline ? 'category-name category-name-inline' : 'category-name'} title={inline ? `${name} (${category})` : undefined}>
      <span>{name}</span> <code className="category-code">{category}</code>
    </span>
  );
}
