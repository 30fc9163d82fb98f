import { useTranslation } from 'react-i18next';
import type { LifecycleState } from '../../../../preload/contract/credit.ts';

interface Props {
  readonly status: LifecycleState;
  /** Whether the signed-in role may approve and activate (main checks again, and refuses the author). */
  readonly allowed: boolean;
  readonly busy: boolean;
  readonly onApprove: () => void;
  readonly onActivate: () => void;
}

/** The next step of a model's or a parameter set's lifecycle: approve a draft, activate an approved one. */
export function LifecycleButtons({ status, allowed, busy, onApprove, onActivate }: Props) {
  const { t } = useTranslation();
  if (!allowed || (status !== 'draft' && status !== 'approved')) return null;
  const approve = status === 'draft';
  return (
    <button type="button" className="button button-small button-primary" disabled={busy} onClick={approve ? onApprove : onActivate}>
      {t(approve ? 'credit.lifecycle.approve' : 'credit.lifecycle.activate')}
    </button>
  );
}
