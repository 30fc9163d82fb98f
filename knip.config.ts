// `npm run deadcode`: files, exports and dependencies that nothing uses. The entries are what is started rather
// than imported; knip's plugins add the rest from package.json and the tools' configs (the test files of
// node --test and Playwright, vite.config.ts, eslint.config.js).
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  entry: [
    // bin/riskdesk.mjs loads it through tsx by URL, which knip cannot follow.
    'main/cli/index.ts',
    // The pool starts these in worker threads by URL (main/workers/pool.ts).
    'main/workers/engine-worker.ts',
    'main/workers/tsx-worker.mjs',
    // preload/build.mjs bundles it by path.
    'preload/index.ts',
    // The API: every schema and type of the contract is there for its clients, whether one uses it yet or not.
    'preload/contract/index.ts',
    // bench/run-all.ts runs each script in a process of its own.
    'bench/*.ts',
    // Long randomised runs (issue 14) and the kill -9 soak, started by hand: each prints its counts (README, "Soak runs").
    'tests/soak/*.ts',
    // Scripts that tests run as child processes.
    'main/**/fixtures/*.ts',
  ],
  project: ['{main,preload,renderer,bench,tests,bin}/**/*.{ts,tsx,mts,mjs}'],
  // A type that an exported function takes or returns stays exported, so that a caller can name it.
  ignoreExportsUsedInFile: { interface: true, type: true },
  // electron-builder's own modules: tests/electron-builder-config.test.ts checks electron-builder.yml with the
  // schema and loader of the electron-builder installed, so it must not pin versions of them beside it.
  ignoreDependencies: ['app-builder-lib', 'builder-util'],
  // Tests check evidence packs with the coreutils every recipient has (`sha256sum -c` on the bag's manifests).
  // tests/disk-full.test.ts mounts a small tmpfs (as root) to fill a disk.
  ignoreBinaries: ['sha256sum', 'mount', 'umount'],
};

export default config;
