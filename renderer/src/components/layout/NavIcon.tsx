import type { AreaId } from './areas.ts';

/** Line icons, 16 px, drawn in currentColor. */
const PATHS: Record<AreaId, string> = {
  dashboard: 'M2 2h5v6H2zM9 2h5v3H9zM9 7h5v7H9zM2 10h5v4H2z',
  portfolio: 'M2 3h12v10H2zM2 6.5h12M2 10h12M6 3v10',
  credit: 'M2 4h12v8H2zM2 7h12M4 10h3',
  fraud: 'M8 1.5l5.5 2v4c0 3.5-2.4 5.8-5.5 7-3.1-1.2-5.5-3.5-5.5-7v-4zM8 5v4M8 11v.5',
  liquidity: 'M8 1.5C8 1.5 3.5 7 3.5 10a4.5 4.5 0 009 0C12.5 7 8 1.5 8 1.5z',
  cases: 'M2 4.5h12v9H2zM5.5 4.5V2.5h5v2M2 8h12',
  rules: 'M3 3h10M3 6.5h10M3 10h6M3 13.5h6M11.5 10.5l1.5 1.5 2.5-3',
  audit: 'M4 1.5h6l3 3v10H4zM10 1.5v3h3M6 8h5M6 10.5h5M6 13h3',
  evidence: 'M3 2.5h7l3 3v8H3zM10 2.5v3h3M5.5 9.5l1.8 1.8 3.2-3.6',
  reports: 'M2.5 13.5h11M4 11.5V8M7 11.5V4.5M10 11.5V6.5M13 11.5V9',
  settings: 'M8 5.5a2.5 2.5 0 110 5 2.5 2.5 0 010-5zM8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4',
};

export function NavIcon({ area }: { area: AreaId }) {
  return (
    <svg className="nav-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[area]} fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}
