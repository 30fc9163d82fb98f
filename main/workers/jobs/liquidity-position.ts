import { inReadSnapshot } from '../../store/read-connection.ts';
import { liquidityBook, positionOf, scenariosOf } from '../liquidity-book.ts';
import type { EngineJob } from '../protocol.ts';

/** The ladder, LCR and NSFR of the workspace's lines as of a date, under a parameter set version (read only). */
export const liquidityPositionJob: EngineJob<'liquidity-position'> = ({ reader }, input, report) =>
  inReadSnapshot(reader, () => positionOf(reader, liquidityBook(reader, input), (done, total) => report({ done, total, phase: 'reading lines' })));

/** One deterministic scenario of a parameter set version, day by day (read only). */
export const liquidityStressJob: EngineJob<'liquidity-stress'> = ({ reader }, input, report) =>
  inReadSnapshot(reader, () => scenariosOf(reader, liquidityBook(reader, input), (done, total) => report({ done, total, phase: 'reading lines' })).run(input.scenario));
