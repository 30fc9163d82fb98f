import type { EmploymentType, HomeOwnership, Industry } from '../../preload/contract/data-vocabulary.ts';
import type { BorrowerRecord } from '../store/records.ts';
import { addMonths, civilDate, dayNumber, dayText } from '../engines/calendar.ts';
import { PROVINCE_TABLE } from './provinces.ts';
import { STREAMS, demoRandom, weightedTable } from './random.ts';

/**
 * A borrower's observable attributes and the repayment risk they imply. `attributeRisk` is a log-odds shift
 * built only from columns that are stored, so a scorecard fitted on the borrowers table can recover it;
 * `frailty` is the part no column explains (the noise that keeps a fitted model's AUC realistic, not perfect).
 */
export interface BorrowerProfile {
  readonly record: BorrowerRecord;
  readonly registeredDay: number;
  readonly isBusiness: boolean;
  readonly attributeRisk: number;
  readonly frailty: number;
}

/** The import's codes (data-vocabulary.ts, checked by loan-vocabulary.ts): the Record below needs a spec for every one. */
type Employment = EmploymentType;

interface EmploymentSpec {
  readonly medianIncome: number;
  readonly risk: number;
  readonly minAge: number;
  readonly maxAge: number;
}

const EMPLOYMENT: Readonly<Record<Employment, EmploymentSpec>> = {
  salaried: { medianIncome: 96_000, risk: 0, minAge: 21, maxAge: 60 },
  self_employed: { medianIncome: 110_000, risk: 0.3, minAge: 23, maxAge: 62 },
  business_owner: { medianIncome: 220_000, risk: 0.15, minAge: 25, maxAge: 62 },
  gig_worker: { medianIncome: 66_000, risk: 0.5, minAge: 19, maxAge: 50 },
  civil_servant: { medianIncome: 120_000, risk: -0.7, minAge: 22, maxAge: 60 },
  student: { medianIncome: 18_000, risk: 0.8, minAge: 18, maxAge: 25 },
  retired: { medianIncome: 48_000, risk: -0.1, minAge: 56, maxAge: 72 },
  unemployed: { medianIncome: 15_000, risk: 1.1, minAge: 20, maxAge: 58 },
};

const EMPLOYMENT_TABLE = weightedTable<Employment>([
  ['salaried', 50], ['self_employed', 14], ['business_owner', 8], ['gig_worker', 12],
  ['civil_servant', 6], ['student', 4], ['retired', 4], ['unemployed', 2],
]);

/** Industries with typical occupations; students, retirees and the unemployed have neither. */
const INDUSTRIES: readonly (readonly [Industry, readonly string[]])[] = [
  ['manufacturing', ['factory worker', 'technician', 'quality inspector', 'production manager']],
  ['retail', ['sales associate', 'store manager', 'cashier', 'online shop owner']],
  ['information_technology', ['software engineer', 'product manager', 'data analyst', 'IT support']],
  ['construction', ['construction worker', 'site engineer', 'electrician', 'contractor']],
  ['logistics', ['delivery rider', 'truck driver', 'warehouse worker', 'dispatcher']],
  ['education', ['teacher', 'tutor', 'administrator']],
  ['healthcare', ['nurse', 'doctor', 'pharmacist', 'care worker']],
  ['finance', ['bank clerk', 'accountant', 'insurance agent']],
  ['hospitality', ['chef', 'waiter', 'hotel staff', 'restaurant owner']],
  ['agriculture', ['farmer', 'agricultural trader']],
  ['transport', ['ride-hailing driver', 'taxi driver', 'bus driver']],
  ['public_administration', ['civil servant', 'police officer', 'clerk']],
];

const INDUSTRY_TABLE = weightedTable(INDUSTRIES.map((entry, i) => [entry, [18, 14, 9, 10, 11, 6, 6, 5, 9, 4, 6, 2][i] ?? 1] as const));

