import { z } from 'zod';

/** An amount in integer minor units (cents, fen) of the currency beside it; never past the safe integer range. */
export const minorUnitsSchema = z.number().int().refine(Number.isSafeInteger, 'money exceeds the safe integer range');
