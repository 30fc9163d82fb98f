import { useRef, type KeyboardEvent } from 'react';

interface Props<T extends string> {
  readonly tabs: readonly { readonly id: T; readonly label: string }[];
  readonly current: T;
  readonly onSelect: (id: T) => void;
  readonly label: string;
}

/**
 * A tab list that follows the WAI-ARIA tabs pattern: one Tab stop, arrows (and Home/End) move between tabs and
 * open them, so the whole area is reachable without a mouse.
 */
export function CreditTabs<T extends string>({ tabs, current, onSelect, label }: Props<T>) {
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((tab) => tab.id === current);
    const last = tabs.length - 1;
    const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    const tab = next === undefined ? undefined : tabs[next];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id);
    list.current?.querySelector<HTMLElement>(`#credit-tab-${tab.id}`)?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={`credit-tab-${tab.id}`}
          aria-selected={tab.id === current}
          aria-controls={`credit-panel-${tab.id}`}
          tabIndex={tab.id === current ? 0 : -1}
          className={tab.id === current ? 'tab active' : 'tab'}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
