import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../test-support/temp-workspace.ts';
import { currentSystem, probeElectron, type ProbeSystem } from './electron-probe.ts';
import { launch, packageRoot, type Launcher } from './launch.ts';

function machine(overrides: Partial<ProbeSystem> & { files?: Record<string, string> } = {}): ProbeSystem {
  const files = overrides.files ?? { '/app/node_modules/electron/path.txt': 'electron', '/app/node_modules/electron/dist/electron': '' };
  return {
    env: { DISPLAY: ':0' },
    platform: 'linux',
    electronPackageDir: '/app/node_modules/electron',
    exists: (file) => file in files,
    readText: (file) => files[file] ?? null,
    runAsNode: () => ({ ok: true }),
    ...overrides,
  };
}

describe('probeElectron', () => {
  it('finds a binary that is installed and starts', () => {
    assert.deepEqual(probeElectron(machine()), { available: true, binary: '/app/node_modules/electron/dist/electron' });
  });

  it('says why there is no runtime: no package, never downloaded, missing, no display, does not start', () => {
    const reasons = [
      probeElectron(machine({ electronPackageDir: null })),
      probeElectron(machine({ files: {} })),
      probeElectron(machine({ files: { '/app/node_modules/electron/path.txt': 'electron' } })),
      probeElectron(machine({ env: {} })),
      probeElectron(machine({ runAsNode: () => ({ ok: false, detail: 'libgtk-3.so.0: cannot open shared object file' }) })),
    ].map((probe) => (probe.available ? 'available' : probe.reason));
    assert.deepEqual(reasons, [
      'the electron package is not installed',
      'its binary was never downloaded: node_modules/electron/path.txt is missing',
      'its binary is missing: /app/node_modules/electron/dist/electron',
      'no display to open a window on: DISPLAY and WAYLAND_DISPLAY are unset',
      'its binary does not start: libgtk-3.so.0: cannot open shared object file',
    ]);
    for (const reason of reasons) assert.doesNotMatch(reason, /\n/);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, and needs no display on macOS or Windows', () => {
    const files = { '/opt/electron/electron': '' };
    assert.deepEqual(probeElectron(machine({ env: { DISPLAY: ':0', ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, files })), {
      available: true,
      binary: '/opt/electron/electron',
    });
    assert.equal(probeElectron(machine({ env: {}, platform: 'darwin' })).available, true);
  });

  it('runs the binary as Node to prove it loads, and reports one line when it does not', () => {
    const dir = tempDir('riskdesk-fake-electron-');
    const script = (name: string, body: string): string => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
      return file;
    };
    const system = currentSystem();
    assert.deepEqual(system.runAsNode(script('good', '[ "$ELECTRON_RUN_AS_NODE" = 1 ] && printf 45.5.0')), { ok: true });
    assert.deepEqual(system.runAsNode(script('broken', 'echo "error while loading shared libraries: libnss3.so" >&2\necho more >&2\nexit 127')), {
      ok: false,
      detail: 'error while loading shared libraries: libnss3.so',
    });
    assert.deepEqual(system.runAsNode(script('node', 'exit 0')), { ok: false, detail: 'it ran as plain Node, not as Electron' });
    assert.equal(system.runAsNode(path.join(dir, 'absent')).ok, false);
  });
});

function fakeLauncher(probe: ReturnType<Launcher['probe']>) {
  const lines: string[] = [];
  const steps: string[] = [];
  const launcher: Launcher = {
    home: '/home/ann/.local/share/RiskDesk',
    probe: () => probe,
    ensureDemo: async (home, onCreate) => {
      steps.push(`demo in ${home}`);
      onCreate(`${home}/demo/RiskDesk demo.rdw`);
      return { path: `${home}/demo/RiskDesk demo.rdw` };
    },
    runElectron: async (binary) => (steps.push(`electron ${binary}`), 0),
    runBrowserHost: async (workspace, user) => (steps.push(`serve --db ${workspace} --user ${user}`), 130),
    log: (line) => lines.push(line),
  };
  return { launcher, lines, steps };
}

describe('launch (npm start)', () => {
  it('starts the desktop app when Electron is available, saying nothing', async () => {
    const { launcher, lines, steps } = fakeLauncher({ available: true, binary: '/x/electron' });
    assert.equal(await launch(launcher), 0);
    assert.deepEqual(steps, ['electron /x/electron']);
    assert.deepEqual(lines, []);
  });

  it('without Electron says so in one line, makes the demo workspace and serves it in the browser host', async () => {
    const { launcher, lines, steps } = fakeLauncher({ available: false, reason: 'its binary was never downloaded' });
    assert.equal(await launch(launcher), 130);
    assert.deepEqual(steps, ['demo in /home/ann/.local/share/RiskDesk', 'serve --db /home/ann/.local/share/RiskDesk/demo/RiskDesk demo.rdw --user demo']);
    assert.equal(lines[0], 'RiskDesk: no Electron runtime here (its binary was never downloaded); opening the browser host instead.');
    assert.equal(lines.filter((line) => /Electron/.test(line)).length, 1);
    assert.match(lines.at(-1)!, /user "demo" \(or demo-analyst, demo-compliance, demo-reviewer, demo-auditor\), passphrase "riskdesk-demo"/);
  });

  it('finds the package root from a compiled or source location', () => {
    const root = packageRoot(import.meta.dirname);
    assert.equal(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).name, 'riskdesk');
    assert.equal(packageRoot(path.join(root, 'dist', 'main', 'electron')), root);
  });
});
