// Lint config. Besides typescript-eslint's recommended rules it enforces the import arrows of
// ../shared/design/ARCHITECTURE.md ("Layout"): which folder may import which, that engines stay pure
// (no Node, no database, no clock), that only main/electron/ and preload/index.ts touch `electron`, that SQL
// stays in main/store/ (the driver is the store's; workers, services, the demo and the front ends call no
// prepare/exec/pragma/transaction), and that the credit, fraud and liquidity engines are reached
// through their index.ts.
//
// Flat config gives the LAST matching object's options for a rule, so each folder below states its
// whole list of restrictions (built by `boundaries()`), never a delta on top of a shared list.
//
// Not type-aware on purpose: `npm run typecheck` already builds the program once; a type-aware lint
// would build it again on a 2-core machine for little extra.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const CODE_EXTENSIONS = '{ts,tsx,mts,cts,js,mjs,cjs}';
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];

/** Every Node built-in, with and without the `node:` prefix (`fs`, `fs/promises`, `node:test`, …). */
const NODE_BUILTINS = {
  group: [
    'node:*',
    ...builtinModules.filter((name) => !name.startsWith('_')).flatMap((name) => [name, `${name}/*`]),
  ],
  message: 'Node built-ins are not available here (see ARCHITECTURE.md, Layout).',
};

const ELECTRON = {
  group: ['electron', 'electron/*'],
  message: 'Only main/electron/ (and preload/index.ts) may import electron.',
};

const SQLITE = {
  group: ['better-sqlite3-multiple-ciphers', 'better-sqlite3-multiple-ciphers/*'],
  message: 'Only main/store/ talks to the database: call a store function (see ARCHITECTURE.md, Layout).',
};

/**
 * Calls that run SQL on a connection. SQL lives in main/store/, one module per aggregate; elsewhere a Db is only
 * handed on to store functions (store/database.ts's inTransaction for a transaction). Not type-aware, so a RegExp's
 * exec is told apart only when called on a regex literal.
 */
const DATABASE_CALLS = [
  {
    selector: "CallExpression[callee.property.name=/^(prepare|pragma|transaction)$/]",
    message: 'SQL belongs in main/store/: call a store function instead of prepare()/pragma()/transaction() (see ARCHITECTURE.md, Layout).',
  },
  {
    selector: "CallExpression[callee.property.name='exec']:not([callee.object.regex])",
    message: 'SQL belongs in main/store/: call a store function instead of exec() (a RegExp: call exec on a regex literal, or use String.prototype.match).',
  },
];

/**
 * An engine is its entry module to everyone outside its folder: its files can be rearranged without touching a
 * caller. Patterns for a
 * path as a file outside main/engines/ spells it, and as another engine (main/engines/<x>/, one or two levels
 * deep) or main/engines/*.ts spells it.
 */
function engineInternals(engine) {
  const message = `Outside main/engines/${engine}/, import the ${engine} engine from engines/${engine}/index.ts only.`;
  return {
    anywhere: { group: [`**/engines/${engine}/**`, `!**/engines/${engine}/index.ts`], message },
    fromEngines: {
      group: [`./${engine}/**`, `!./${engine}/index.ts`, `../${engine}/**`, `!../${engine}/index.ts`, `../../${engine}/**`, `!../../${engine}/index.ts`],
      message,
    },
  };
}
const CREDIT_ENGINE = engineInternals('credit');
const FRAUD_ENGINE = engineInternals('fraud');
const LIQUIDITY_ENGINE = engineInternals('liquidity');

/** Relative imports into one of main/'s folders, from anywhere under main/. */
function mainFolders(names, extra = {}) {
  return {
    group: names.map((name) => `**/${name}/**`),
    message: `Not allowed from this folder: ${names.map((name) => `main/${name}/`).join(', ')} (see ARCHITECTURE.md, Layout).`,
    ...extra,
  };
}

/** Relative imports that reach into main/ at all (from preload/ or renderer/). */
const ANY_MAIN = {
  group: ['**/main/**'],
  message: 'main/ is reachable only through the contract (preload/contract) and its transports.',
};

