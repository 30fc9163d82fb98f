import { shippedLiquidityParametersSchema } from '../../preload/contract/liquidity.ts';
import { readResourceJson } from '../services/resources-folder.ts';

/** The liquidity parameters RiskDesk ships, as tests seed them (parsed, so a broken file fails here). */
export const SHIPPED_LIQUIDITY_PARAMETERS_DOCUMENT = shippedLiquidityParametersSchema.parse(readResourceJson('parameter-sets/liquidity-default.json')).parameters;
