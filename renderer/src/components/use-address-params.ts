import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** A change to the address's query: a value sets its key, null removes it. */
export type AddressChange = Record<string, string | number | null>;

/**
 * The screen's state that the address holds (a tab, a view, the record open), so that a reload, a bookmark or Back
 * returns to it. Changes replace the current history entry: moving around a screen is not a page of its own.
 */
export function useAddressParams(): [URLSearchParams, (change: AddressChange) => void] {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (change: AddressChange) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(change)) {
            if (value === null) next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [params, update];
}