/** Front ends (cli, host, electron) reach the store through services; its types they may name. */
const STORE_TYPES = {
  group: ['**/store/**'],
  allowTypeImports: true,
  message: 'Front ends go through main/services/; from main/store/ only `import type`.',
};

/** Dynamic `import()`/`require()` of a module name, for no-restricted-syntax. */
function dynamicImportOf(sourceRegex, message) {
  return [
    { selector: `ImportExpression[source.value=${sourceRegex}]`, message },
    {
      selector: `CallExpression[callee.name='require'][arguments.0.value=${sourceRegex}]`,
      message,
    },
  ];
}

const NO_DYNAMIC_ELECTRON = dynamicImportOf(
  '/^electron($|\\x2F)/',
  'Only main/electron/ (and preload/index.ts) may import electron.',
);

/** Engines take time and randomness as arguments, so their results are reproducible. */
const ENGINE_PURITY = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Engines have no clock: take the time as an argument.' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Engines have no clock: take the time as an argument.' },
  { selector: "CallExpression[callee.name='Date']", message: 'Engines have no clock: take the time as an argument.' },
  { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: 'Engines have no clock: take the time as an argument.' },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Engines are deterministic: take a seed (pure-rand) as an argument.' },
  { selector: 'ImportExpression', message: 'Engines import statically; no dynamic import().' },
  { selector: "CallExpression[callee.name='require']", message: 'Engines import statically; no require().' },
];

/**
 * One folder's import restrictions, for its TypeScript and JavaScript files alike.
 * @param {string[]} folders globs of folders or single files, e.g. 'main/engines/**'
 * @param {{ patterns?: object[], paths?: object[], syntax?: object[], restrictedGlobals?: object[], ignores?: string[] }} spec
 */
function boundaries(folders, { patterns = [], paths = [], syntax = NO_DYNAMIC_ELECTRON, restrictedGlobals = [], ignores = [] }) {
  return {
    files: folders.map((glob) => (glob === '**' || glob.endsWith('/**') ? `${glob}/*.${CODE_EXTENSIONS}` : glob)),
    ignores,
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }],
      'no-restricted-syntax': ['error', ...syntax],
      'no-restricted-globals': ['error', ...restrictedGlobals],
    },
  };
}

