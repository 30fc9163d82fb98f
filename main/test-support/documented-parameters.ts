import type { CreditParameters } from '../../preload/contract/credit.ts';
import { TEST_CREDIT_PARAMETERS } from './credit-test-parameters.ts';

/**
 * The IFRS 9 defaults as README.md documents them (Credit risk): the engine tests' parameter set with the shipped
 * DPD odds multipliers (the engine tests use steeper ones, which their hand-worked cases rely on). What RiskDesk
 * ships in resources/parameter-sets/ must equal this.
 */
export const DOCUMENTED_DEFAULT_PARAMETERS: CreditParameters = { ...TEST_CREDIT_PARAMETERS, dpdOddsMultiplier: { current: 1, '1-29': 2, '30-59': 5, '60-89': 10 } };
