/**
 * The long run of the contract fuzzer (main/test-support/contract-fuzz.ts): every method, for every phase (locked,
 * and unlocked as each role), over each transport (the browser host's WebSocket and HTTP, the IPC bridge's
 * handler), with `--runs` generated calls each. Prints the calls per method and outcome code, and per transport;
 * exits 1 at the first call answered INTERNAL, with an unknown code, by a throw or not in time (fast-check prints
 * the counterexample and the seed to replay it).
 *
 *   ./node_modules/.bin/node --import tsx tests/soak/fuzz-contract.ts [--runs 50] [--seed 1] [--transports ws,http,ipc]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBrowserHost } from '../../main/host/browser-host.ts';
import { createTestWorkspace } from '../../main/test-support/api-test-workspace.ts';
import { fuzzEveryMethod, FuzzTally, internalJobFailures, ipcArgs, PHASES, unexpectedFailureLogs, wireArgs, wireJson, type Transport } from '../../main/test-support/contract-fuzz.ts';
import { HostSocket, postApi } from '../../main/test-support/host-client.ts';
import { ipcTransport } from '../../main/test-support/ipc-transport.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '50' }, seed: { type: 'string', default: '1' }, transports: { type: 'string', default: 'ws,http,ipc' } } });
const runs = Number(values.runs);
const seed = Number(values.seed);
const kinds = values.transports.split(',');

const workspace = await createTestWorkspace({ roles: true });
const service = workspace.service();
const host = await startBrowserHost({ api: service.api, staticDir: path.join(workspace.dir, 'no-renderer') });
const socket = await HostSocket.open(host.port, { token: host.token });
const ipc = ipcTransport(service.api);

const transports: Record<string, Transport> = {
  ws: (method, args) => socket.call(method, undefined, args === undefined ? undefined : wireJson(args)),
  http: async (method, args) => (await postApi(host.port, host.token, method, args === undefined ? '{}' : `{"args":${wireJson(args)}}`)).outcome,
  ipc: ipc.transport,
};

const byTransport = new Map<string, FuzzTally>();
const overall = new FuzzTally();
const started = performance.now();
let failed = false;
try {
  for (const [kindIndex, kind] of kinds.entries()) {
    const transport = transports[kind];
    if (transport === undefined) throw new Error(`unknown transport ${kind}: ws, http or ipc`);
    const tally = new FuzzTally();
    byTransport.set(kind, tally);
    const counting: Transport = async (method, args) => {
      const outcome = await transport(method, args);
      overall.record(method, outcome.ok ? 'ok' : outcome.error.code, 0);
      return outcome;
    };
    for (const phase of PHASES) {
      await fuzzEveryMethod({
        service,
        phase,
        transport: counting,
        args: kind === 'ipc' ? ipcArgs : wireArgs,
        runs,
        costlyRuns: Math.max(1, Math.ceil(runs / 10)),
        // Each transport its own payloads: the same seed would send ws and http identical ones.
        seed: seed + kindIndex * 10_000,
        tally,
      });
      console.log(`${kind} ${phase}: ${tally.total()} calls so far (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
  const status = await socket.call('session.status', {});
  if (!status.ok) throw new Error('session.status no longer answers');
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
} finally {
  console.log('\ncalls per method and outcome (all transports and phases):');
  for (const [method, perMethod] of overall.counts) {
    console.log(`  ${method.padEnd(34)} ${[...perMethod].sort((a, b) => b[1] - a[1]).map(([code, count]) => `${code} ${count}`).join(', ')}`);
  }
  const time = new Map<string, number>();
  for (const tally of byTransport.values()) for (const [method, ms] of tally.milliseconds) time.set(method, (time.get(method) ?? 0) + ms);
  console.log(`\nslowest methods (total time in calls): ${[...time].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([method, ms]) => `${method} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
  console.log('\nper transport:');
  for (const [kind, tally] of byTransport) {
    const codes = new Map<string, number>();
    for (const perMethod of tally.counts.values()) for (const [code, count] of perMethod) codes.set(code, (codes.get(code) ?? 0) + count);
    console.log(`  ${kind}: ${tally.total()} calls: ${[...codes].sort((a, b) => b[1] - a[1]).map(([code, count]) => `${code} ${count}`).join(', ')}`);
  }
  const unexpected = unexpectedFailureLogs(service.logs);
  const jobsDone = service.events.filter((event) => event.name === 'job.done').map((event) => (event.payload as { job: { state: string }; error?: { code: string } }));
  const jobOutcomes = new Map<string, number>();
  for (const done of jobsDone) jobOutcomes.set(done.error?.code ?? done.job.state, (jobOutcomes.get(done.error?.code ?? done.job.state) ?? 0) + 1);
  console.log(`\njobs started and ended: ${jobsDone.length} (${[...jobOutcomes].map(([code, count]) => `${code} ${count}`).join(', ')}); failed as INTERNAL: ${internalJobFailures(service.events).length}`);
  if (internalJobFailures(service.events).length > 0) failed = true;
  console.log(`${overall.total()} calls in ${((performance.now() - started) / 1000).toFixed(0)} s; unexpected failures logged: ${unexpected.length}; ${failed ? 'FAILED' : 'every answer ok or a typed error other than INTERNAL'}`);
  for (const line of unexpected.slice(0, 5)) console.log(line);
  ipc.dispose();
  await socket.close();
  await host.close();
  await workspace.dispose();
}
process.exitCode = failed ? 1 : 0;