export default defineConfig(
  {
    ignores: ['dist/', 'node_modules/', 'release/', 'test-results/', 'playwright-report/', '.bench/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    // ESLint's own recommended rules for all code; typescript-eslint's set below turns off those that
    // the TypeScript compiler already covers (no-undef, no-redeclare, …) for .ts files.
    files: [`**/*.${CODE_EXTENSIONS}`],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    files: TS,
    extends: [tseslint.configs.recommended],
    rules: {
      // `_`-prefixed names mark parameters a signature needs but a body does not use.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  {
    // Ambient typings for CommonJS modules need `import X = require('…')` to say `export = X`.
    files: ['**/*.d.ts'],
    rules: { '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }] },
  },

  // Everywhere: no electron unless a folder below allows it.
  boundaries(['**'], { patterns: [ELECTRON] }),

  boundaries(['main/engines/**'], {
    patterns: [
      NODE_BUILTINS,
      ELECTRON,
      SQLITE,
      { group: ['piscina', 'piscina/*'], message: 'Engines are called by workers; they do not start them.' },
      mainFolders(['store', 'services', 'workers', 'electron', 'host', 'cli', 'demo']),
      { group: ['**/renderer/**'], message: 'Engines do not import the renderer.' },
    ],
    syntax: ENGINE_PURITY,
    restrictedGlobals: [
      { name: 'process', message: 'Engines are pure: pass what they need as arguments.' },
      { name: 'Buffer', message: 'Engines work on plain arrays and typed arrays (Uint8Array).' },
    ],
  }),
  boundaries(['main/store/**'], {
    patterns: [
      ELECTRON,
      mainFolders(['services', 'workers', 'electron', 'host', 'cli', 'demo']),
      {
        // Values the store may import besides: the one error type, which it throws; the contract's vocabulary (DPD
        // buckets, the default base currency), which its SQL spells; and the calendar arithmetic of engines/, which
        // is no engine's computation. Everything else of engines and contract it names as types.
        group: ['**/engines/**', '!**/engines/calendar.ts', '**/preload/contract/**', '!**/preload/contract/errors.ts', '!**/preload/contract/vocabulary.ts'],
        allowTypeImports: true,
        message: 'The store may import engines and contract types only (`import type`), and the error type, the vocabulary and the calendar.',
      },
    ],
  }),
  // Workers open their connections and run their transactions through store functions, and call engines: no SQL.
  boundaries(['main/workers/**'], {
    patterns: [ELECTRON, SQLITE, mainFolders(['services', 'electron', 'host', 'cli', 'demo'])],
    syntax: [...NO_DYNAMIC_ELECTRON, ...DATABASE_CALLS],
  }),
  boundaries(['main/services/**'], {
    patterns: [ELECTRON, SQLITE, mainFolders(['electron', 'host', 'cli'])],
    syntax: [...NO_DYNAMIC_ELECTRON, ...DATABASE_CALLS],
  }),
  // The API's method handlers turn a contract call into a service call and nothing more: the store only as types.
  boundaries(['main/services/api/*-handlers.ts'], {
    patterns: [ELECTRON, SQLITE, mainFolders(['electron', 'host', 'cli']), STORE_TYPES],
    syntax: [...NO_DYNAMIC_ELECTRON, ...DATABASE_CALLS],
  }),
  boundaries(['main/demo/**'], {
    patterns: [
      ELECTRON,
      SQLITE,
      mainFolders(['services', 'workers', 'electron', 'host', 'cli']),
      {
        group: ['**/preload/*.*', '**/preload/contract/**', '!**/preload/contract/errors.ts', '!**/preload/contract/vocabulary.ts', '!**/preload/contract/loan-vocabulary.ts', '!**/preload/contract/data-vocabulary.ts'],
        message: 'The demo generator writes through main/store/ only (and throws the one error type, and uses the vocabularies).',
      },
    ],
    syntax: [...NO_DYNAMIC_ELECTRON, ...DATABASE_CALLS],
  }),
  boundaries(['main/cli/**', 'main/host/**'], {
    patterns: [
      ELECTRON,
      SQLITE,
      mainFolders(['electron', 'workers', 'demo']),
      mainFolders(['engines'], { allowTypeImports: true }),
      STORE_TYPES,
    ],
    syntax: [...NO_DYNAMIC_ELECTRON, ...DATABASE_CALLS],
  }),
  boundaries(['main/electron/**'], {
    patterns: [
      SQLITE,
      mainFolders(['host', 'cli', 'workers', 'demo']),
      mainFolders(['engines'], { allowTypeImports: true }),
      STORE_TYPES,
    ],
    syntax: DATABASE_CALLS,
  }),
  boundaries(['preload/contract/**'], {
    patterns: [
      // Any bare module name but zod; relative imports stay inside the contract.
      { regex: '^(?!zod(/|$))[^./]', message: 'The contract imports zod only.' },
      ANY_MAIN,
      { group: ['**/renderer/**', '../index.ts'], message: 'The contract imports zod only.' },
    ],
  }),
  // The vocabularies are the contract's modules that the store and the demo load as values: they import nothing but
  // each other, so that loading them never pulls in zod or the schemas. (loan-vocabulary.ts: the codes and ranges loans are checked against;
  // data-vocabulary.ts: the borrower and transaction codes the demo writes and the screens name.)
  boundaries(['preload/contract/vocabulary.ts', 'preload/contract/loan-vocabulary.ts', 'preload/contract/data-vocabulary.ts'], {
    patterns: [{ regex: '^(?!\\./(loan-|data-)?vocabulary\\.ts$)', message: 'The vocabularies import nothing but each other: the store and the demo load them.' }],
  }),
  boundaries(['preload/index.ts'], {
    patterns: [
      NODE_BUILTINS,
      SQLITE,
      ANY_MAIN,
      { group: ['**/renderer/**'], message: 'The preload exposes the contract; it does not import the renderer.' },
    ],
    syntax: [],
  }),
  // The renderer runs in a browser page (Chromium in Electron, or any browser through the browser host): browser
  // globals instead of Node's; it reaches main only through the contract (types, shapes, the permission
  // table) and its transports, and never loads preload/index.ts, which Electron runs on its own.
  {
    files: [`renderer/**/*.${CODE_EXTENSIONS}`],
    languageOptions: {
      globals: { ...Object.fromEntries(Object.keys(globals.node).map((name) => [name, 'off'])), ...globals.browser },
    },
  },
  boundaries(['renderer/**'], {
    patterns: [
      NODE_BUILTINS,
      ELECTRON,
      SQLITE,
      ANY_MAIN,
      { group: ['**/preload/index.ts', '**/preload/build.mjs'], message: 'The renderer uses the contract and window.riskdesk; the preload script is Electron’s to load.' },
    ],
  }),

  // The engines' internals, to values and types alike. A rule instance of its own (ESLint's, not
  // typescript-eslint's): the latter lets a type import through as soon as any one pattern allows types, and the
  // store and the front ends may import engine types. Inside an engine's folder only the other engines' rules hold.
  {
    files: [`**/*.${CODE_EXTENSIONS}`],
    rules: { 'no-restricted-imports': ['error', { patterns: [CREDIT_ENGINE.anywhere, FRAUD_ENGINE.anywhere, LIQUIDITY_ENGINE.anywhere] }] },
  },
  {
    files: [`main/engines/**/*.${CODE_EXTENSIONS}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            CREDIT_ENGINE.anywhere,
            CREDIT_ENGINE.fromEngines,
            FRAUD_ENGINE.anywhere,
            FRAUD_ENGINE.fromEngines,
            LIQUIDITY_ENGINE.anywhere,
            LIQUIDITY_ENGINE.fromEngines,
          ],
        },
      ],
    },
  },
  {
    files: [`main/engines/credit/**/*.${CODE_EXTENSIONS}`],
    rules: { 'no-restricted-imports': ['error', { patterns: [FRAUD_ENGINE.anywhere, FRAUD_ENGINE.fromEngines, LIQUIDITY_ENGINE.anywhere, LIQUIDITY_ENGINE.fromEngines] }] },
  },
  {
    files: [`main/engines/fraud/**/*.${CODE_EXTENSIONS}`],
    rules: { 'no-restricted-imports': ['error', { patterns: [CREDIT_ENGINE.anywhere, CREDIT_ENGINE.fromEngines, LIQUIDITY_ENGINE.anywhere, LIQUIDITY_ENGINE.fromEngines] }] },
  },
  {
    files: [`main/engines/liquidity/**/*.${CODE_EXTENSIONS}`],
    rules: { 'no-restricted-imports': ['error', { patterns: [CREDIT_ENGINE.anywhere, CREDIT_ENGINE.fromEngines, FRAUD_ENGINE.anywhere, FRAUD_ENGINE.fromEngines] }] },
  },

  // Tests are harnesses, not product code: they may use Node (node:test, fixtures) and reach across
  // folders to set things up (SQL included, and an engine's internals). They still may not load electron
  // outside main/electron/. Their fixtures and the shared test support are harness too.
  boundaries(TESTS, { patterns: [ELECTRON], ignores: ['main/electron/**'] }),
  // (A rule given as severity alone keeps the options of an earlier match, so the electron folder's tests turn it off.)
  { files: ['main/electron/**/*.test.ts'], rules: { 'no-restricted-syntax': 'off' } },
  boundaries(['main/**/fixtures/**', 'main/test-support/**'], { patterns: [ELECTRON] }),
  { files: [...TESTS, `main/**/fixtures/**/*.${CODE_EXTENSIONS}`, `main/test-support/**/*.${CODE_EXTENSIONS}`], rules: { 'no-restricted-imports': 'off' } },
);
