import type { FraudRing, RingEdge, RingNode, RingNodeKind } from '../../preload/contract/fraud-views.ts';
import type { Db } from './database.ts';
import { latestFinishedRunIdSql } from './runs.ts';

/**
 * The ring around an account: the accounts, devices and IPs reachable from it through the devices and IPs its
 * transactions used (the engine's rings join accounts the same way), walked breadth first from the account so that
 * the nearest are kept when the walk stops at the node cap. A shared public IP can join thousands of accounts; the
 * cap keeps the graph one a person can read and the walk a few hundred indexed queries at most.
 */
const RING_NODE_CAP = 150;

interface Link {
  readonly device: string | null;
  readonly ip: string | null;
  readonly n: number;
  readonly flagged: 0 | 1;
}

const nodeKey = (kind: RingNodeKind, id: string): string => `${kind}:${id}`;

/** Undefined if there is no such account. Flags are the latest finished fraud run's. */
export function ringAround(db: Db, accountId: string, cap: number = RING_NODE_CAP): FraudRing | undefined {
  if (db.prepare('SELECT 1 FROM accounts WHERE account_id = ?').get(accountId) === undefined) return undefined;
  const runId = db.prepare(`SELECT ${latestFinishedRunIdSql('fraud')}`).pluck().get() as number | null;
  // Every (device, IP) pair the account used, with whether a flagged transaction used it: one pass over transactions_account_ts.
  const linksOf = db.prepare(
    `SELECT t.device_id AS device, t.ip, count(*) AS n, max(f.tx_id IS NOT NULL) AS flagged
     FROM transactions t LEFT JOIN fraud_run_flags f ON f.run_id = ? AND f.tx_id = t.tx_id
     WHERE t.account_id = ? GROUP BY t.device_id, t.ip`,
  );
  const latestFlag = db.prepare('SELECT tx_id FROM fraud_run_flags WHERE account_id = ? AND run_id = ? ORDER BY ts DESC, tx_id DESC LIMIT 1').pluck();
  // DISTINCT with LIMIT stops reading once enough accounts are found: more than the cap could never be shown.
  const accountsOf = {
    device: db.prepare('SELECT DISTINCT account_id FROM transactions WHERE device_id = ? LIMIT ?').pluck(),
    ip: db.prepare('SELECT DISTINCT account_id FROM transactions WHERE ip = ? LIMIT ?').pluck(),
  };

  const nodes = new Map<string, RingNode>();
  const edges = new Map<string, RingEdge>();
  const queue: RingNode[] = [];
  let truncated = false;

  /** The node, added (and queued) if there is room; undefined when the cap left it out. */
  const reach = (kind: RingNodeKind, id: string): RingNode | undefined => {
    const key = nodeKey(kind, id);
    const known = nodes.get(key);
    if (known) return known;
    if (nodes.size >= cap) {
      truncated = true;
      return undefined;
    }
    const flaggedTxId = kind === 'account' && runId !== null ? ((latestFlag.get(id, runId) as string | undefined) ?? null) : null;
    const node: RingNode = { key, kind, id, flagged: flaggedTxId !== null, flaggedTxId };
    nodes.set(key, node);
    queue.push(node);
    return node;
  };

  const link = (account: RingNode, kind: 'device' | 'ip', id: string, n: number, flagged: boolean): void => {
    const target = reach(kind, id);
    if (!target) return;
    const key = `${account.key}\u0000${target.key}`;
    const edge = edges.get(key);
    edges.set(key, { source: account.key, target: target.key, transactions: (edge?.transactions ?? 0) + n, flagged: (edge?.flagged ?? false) || flagged });
    if (flagged && !target.flagged) nodes.set(target.key, { ...target, flagged: true });
  };

  reach('account', accountId);
  // Every node queued is expanded, also after the cap is reached, so that the edges among the nodes shown are all there.
  for (let next = queue.shift(); next; next = queue.shift()) {
    const node = nodes.get(next.key) ?? next;
    if (node.kind === 'account') {
      for (const { device, ip, n, flagged } of linksOf.all(runId, node.id) as Link[]) {
        if (device) link(node, 'device', device, n, flagged === 1);
        if (ip) link(node, 'ip', ip, n, flagged === 1);
      }
    } else {
      for (const account of accountsOf[node.kind].all(node.id, cap + 1) as string[]) reach('account', account);
    }
  }
  return { accountId, nodes: [...nodes.values()], edges: [...edges.values()], truncated };
}
