import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FraudTransaction } from '../../../../preload/contract/fraud-views.ts';
import { api } from '../../api/client.ts';
import { useCall } from '../../api/use-call.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { FactList } from '../../components/FactList.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatMoney, formatTimestamp } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { DecisionPanel } from './DecisionPanel.tsx';
import { fraudAddress } from './fraud-address.ts';
import { HistoryChart } from './HistoryChart.tsx';
import { useEscapeTo } from './use-escape-to.ts';
import { optionalCodeLabel } from '../../components/code-labels.ts';

/** One transaction at `fraud/transactions/:txId`: its fields, how the run decided it, and its account's history. */
export function FraudTransactionView() {
  const { t } = useTranslation();
  const { txId = '' } = useParams();
  const found = useCall(() => api.call('fraud.transaction', { txId }), [txId]);
  useEscapeTo(fraudAddress.list);
  const detail = found.data;
  return (
    <section className="page" aria-labelledby="page-title" data-testid="fraud-transaction" data-tx={txId}>
      <PageHeader
        title={t('fraud.transaction.heading', { id: txId })}
        subtitle={
          <Link to={fraudAddress.list} className="small">
            ← {t('fraud.transaction.back')}
          </Link>
        }
        actions={
          detail && (
            <Link to={fraudAddress.ring(detail.transaction.accountId)} className="button" data-testid="open-ring">
              {t('fraud.transaction.openRing', { account: detail.transaction.accountId })}
            </Link>
          )
        }
      />
      <ErrorNotice error={found.error} />
      {!detail && !found.error && <p className="muted">{t('common.loading')}</p>}
      {detail && (
        <div className="fraud-detail">
          <div className="panel">
            <h2>{t('fraud.transaction.facts')}</h2>
            <TransactionFacts transaction={detail.transaction} />
          </div>
          <DecisionPanel decision={detail.decision} />
          <HistoryChart history={detail.history} current={detail.transaction} />
        </div>
      )}
    </section>
  );
}

type TransactionField = 'accountId' | 'ts' | 'amount' | 'type' | 'channel' | 'merchantId' | 'merchantCategory' | 'counterpartyAccount' | 'country' | 'deviceId' | 'ip' | 'cardId';

function TransactionFacts({ transaction: tx }: { transaction: FraudTransaction }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const field = (key: TransactionField) => t(`fraud.transaction.fields.${key}`);
  const mono = (value: string | null) => (value === null ? '—' : <span className="mono">{value}</span>);
  return (
    <FactList
      facts={[
        [field('accountId'), <Link key="account" to={fraudAddress.ring(tx.accountId)} className="mono">{tx.accountId}</Link>],
        [field('ts'), formatTimestamp(tx.ts)],
        [field('amount'), formatMoney(tx.amountMinor, tx.currency, locale)],
        [field('type'), optionalCodeLabel(t, 'transactionTypes', tx.type)],
        [field('channel'), optionalCodeLabel(t, 'transactionChannels', tx.channel)],
        [field('merchantId'), mono(tx.merchantId)],
        [field('merchantCategory'), tx.merchantCategory ?? '—'],
        [field('counterpartyAccount'), mono(tx.counterpartyAccount)],
        [field('country'), tx.country ?? '—'],
        [field('deviceId'), mono(tx.deviceId)],
        [field('ip'), mono(tx.ip)],
        [field('cardId'), mono(tx.cardId)],
      ]}
    />
  );
}
