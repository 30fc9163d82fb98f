import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { environmentForChild } from '../services/child-environment.ts';

export type ElectronProbe = { available: true; binary: string } | { available: false; reason: string };

/** What the probe looks at; a parameter so that tests can describe any machine. */
export interface ProbeSystem {
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  /** node_modules/electron, or null when the package is not installed. */
  readonly electronPackageDir: string | null;
  exists(file: string): boolean;
  readText(file: string): string | null;
  /** Runs the binary as plain Node (ELECTRON_RUN_AS_NODE): proves it loads without opening a window. */
  runAsNode(binary: string): { ok: true } | { ok: false; detail: string };
}

/**
 * Whether an Electron runtime can be started here, found without `require('electron')`: that call downloads
 * the binary when it is missing, which hangs or fails on a machine without network access.
 * The reason, when there is none, is one short clause for the launcher's one line ("no Electron runtime here
 * (REASON)"), without parentheses of its own.
 */
export function probeElectron(system: ProbeSystem): ElectronProbe {
  const packageDir = system.electronPackageDir;
  if (packageDir === null) return { available: false, reason: 'the electron package is not installed' };
  const executable = system.readText(path.join(packageDir, 'path.txt'))?.trim();
  const override = system.env.ELECTRON_OVERRIDE_DIST_PATH;
  let binary: string;
  if (override) {
    binary = path.join(override, executable || 'electron');
  } else {
    if (!executable) return { available: false, reason: 'its binary was never downloaded: node_modules/electron/path.txt is missing' };
    binary = path.join(packageDir, 'dist', executable);
  }
  if (!system.exists(binary)) return { available: false, reason: `its binary is missing: ${binary}` };
  if (system.platform === 'linux' && !system.env.DISPLAY && !system.env.WAYLAND_DISPLAY) {
    return { available: false, reason: 'no display to open a window on: DISPLAY and WAYLAND_DISPLAY are unset' };
  }
  const run = system.runAsNode(binary);
  if (!run.ok) return { available: false, reason: `its binary does not start: ${run.detail}` };
  return { available: true, binary };
}

function firstLine(text: string): string {
  return text.trim().split('\n', 1)[0]?.trim() ?? '';
}

/** This machine. */
export function currentSystem(): ProbeSystem {
  let electronPackageDir: string | null;
  try {
    electronPackageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    electronPackageDir = null;
  }
  return {
    env: process.env,
    platform: process.platform,
    electronPackageDir,
    exists: (file) => fs.existsSync(file),
    readText: (file) => {
      try {
        return fs.readFileSync(file, 'utf8');
      } catch {
        return null;
      }
    },
    runAsNode: (binary) => {
      const result = spawnSync(binary, ['-e', 'process.stdout.write(process.versions.electron ?? "")'], {
        env: environmentForChild(process.env, { ELECTRON_RUN_AS_NODE: '1' }),
        encoding: 'utf8',
        timeout: 20_000,
      });
      if (result.error) return { ok: false, detail: result.error.message };
      if (result.status !== 0) return { ok: false, detail: firstLine(result.stderr) || `exit status ${result.status ?? result.signal}` };
      if (!result.stdout.trim()) return { ok: false, detail: 'it ran as plain Node, not as Electron' };
      return { ok: true };
    },
  };
}
