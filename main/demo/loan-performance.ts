import type { LoanStatus } from '../../preload/contract/loan-vocabulary.ts';
import type { PerformanceRecord } from '../store/records.ts';
import { monthOfDay, monthText } from '../engines/calendar.ts';
import type { LoanContract } from './loan-terms.ts';
import type { DemoRandom } from './random.ts';

/**
 * The monthly credit state machine of one loan, from its first due month to the as-of month.
 *
 * Each month a performing loan misses its payment with probability sigmoid(hazard); a delinquent one cures,
 * pays one instalment (stays in its bucket) or rolls a bucket further; the fourth missed month (90+ DPD)
 * is a default and the seventh (180+ DPD, the usual charge-off point) a write-off, after collection and
 * collateral recoveries. Balances are principal outstanding in minor units, amortised by the contract's
 * repayment type; payments include the month's interest. Rows stop after paid_off or written_off.
 */

export interface LoanOutcome {
  readonly rows: PerformanceRecord[];
  readonly status: LoanStatus;
  readonly dpd: number;
  readonly balanceMinor: number;
  readonly undrawnMinor: number;
  /** The contractual payment due within the next 30 days, for performing loans only (an LCR inflow). */
  readonly nextDueMinor: number;
}

/** Log-odds of a missed payment for an average borrower on an average product: about 1.4 % a month. */
const BASE_MISS_LOGIT = -4.25;
/** Probability of paying all arrears, by bucket (1 = 1–29 DPD, 2 = 30–59, 3 = 60–89). */
const CURE_PROBABILITY = [0, 0.38, 0.22, 0.12];
const PARTIAL_PAYMENT_PROBABILITY = 0.15;
const DEFAULT_BUCKET = 4;
const WRITE_OFF_BUCKET = 7;
const RECOVERY_PROBABILITY = 0.15;
/** A downturn between 14 and 9 months before the as-of date: the vintages on book then show it. */
const STRESS_MONTHS_BEFORE_AS_OF = [9, 14];
const STRESS_SHIFT = 0.4;
const MIN_REVOLVING_PAYMENT_MINOR = 100_00;

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** New loans rarely miss at once, risk peaks in the first year and falls as survivors season. */
function seasoningShift(monthOnBook: number): number {
  if (monthOnBook <= 2) return -0.2;
  if (monthOnBook <= 12) return 0.1;
  return -0.2;
}

function missProbability(baseShift: number, monthOnBook: number, monthsBeforeAsOf: number): number {
  const [from, to] = STRESS_MONTHS_BEFORE_AS_OF as [number, number];
  const stress = monthsBeforeAsOf >= from && monthsBeforeAsOf <= to ? STRESS_SHIFT : 0;
  return sigmoid(BASE_MISS_LOGIT + baseShift + seasoningShift(monthOnBook) + stress);
}

/** The amortising side of a term loan: what the next instalment is and what paying it leaves. */
class TermSchedule {
  balance: number;
  paid = 0;
  private readonly contract: LoanContract;
  private readonly monthlyRate: number;
  private readonly level: number;

  constructor(contract: LoanContract) {
    this.contract = contract;
    this.balance = contract.principalMinor;
    this.monthlyRate = contract.rate / 12;
    const n = contract.termMonths;
    const r = this.monthlyRate;
    this.level = r === 0 ? contract.principalMinor / n : (contract.principalMinor * r) / (1 - Math.pow(1 + r, -n));
  }

  get complete(): boolean {
    return this.paid >= this.contract.termMonths || this.balance <= 0;
  }

  nextInstalment(): { principal: number; interest: number } {
    const interest = Math.round(this.balance * this.monthlyRate);
    if (this.paid >= this.contract.termMonths - 1) return { principal: this.balance, interest };
    let principal: number;
    switch (this.contract.repayment) {
      case 'equal_principal':
        principal = Math.round(this.contract.principalMinor / this.contract.termMonths);
        break;
      case 'interest_only_bullet':
        principal = 0;
        break;
      default:
        principal = Math.round(this.level) - interest;
    }
    return { principal: Math.min(this.balance, Math.max(0, principal)), interest };
  }

  payInstalment(): number {
    const { principal, interest } = this.nextInstalment();
    this.balance -= principal;
    this.paid += 1;
    return principal + interest;
  }

  payOff(): number {
    const amount = this.balance + Math.round(this.balance * this.monthlyRate);
    this.balance = 0;
    this.paid = this.contract.termMonths;
    return amount;
  }
}

function dpdOf(bucket: number, daysLate: number): number {
  return bucket === 0 ? 0 : 30 * (bucket - 1) + daysLate;
}

/** Recoveries while in default, and the collateral sale at write-off; both reduce the balance. */
function recover(random: DemoRandom, balance: number, contract: LoanContract, writingOff: boolean): number {
  if (writingOff) {
    if (contract.collateralValueMinor === null) return 0;
    return Math.min(balance, Math.round(contract.collateralValueMinor * random.between(0.4, 0.7)));
  }
  return random.chance(RECOVERY_PROBABILITY) ? Math.round(balance * random.between(0.05, 0.2)) : 0;
}

