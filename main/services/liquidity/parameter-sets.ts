// Liquidity parameter sets as a lifecycle artefact (compliance's, four eyes, like IFRS 9 parameter sets): drafts checked
// by the contract's schema and then for what the schema cannot see, the shipped default as version 1, reads, and the
// active version for the services and workers that compute with it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { liquidityParametersSchema, shippedLiquidityParametersSchema, type LiquidityParameters, type LiquidityParameterSet } from '../../../preload/contract/liquidity.ts';
import { liquidityParameterSets } from '../../store/liquidity-parameter-sets.ts';
import type { ServiceContext } from '../context.ts';
import { checkedDocument, draftSaver, shippedDocumentSet, type DocumentKind } from '../document-set-service.ts';
import { auditedChange, type ServiceArtefact } from '../lifecycle-service.ts';
import { requirePermission } from '../permissions.ts';
import { validationFailure } from '../validation-failure.ts';

export const LIQUIDITY_PARAMETER_SETS: ServiceArtefact<LiquidityParameterSet> = {
  kind: 'liquidity.parameterSet',
  lifecycle: liquidityParameterSets.lifecycle,
  action: 'liquidity.parameters',
  subject: (version) => `liquidity parameter set v${version}`,
  describe: () => ({}),
};

interface ParameterProblem {
  readonly path: (string | number)[];
  readonly message: string;
}

/**
 * What the schema cannot see across fields (it checks each field's range, and that the survival indicator names a
 * scenario): a bootstrap block must fit in the history it is drawn from, and a fixed-term product is redeemed at the
 * end of its term, not after a notice period, so that the engine never has to guess which of the two applies.
 */
function parameterProblems(parameters: LiquidityParameters): ParameterProblem[] {
  const problems: ParameterProblem[] = [];
  const { blockDays, historyDays } = parameters.monteCarlo;
  if (blockDays > historyDays) {
    problems.push({ path: ['monteCarlo', 'blockDays'], message: `a bootstrap block of ${blockDays} days does not fit in ${historyDays} days of history; make it at most historyDays` });
  }
  parameters.products.forEach((product, index) => {
    if (product.termDays !== null && product.noticeDays > 0) {
      problems.push({ path: ['products', index, 'noticeDays'], message: `${product.product} has a fixed term of ${product.termDays} days, so it takes no notice period (0); a product is either on notice or fixed-term` });
    }
  });
  return problems;
}

function requireConsistent(parameters: LiquidityParameters, what: string): void {
  const problems = parameterProblems(parameters);
  if (problems.length > 0) throw validationFailure(what, problems);
}

const LIQUIDITY_PARAMETERS_KIND: DocumentKind<LiquidityParameters, LiquidityParameterSet> = {
  store: liquidityParameterSets,
  artefact: LIQUIDITY_PARAMETER_SETS,
  permission: 'parameters.edit',
  schema: liquidityParametersSchema,
  what: 'liquidity parameter set',
  check: requireConsistent,
};

/** A new draft: compliance's (parameters.edit); VALIDATION naming the JSON path of the first problem, and nothing written. */
export const saveDraftLiquidityParameters = draftSaver(LIQUIDITY_PARAMETERS_KIND);

/** The shipped file passes the same checks as a draft: a default the engine would refuse is refused before it is seeded. */
const shippedFile = shippedLiquidityParametersSchema
  .superRefine((shipped, ctx) => {
    for (const problem of parameterProblems(shipped.parameters)) ctx.addIssue({ code: 'custom', message: problem.message, path: ['parameters', ...problem.path] });
  })
  .transform(({ note, parameters }) => ({ note, document: parameters }));
export const SHIPPED_LIQUIDITY_PARAMETERS = shippedDocumentSet('parameter-sets/liquidity-default.json', shippedFile, liquidityParameterSets, LIQUIDITY_PARAMETER_SETS);

/** Parameters from outside a workspace (`riskdesk liquidity lcr --params FILE`), checked as a draft is: VALIDATION naming the path and `source`. */
export function checkedLiquidityParameters(content: unknown, source: string): LiquidityParameters {
  return checkedDocument(LIQUIDITY_PARAMETERS_KIND, content, source);
}

export function listLiquidityParameterSets(ctx: ServiceContext): LiquidityParameterSet[] {
  requirePermission(ctx.actor, 'workspace.read');
  return liquidityParameterSets.list(ctx.reader);
}

/** One version; NOT_FOUND naming it. */
export function liquidityParameterSet(ctx: ServiceContext, version: number): LiquidityParameterSet {
  requirePermission(ctx.actor, 'workspace.read');
  const set = liquidityParameterSets.get(ctx.reader, version);
  if (set === undefined) throw new RiskDeskError('NOT_FOUND', `There is no ${liquidityParameterSets.lifecycle.label(version)} in this workspace.`, { version });
  return set;
}

/**
 * Writes a version as the JSON file `draft --file` reads back to `target`, a new owner-only file, and records the
 * export (`liquidity.parameters.export`, with the file's digest) in the same transaction: a file that cannot be
 * written leaves no event, and an event that cannot be written fails the export (the file is then removed).
 */
export function exportLiquidityParameterSet(ctx: ServiceContext, version: number, target: string): { file: string; bytes: number; sha256: string } {
  const set = liquidityParameterSet(ctx, version);
  const content = `${JSON.stringify({ note: set.note, parameters: set.parameters }, null, 2)}\n`;
  let written = false;
  try {
    return auditedChange(
      ctx,
      () => {
        fs.writeFileSync(target, content, { flag: 'wx', mode: 0o600 });
        written = true;
        return { file: path.resolve(target), bytes: Buffer.byteLength(content), sha256: createHash('sha256').update(content).digest('hex') };
      },
      (file) => ({ action: `${LIQUIDITY_PARAMETER_SETS.action}.export`, subject: LIQUIDITY_PARAMETER_SETS.subject(version), details: { status: set.status, file: path.basename(file.file), bytes: file.bytes, sha256: file.sha256 } }),
    );
  } catch (error) {
    if (written) fs.rmSync(target, { force: true });
    throw error;
  }
}
