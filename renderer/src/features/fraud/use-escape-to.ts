import { useEffect } from 'react';
import { useNavigate } from 'react-router';

/** Esc goes to `address` (back to the flagged transactions), unless a field or a dialog has the key. */
export function useEscapeTo(address: string): void {
  const navigate = useNavigate();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== 'Escape' || event.defaultPrevented || target?.closest('input, textarea, select, dialog')) return;
      void navigate(address);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, address]);
}
