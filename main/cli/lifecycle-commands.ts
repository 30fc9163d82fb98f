// `riskdesk <area> <noun> submit|approve|reject|activate ID` for any artefact kind registered with the lifecycle
// service: one command per step, each checked and audited by the service like the same step on screen.
import type { Command } from 'commander';
import { LIFECYCLE_STEPS, STEP_WORDS, stepPermission, type LifecycleFields, type LifecycleStep } from '../../preload/contract/lifecycle.ts';
import { PERMISSIONS } from '../../preload/contract/permissions.ts';
import { takeLifecycleStep, type ServiceArtefact } from '../services/lifecycle-service.ts';
import type { CliIo, JsonValue } from './cli-io.ts';
import { addExamples, addUnlockOptions, commandPath, outputFor, wholeNumber, type UnlockFlags } from './command-options.ts';
import { actingPassphrase, withServiceContext } from './workspace-session.ts';

export interface LifecycleCommandsSpec<T extends LifecycleFields> {
  readonly artefact: ServiceArtefact<T>;
  /** How help texts name one version, e.g. `model`. */
  readonly noun: string;
  /** The key of the version in --json output, e.g. `model`. */
  readonly jsonKey: string;
  /** The sentence printed after a step, e.g. `Model 3 "Retail" is now submitted.` */
  readonly done: (row: T) => string;
}

const DESCRIPTIONS: Readonly<Record<LifecycleStep, (noun: string) => string>> = {
  submit: (noun) => `submit a draft ${noun} for review`,
  approve: (noun) => `approve a submitted ${noun} (four eyes: neither its author nor its submitter), saying what you checked (--comment)`,
  reject: (noun) => `send a submitted ${noun} back to draft, with the reason (--reason)`,
  activate: (noun) => `make an approved ${noun} the active one (the previous one is retired), saying what you checked (--comment)`,
};

/** The option of each step's words (STEP_WORDS), what it asks for, and an example of one. */
const WORDS_OPTIONS = {
  reason: { help: 'why it goes back: its author reads it to know what to change', example: 'Holdout AUC below policy' },
  comment: { help: 'what you checked before this step: kept with the version and in the audit trail', example: 'Checked holdout AUC and PSI against policy' },
} as const;

export function addLifecycleCommands<T extends LifecycleFields>(parent: Command, io: CliIo, spec: LifecycleCommandsSpec<T>): void {
  for (const step of LIFECYCLE_STEPS) {
    // The id is parsed as the argument is read, so that a bad one is a usage error (exit 2) like any bad option.
    const command = addUnlockOptions(parent.command(step).argument('<id>', `the ${spec.noun}'s id`, wholeNumber('<id>')).description(DESCRIPTIONS[step](spec.noun)));
    const words = STEP_WORDS[step];
    if (words !== null) command.requiredOption(`--${words} <text>`, WORDS_OPTIONS[words].help);
    // An example names a role that may take the step, from the permission table.
    const role = PERMISSIONS[stepPermission(spec.artefact.kind, step)][0];
    addExamples(command, [`${commandPath(command)} 3 --db risk.rdw --user ${role}${words === null ? '' : ` --${words} "${WORDS_OPTIONS[words].example}"`}`]);
    command.action(async (versionId: number, flags: UnlockFlags & { reason?: string; comment?: string }) => {
      const out = outputFor(io, flags);
      const passphrase = await actingPassphrase(out, flags, commandPath(command));
      const row = await withServiceContext(flags, passphrase, async (ctx) => takeLifecycleStep(ctx, spec.artefact, step, versionId, words === null ? undefined : flags[words]));
      out.result({ [spec.jsonKey]: row as unknown as JsonValue }, () => [spec.done(row)]);
    });
  }
}
