// CSV import throughput against a raw-INSERT baseline, and the importer's peak memory at two file sizes.
//
//   node --import tsx bench/import.ts [--rows N] [--memory] [--check]
//
// Prints the import's rows/s, the baseline's (the same records, already parsed, through one prepared
// INSERT in one transaction into the same encrypted schema) and their ratio; then the peak RSS of importing
// N and 4N rows, each in a fresh process, which should stay flat because the import streams. `--memory`
// prints only the memory lines; `--check` measures the check before an import instead (checkOnly: the same import,
// rolled back), whose memory must stay as flat. Figures only: no timed assertions.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ServiceContext } from '../main/services/context.ts';
import { importCsv } from '../main/services/import/import-csv.ts';
import { type Db, openEncryptedDatabase } from '../main/store/database.ts';
import { migrate } from '../main/store/migrate.ts';
import type { TransactionRecord } from '../main/store/records.ts';
import { databaseContext } from '../main/test-support/service-context.ts';
import { seededRandom } from './support/seeded-random.ts';

const TRANSACTION_HEADER = 'tx_id,account_id,ts,amount,currency,type,channel,merchant_id,merchant_category,counterparty_account,country,device_id,ip,card_id';
const TRANSACTIONS_PER_ACCOUNT = 20;
const START_MS = Date.UTC(2024, 0, 1);
const TYPES = ['purchase', 'transfer', 'withdrawal', 'refund'];
const CHANNELS = ['app', 'web', 'pos'];
const WRITE_BUFFER_CHARS = 1 << 20;

function accountCount(rows: number): number {
  return Math.max(1, Math.ceil(rows / TRANSACTIONS_PER_ACCOUNT));
}