export function simulateLoan(random: DemoRandom, loanId: string, contract: LoanContract, riskShift: number, asOfDay: number): LoanOutcome {
  const revolving = contract.repayment === 'revolving_min_payment';
  const monthlyRate = contract.rate / 12;
  const schedule = revolving ? null : new TermSchedule(contract);
  const limit = contract.principalMinor;
  // Revolving: initial draw, and whether the customer clears the balance every month (a "transactor").
  let revolvingBalance = revolving ? Math.round(limit * random.between(0.2, 0.8)) : 0;
  const transactor = revolving && random.chance(0.35);
  const prepayProbability = contract.product === 'consumer_cash_loan' ? 0.015 : 0.008;
  const daysLate = random.int(2, 29); // snapshot day minus due day: fixes DPD within each bucket
  const originationMonth = monthOfDay(contract.originationDay);
  const asOfMonth = monthOfDay(asOfDay);
  const rows: PerformanceRecord[] = [];
  let bucket = 0;
  let status: LoanStatus = 'current';

  const balance = (): number => (schedule ? schedule.balance : revolvingBalance);
  const minimumDue = (): number => Math.min(revolvingBalance, Math.max(MIN_REVOLVING_PAYMENT_MINOR, Math.round(revolvingBalance * 0.1)));
  const payRevolving = (principal: number): number => {
    const interest = Math.round(revolvingBalance * monthlyRate);
    revolvingBalance -= principal;
    return principal + interest;
  };
  /** Pays arrears instalments; term loans `count` instalments up to those due, revolving `count` minimums. */
  const payArrears = (count: number, monthOnBook: number): number => {
    let paid = 0;
    if (schedule) {
      const due = Math.min(monthOnBook, contract.termMonths);
      for (let i = 0; i < count && schedule.paid < due; i += 1) paid += schedule.payInstalment();
    } else {
      paid = payRevolving(Math.min(revolvingBalance, minimumDue() * count));
    }
    return paid;
  };

  for (let month = originationMonth + 1; month <= asOfMonth; month += 1) {
    const monthOnBook = month - originationMonth;
    let paid = 0;
    if (bucket === 0) {
      const pMiss = missProbability(riskShift, monthOnBook, asOfMonth - month);
      const owes = schedule ? !schedule.complete : revolvingBalance > 0;
      const closes = revolving ? random.chance(revolvingBalance > 0 ? 0.008 : 0.02) : monthOnBook >= 2 && random.chance(prepayProbability);
      if (closes) {
        paid = schedule ? schedule.payOff() : payRevolving(revolvingBalance);
        status = 'paid_off';
      } else if (owes && random.chance(pMiss)) {
        bucket = 1;
        status = 'delinquent';
      } else if (schedule) {
        paid = schedule.payInstalment();
        if (schedule.complete) status = 'paid_off';
      } else {
        if (revolvingBalance > 0) paid = payRevolving(transactor ? revolvingBalance : Math.min(revolvingBalance, Math.max(minimumDue(), Math.round(revolvingBalance * random.between(0, 0.4)))));
        if (random.chance(0.6)) revolvingBalance += Math.round((limit - revolvingBalance) * random.between(0, 0.5));
      }
    } else if (bucket < DEFAULT_BUCKET) {
      const u = random.float();
      const cure = CURE_PROBABILITY[bucket] ?? 0;
      if (u < cure) {
        paid = payArrears(bucket + 1, monthOnBook);
        bucket = 0;
      } else if (u < cure + PARTIAL_PAYMENT_PROBABILITY) {
        paid = payArrears(1, monthOnBook);
        // Past maturity nothing new falls due, so a payment can clear the last arrears.
        if (schedule && schedule.paid >= Math.min(monthOnBook, contract.termMonths)) bucket = 0;
      } else {
        bucket += 1;
      }
      if (bucket === 0) status = schedule?.complete ? 'paid_off' : 'current';
      else status = bucket >= DEFAULT_BUCKET ? 'default' : 'delinquent';
    } else {
      bucket += 1;
      const writingOff = bucket >= WRITE_OFF_BUCKET;
      paid = recover(random, balance(), contract, writingOff);
      if (schedule) schedule.balance -= paid;
      else revolvingBalance -= paid;
      if (writingOff) {
        if (schedule) schedule.balance = 0;
        else revolvingBalance = 0;
        status = 'written_off';
      }
    }
    rows.push({ loan_id: loanId, as_of: monthText(month), balance_minor: status === 'paid_off' ? 0 : balance(), dpd: status === 'paid_off' ? 0 : dpdOf(bucket, daysLate), paid_amount_minor: paid, status });
    if (status === 'paid_off' || status === 'written_off') break;
  }

  const last = rows.at(-1);
  if (!last) throw new Error(`internal: loan ${loanId} has no performance month (originated in the as-of month)`);
  let nextDue = 0;
  if (status === 'current') {
    if (schedule) {
      const next = schedule.nextInstalment();
      nextDue = next.principal + next.interest;
    } else {
      nextDue = transactor ? revolvingBalance : minimumDue();
    }
  }
  return {
    rows,
    status,
    dpd: last.dpd,
    balanceMinor: last.balance_minor,
    undrawnMinor: revolving && status === 'current' ? limit - revolvingBalance : 0,
    nextDueMinor: nextDue,
  };
}