type Home = HomeOwnership;
const HOME_RISK: Readonly<Record<Home, number>> = { own_mortgage: -0.3, own_outright: -0.4, rent: 0.1, family: 0.2, company_housing: 0 };
const HOME_YOUNG = weightedTable<Home>([['own_mortgage', 12], ['own_outright', 3], ['rent', 45], ['family', 35], ['company_housing', 5]]);
const HOME_OLDER = weightedTable<Home>([['own_mortgage', 40], ['own_outright', 25], ['rent', 25], ['family', 7], ['company_housing', 3]]);

/** The platform opened six years before the demo's as-of date; every borrower registered since then. */
const PLATFORM_AGE_MONTHS = 72;

function ageRisk(age: number): number {
  if (age < 23) return 0.45;
  if (age < 30) return 0.15;
  if (age < 45) return 0;
  if (age < 55) return -0.1;
  return 0.1;
}

function creditHistoryRisk(months: number): number {
  return (months < 6 ? 0.5 : 0) - 0.3 * Math.log(1 + months / 12);
}

function triangular(u: number, min: number, mode: number, max: number): number {
  const split = (mode - min) / (max - min);
  return u < split ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

export function borrowerId(index: number): string {
  return `B${String(index + 1).padStart(7, '0')}`;
}

/** A pure function of (seed, index, asOf): other phases call it again rather than keep borrowers in memory. */
export function borrowerProfile(seed: number, index: number, asOfDay: number): BorrowerProfile {
  const random = demoRandom(seed, STREAMS.borrower, index);
  const province = random.weighted(PROVINCE_TABLE);
  const employment = random.weighted(EMPLOYMENT_TABLE);
  const spec = EMPLOYMENT[employment];
  // Online borrowers skew young: a triangular draw peaking near 29 within the employment's age range.
  const age = Math.round(triangular(random.float(), spec.minAge, Math.min(spec.maxAge, Math.max(spec.minAge, 29)), spec.maxAge));
  const birthDay = dayNumber(addMonths(civilDate(asOfDay), -age * 12 - random.int(0, 11))) - random.int(0, 27);

  const income = Math.max(6_000, Math.round((random.logNormal(spec.medianIncome * province.incomeFactor, 0.45) * (age < 25 ? 0.75 : 1)) / 100) * 100);
  const dti = random.chance(0.15) ? 0 : Math.min(0.85, Math.max(0.02, random.normal(0.3, 0.14)));
  const monthlyDebt = Math.round(((income / 12) * dti) / 10) * 10;
  const adultMonths = (age - 18) * 12;
  const history = random.chance(0.12) ? 0 : Math.round(adultMonths * Math.pow(random.float(), 0.7));
  const home = random.weighted(age < 30 ? HOME_YOUNG : HOME_OLDER);
  const idVerified = random.chance(0.93) ? 1 : 0;
  const hasIndustry = employment !== 'student' && employment !== 'retired' && employment !== 'unemployed';
  const [industry, occupations] = hasIndustry ? random.weighted(INDUSTRY_TABLE) : [null, null];
  const occupation = employment === 'civil_servant' ? 'civil servant' : occupations ? random.pick(occupations) : employment === 'student' ? 'student' : null;
  const registeredDay = dayNumber(addMonths(civilDate(asOfDay), -random.int(2, PLATFORM_AGE_MONTHS))) - random.int(0, 27);

  const attributeRisk =
    -0.55 * Math.log(income / 90_000) +
    3.0 * (dti - 0.28) +
    creditHistoryRisk(history) +
    ageRisk(age) +
    spec.risk +
    HOME_RISK[home] +
    (idVerified ? 0 : 0.7) +
    province.riskShift;

  return {
    record: {
      borrower_id: borrowerId(index),
      region: province.name,
      annual_income_minor: income * 100,
      birth_date: dayText(birthDay),
      occupation,
      employment_type: employment,
      industry: employment === 'civil_servant' ? 'public_administration' : industry,
      monthly_debt_minor: monthlyDebt * 100,
      credit_history_months: history,
      home_ownership: home,
      registered_at: dayText(registeredDay),
      id_verified: idVerified,
    },
    registeredDay,
    isBusiness: employment === 'business_owner' || (employment === 'self_employed' && random.chance(0.5)),
    attributeRisk,
    frailty: random.normal(0, 0.35),
  };
}
