import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FraudRing, RingNode } from '../../../../preload/contract/fraud-views.ts';
import { api } from '../../api/client.ts';
import { useCall } from '../../api/use-call.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { fraudAddress } from './fraud-address.ts';
import { RingGraph } from './RingGraph.tsx';
import { useEscapeTo } from './use-escape-to.ts';

/** The ring around an account at `fraud/rings/:accountId`: the graph, and its nodes as a list with links. */
export function FraudRingView() {
  const { t } = useTranslation();
  const { accountId = '' } = useParams();
  const found = useCall(() => api.call('fraud.ring', { accountId }), [accountId]);
  useEscapeTo(fraudAddress.list);
  const ring = found.data;
  return (
    <section className="page" aria-labelledby="page-title" data-testid="fraud-ring" data-account={accountId}>
      <PageHeader
        title={t('fraud.ring.heading', { id: accountId })}
        subtitle={
          <Link to={fraudAddress.list} className="small">
            ← {t('fraud.ring.back')}
          </Link>
        }
      />
      <ErrorNotice error={found.error} />
      {!ring && !found.error && <p className="muted">{t('common.loading')}</p>}
      {ring && <RingBody key={ring.accountId} ring={ring} />}
    </section>
  );
}

function RingBody({ ring }: { ring: FraudRing }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<RingNode | null>(null);
  const count = (kind: RingNode['kind']) => ring.nodes.filter((node) => node.kind === kind).length;
  return (
    <div className="fraud-detail">
      <p data-testid="ring-summary">
        {t('fraud.ring.summary', { accounts: count('account'), devices: count('device'), ips: count('ip') })}
        {ring.truncated && (
          <>
            {' '}
            <strong className="fraud-truncated" data-testid="ring-truncated">
              {t('fraud.ring.truncated', { count: ring.nodes.length })}
            </strong>
          </>
        )}
      </p>
      <figure className="panel">
        <figcaption>
          <h2>{t('fraud.ring.graph')}</h2>
          <p className="muted small">{t('fraud.ring.graphHint')}</p>
        </figcaption>
        <RingGraph ring={ring} selected={selected?.key ?? null} onSelect={setSelected} />
        <p className="fraud-selected" aria-live="polite" data-testid="ring-selected">
          {selected && (
            <>
              {t('fraud.ring.selected', { kind: t(`fraud.ring.kinds.${selected.kind}`), id: selected.id })} <NodeLinks node={selected} ring={ring} />
            </>
          )}
        </p>
      </figure>
      <div className="panel">
        <h2>{t('fraud.ring.nodes')}</h2>
        <table className="table table-compact" data-testid="ring-nodes">
          <thead>
            <tr>
              <th scope="col">{t('fraud.ring.kind')}</th>
              <th scope="col">{t('fraud.ring.id')}</th>
              <th scope="col">{t('fraud.ring.flagged')}</th>
              <th scope="col">{t('fraud.ring.links')}</th>
            </tr>
          </thead>
          <tbody>
            {ring.nodes.map((node) => (
              <tr key={node.key} data-node={node.key} className={node.flagged ? 'fraud-flagged-row' : undefined}>
                <td>{t(`fraud.ring.kinds.${node.kind}`)}</td>
                <td className="mono">{node.id}</td>
                <td>{node.flagged ? t('common.yes') : t('common.no')}</td>
                <td>
                  <NodeLinks node={node} ring={ring} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** An account's ring (unless it is this one) and its latest flagged transaction. */
function NodeLinks({ node, ring }: { node: RingNode; ring: FraudRing }) {
  const { t } = useTranslation();
  if (node.kind !== 'account') return null;
  return (
    <span className="fraud-node-links">
      {node.id !== ring.accountId && <Link to={fraudAddress.ring(node.id)}>{t('fraud.ring.openRing')}</Link>}
      {node.flaggedTxId !== null && <Link to={fraudAddress.transaction(node.flaggedTxId)}>{t('fraud.ring.openTransaction')}</Link>}
    </span>
  );
}
