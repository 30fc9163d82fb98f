/**
 * The environment variables a person may hand RiskDesk a passphrase in (the CLI reads them: passphrase.ts).
 * They are meant for the process they were given to, not for the programs it starts.
 */
export const SECRET_ENVIRONMENT_VARIABLES = ['RISKDESK_PASSPHRASE', 'RISKDESK_NEW_PASSPHRASE'] as const;

export type SecretEnvironmentVariable = (typeof SECRET_ENVIRONMENT_VARIABLES)[number];

/**
 * The environment for a child process RiskDesk starts (Electron, the browser host, a browser, a probe): this
 * process's own, with `extra` on top, and without the passphrase variables, whatever their source. A child's
 * environment is readable by the user's other processes (/proc/PID/environ) for as long as it runs, and a browser
 * may run for days; nothing it needs is in them.
 */
export function environmentForChild(env: NodeJS.ProcessEnv, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...env, ...extra };
  for (const name of SECRET_ENVIRONMENT_VARIABLES) delete result[name];
  return result;
}
