import type { CreditParameters } from '../../../preload/contract/credit.ts';
import { type CodedLoanColumn, isCodeOf, LOAN_CODES } from '../../../preload/contract/loan-vocabulary.ts';

/**
 * The LGD and CCF rules' product and collateral codes that no loan can have (loan-vocabulary.ts is what the import
 * lets in): a misspelt code ("sme_workng_capital") would match nothing and silently leave those loans on the default.
 * Each with the path of its field, as validationFailure lists them.
 */
export function unknownParameterCodes(parameters: CreditParameters): { path: PropertyKey[]; message: string }[] {
  const issues: { path: PropertyKey[]; message: string }[] = [];
  const check = (code: string | null, column: CodedLoanColumn, path: PropertyKey[]): void => {
    if (code !== null && !isCodeOf(LOAN_CODES[column], code)) issues.push({ path, message: `is not a ${column === 'product' ? 'product' : 'collateral type'} loans can have; choose one of ${LOAN_CODES[column].join(', ')}` });
  };
  parameters.lgd.rules.forEach((rule, index) => {
    check(rule.product, 'product', ['lgd', 'rules', index, 'product']);
    check(rule.collateralType, 'collateral_type', ['lgd', 'rules', index, 'collateralType']);
  });
  for (const product of Object.keys(parameters.ccf.byProduct)) check(product, 'product', ['ccf', 'byProduct', product]);
  return issues;
}