/** Each transaction as the CSV line a user would import and as the record the importer should store. */
function* transactions(rows: number): Generator<{ line: string; record: TransactionRecord }> {
  const random = seededRandom(42);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const accounts = accountCount(rows);
  for (let i = 0; i < rows; i += 1) {
    const ms = START_MS + i * 1000 + Math.floor(random() * 1000);
    const minor = 1 + Math.floor(random() * 10_000_000);
    const record: TransactionRecord = {
      tx_id: `T${i}`,
      account_id: `A${i % accounts}`,
      ts: new Date(ms).toISOString(),
      amount_minor: minor,
      currency: 'CNY',
      type: pick(TYPES),
      channel: pick(CHANNELS),
      merchant_id: `M${Math.floor(random() * 5000)}`,
      merchant_category: '5411',
      counterparty_account: null,
      country: 'CN',
      device_id: `D${Math.floor(random() * 50_000)}`,
      ip: `10.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}`,
      card_id: `C${Math.floor(random() * 100_000)}`,
    };
    // Local time in +08:00, as an exporting system in China would write it; the importer converts to UTC.
    const local = `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 23)}+08:00`;
    const amount = `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
    const line = [record.tx_id, record.account_id, local, amount, 'CNY', record.type, record.channel, record.merchant_id, record.merchant_category, '', record.country, record.device_id, record.ip, record.card_id].join(',');
    yield { line, record };
  }
}

function writeLines(file: string, header: string, lines: Iterable<string>): void {
  const fd = openSync(file, 'w');
  try {
    let buffer = `${header}\n`;
    for (const line of lines) {
      buffer += `${line}\n`;
      if (buffer.length >= WRITE_BUFFER_CHARS) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    writeSync(fd, buffer);
  } finally {
    closeSync(fd);
  }
}

function* accountLines(rows: number): Generator<string> {
  for (let i = 0; i < accountCount(rows); i += 1) yield `A${i},2023-06-01T00:00:00Z`;
}

function newWorkspace(dir: string, name: string): { db: Db; ctx: ServiceContext } {
  const path = join(dir, name);
  const key = randomBytes(32);
  const db = openEncryptedDatabase(path, key, { create: true });
  migrate(db, path);
  const ctx = databaseContext({ db, path, key }, { username: 'bench', role: 'analyst' });
  return { db, ctx };
}

/** Writes the accounts and transactions files for `rows` and imports the accounts (not timed). */
async function prepare(dir: string, rows: number): Promise<{ db: Db; ctx: ServiceContext; file: string }> {
  const { db, ctx } = newWorkspace(dir, 'import.riskdesk');
  const accounts = join(dir, 'accounts.csv');
  writeLines(accounts, 'account_id,opened_at', accountLines(rows));
  await importCsv(ctx, { kind: 'accounts', file: accounts });
  const file = join(dir, 'transactions.csv');
  writeLines(file, TRANSACTION_HEADER, (function* () {
    for (const { line } of transactions(rows)) yield line;
  })());
  return { db, ctx, file };
}

function rawInsertSeconds(dir: string, rows: number): number {
  const { db } = newWorkspace(dir, 'raw.riskdesk');
  try {
    const insertAccount = db.prepare('INSERT INTO accounts (account_id, opened_at) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < accountCount(rows); i += 1) insertAccount.run(`A${i}`, '2023-06-01T00:00:00.000Z');
    })();
    const records = Array.from(transactions(rows), ({ record }) => record);
    const insert = db.prepare(
      'INSERT INTO transactions (tx_id, account_id, ts, amount_minor, currency, type, channel, merchant_id, merchant_category, counterparty_account, country, device_id, ip, card_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const started = performance.now();
    db.transaction(() => {
      for (const r of records) insert.run(r.tx_id, r.account_id, r.ts, r.amount_minor, r.currency, r.type, r.channel, r.merchant_id, r.merchant_category, r.counterparty_account, r.country, r.device_id, r.ip, r.card_id);
    }).immediate();
    return (performance.now() - started) / 1000;
  } finally {
    db.close();
  }
}

function perSecond(rows: number, seconds: number): string {
  return `${Math.round(rows / seconds)} rows/s (${seconds.toFixed(2)} s)`;
}

async function timing(rows: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'riskdesk-bench-import-'));
  try {
    const { db, ctx, file } = await prepare(dir, rows);
    const megabytes = statSync(file).size / 1e6;
    const started = performance.now();
    const summary = await importCsv(ctx, { kind: 'transactions', file, checkOnly });
    const importSeconds = (performance.now() - started) / 1000;
    const stored = db.prepare('SELECT count(*) FROM transactions').pluck().get();
    db.close();
    if (summary.rows !== rows) throw new Error(`internal: read ${summary.rows} rows, expected ${rows}`);
    if (stored !== (checkOnly ? 0 : rows)) throw new Error(`internal: ${String(stored)} transactions stored after the ${verb}`);
    const rawSeconds = rawInsertSeconds(dir, rows);
    console.log(`transactions: ${rows} rows, ${megabytes.toFixed(1)} MB CSV, encrypted workspace (SQLCipher, WAL, synchronous=FULL)`);
    console.log(`${verb}: ${perSecond(rows, importSeconds)}`);
    console.log(`raw insert: ${perSecond(rows, rawSeconds)}`);
    console.log(`ratio ${verb}/raw: ${(rawSeconds / importSeconds).toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Run in a child process so that maxRSS is this import's peak alone. Prints one JSON line. */
async function rssChild(rows: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'riskdesk-bench-import-'));
  try {
    const { db, ctx, file } = await prepare(dir, rows);
    const beforeKb = process.resourceUsage().maxRSS;
    await importCsv(ctx, { kind: 'transactions', file, checkOnly });
    const peakKb = process.resourceUsage().maxRSS;
    db.close();
    console.log(JSON.stringify({ rows, beforeKb, peakKb, bytes: statSync(file).size }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function memory(rows: number): void {
  for (const n of [rows, rows * 4]) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--rss-child', '--rows', String(n), ...(checkOnly ? ['--check'] : [])], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`memory run for ${n} rows failed:\n${child.stderr}`);
    const result = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as { beforeKb: number; peakKb: number; bytes: number };
    const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
    console.log(`peak RSS ${checkOnly ? 'checking' : 'importing'} ${n} rows (${(result.bytes / 1e6).toFixed(0)} MB CSV): ${mb(result.peakKb)} (${mb(result.beforeKb)} before the ${verb})`);
  }
}

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '200000' },
    memory: { type: 'boolean', default: false },
    'rss-child': { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  },
});
const checkOnly = values.check;
const verb = checkOnly ? 'check' : 'import';
const rows = Number(values.rows);
if (!Number.isSafeInteger(rows) || rows < 1) throw new Error(`--rows must be a positive whole number, not ${values.rows}`);

if (values['rss-child']) {
  await rssChild(rows);
} else {
  if (!values.memory) await timing(rows);
  memory(rows);
}
