import { borrowerProfile } from './borrower-profile.ts';
import { DEFAULT_BASE_CURRENCY } from '../../preload/contract/vocabulary.ts';
import { dayText } from '../engines/calendar.ts';
import type { DemoSink } from './demo-sink.ts';
import { simulateLoan } from './loan-performance.ts';
import { drawLoanContract } from './loan-terms.ts';
import { STREAMS, demoRandom } from './random.ts';

/**
 * Writes one borrower with their loans and each loan's monthly history. The loan row carries the state of its
 * last performance month, so `loans` and `loan_performance` never disagree. Running totals of what the book
 * means for liquidity (performing balances, undrawn commitments, repayments due in 30 days) are all that is
 * kept across borrowers.
 */
export interface CreditTotals {
  performingRetailMinor: number;
  performingBusinessMinor: number;
  undrawnRetailMinor: number;
  undrawnBusinessMinor: number;
  dueIn30DaysRetailMinor: number;
  dueIn30DaysBusinessMinor: number;
}

/** About 1.5 loans per borrower: everyone has one, some come back for more. */
const EXTRA_LOANS_MEAN = 0.5;
const MAX_LOANS_PER_BORROWER = 4;

function loanId(sequence: number): string {
  return `L${String(sequence + 1).padStart(8, '0')}`;
}

export class CreditPortfolioWriter {
  readonly totals: CreditTotals = {
    performingRetailMinor: 0,
    performingBusinessMinor: 0,
    undrawnRetailMinor: 0,
    undrawnBusinessMinor: 0,
    dueIn30DaysRetailMinor: 0,
    dueIn30DaysBusinessMinor: 0,
  };
  private loans = 0;
  private readonly sink: DemoSink;
  private readonly seed: number;
  private readonly asOfDay: number;

  constructor(sink: DemoSink, seed: number, asOfDay: number) {
    this.sink = sink;
    this.seed = seed;
    this.asOfDay = asOfDay;
  }

  writeBorrower(index: number): void {
    const borrower = borrowerProfile(this.seed, index, this.asOfDay);
    this.sink.write('borrowers', borrower.record);
    const random = demoRandom(this.seed, STREAMS.loans, index);
    const count = Math.min(MAX_LOANS_PER_BORROWER, 1 + random.poisson(EXTRA_LOANS_MEAN));
    for (let k = 0; k < count; k += 1) {
      const id = loanId(this.loans);
      this.loans += 1;
      const contract = drawLoanContract(random, borrower, this.asOfDay);
      const outcome = simulateLoan(random, id, contract, borrower.attributeRisk + borrower.frailty + contract.productRisk, this.asOfDay);
      this.sink.write('loans', {
        loan_id: id,
        borrower_id: borrower.record.borrower_id,
        product: contract.product,
        origination_date: dayText(contract.originationDay),
        principal_minor: contract.principalMinor,
        interest_rate: contract.rate,
        term_months: contract.termMonths,
        currency: DEFAULT_BASE_CURRENCY,
        maturity_date: dayText(contract.maturityDay),
        repayment_type: contract.repayment,
        collateral_type: contract.collateralType ?? 'none',
        collateral_value_minor: contract.collateralValueMinor,
        channel: contract.channel,
        status: outcome.status,
        outstanding_balance_minor: outcome.balanceMinor,
        dpd: outcome.dpd,
        undrawn_amount_minor: outcome.undrawnMinor,
      });
      for (const row of outcome.rows) this.sink.write('performance', row);

      const business = contract.product === 'sme_working_capital' || borrower.isBusiness;
      const performing = outcome.status === 'current' || outcome.status === 'delinquent';
      if (performing && business) this.totals.performingBusinessMinor += outcome.balanceMinor;
      if (performing && !business) this.totals.performingRetailMinor += outcome.balanceMinor;
      if (business) {
        this.totals.undrawnBusinessMinor += outcome.undrawnMinor;
        this.totals.dueIn30DaysBusinessMinor += outcome.nextDueMinor;
      } else {
        this.totals.undrawnRetailMinor += outcome.undrawnMinor;
        this.totals.dueIn30DaysRetailMinor += outcome.nextDueMinor;
      }
    }
  }
}
