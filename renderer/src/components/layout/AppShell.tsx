import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { useSession } from '../../session/session-context.tsx';
import { areaForKeyCode } from './areas.ts';
import { SideNav } from './SideNav.tsx';
import { StatusBar } from './StatusBar.tsx';
import { TopBar } from './TopBar.tsx';

/** Tell main the user is active at most this often, so the idle lock counts from the last real input. */
const ACTIVITY_INTERVAL_MS = 60_000;

/** `notices`: messages about the session's work that belong above every area (a report the schedule made). */
export function AppShell({ notices }: { notices?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { lock } = useSession();
  const focusTitle = useRef(false);

  // Alt+1…9 open the areas, Alt+L locks. KeyboardEvent.code, so any keyboard layout works.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const area = areaForKeyCode(event.code);
      if (area) {
        event.preventDefault();
        focusTitle.current = true;
        navigate(area.path);
      } else if (event.code === 'KeyL') {
        event.preventDefault();
        void lock().catch(() => undefined);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, lock]);

  // After a keyboard switch, put focus on the new area's title so Tab continues from there.
  useEffect(() => {
    if (!focusTitle.current) return;
    focusTitle.current = false;
    requestAnimationFrame(() => document.getElementById('page-title')?.focus());
  }, [location.pathname]);

  useEffect(() => {
    let last = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - last < ACTIVITY_INTERVAL_MS) return;
      last = now;
      void api.call('session.activity').catch(() => undefined);
    };
    const events = ['keydown', 'mousemove', 'mousedown', 'wheel', 'touchstart'] as const;
    for (const name of events) window.addEventListener(name, onActivity, { passive: true });
    return () => {
      for (const name of events) window.removeEventListener(name, onActivity);
    };
  }, []);

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(event) => {
        event.preventDefault();
        document.getElementById('page-title')?.focus();
      }}>
        {t('nav.skip')}
      </a>
      <TopBar />
      <SideNav />
      <main className="content" id="main">
        {notices}
        <Outlet />
      </main>
      <StatusBar />
    </div>
  );
}
