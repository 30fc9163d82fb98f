import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { AppShell } from './components/layout/AppShell.tsx';
import { PreferenceControls } from './components/PreferenceControls.tsx';
import { AuditPage } from './features/audit/AuditPage.tsx';
import { CasesPage } from './features/cases/CasesPage.tsx';
import { CaseView } from './features/cases/CaseView.tsx';
import { CreditPage } from './features/credit/CreditPage.tsx';
import { DashboardPage } from './features/dashboard/DashboardPage.tsx';
import { EvidencePage } from './features/evidence/EvidencePage.tsx';
import { FraudPage } from './features/fraud/FraudPage.tsx';
import { FraudRingView } from './features/fraud/FraudRingView.tsx';
import { FraudTransactionView } from './features/fraud/FraudTransactionView.tsx';
import { LiquidityPage } from './features/liquidity/LiquidityPage.tsx';
import { PortfolioPage } from './features/portfolio/PortfolioPage.tsx';
import { ReportsPage } from './features/reports/ReportsPage.tsx';
import { ScheduledReportNotice } from './features/reports/ScheduledReportNotice.tsx';
import { RulesPage } from './features/rules/RulesPage.tsx';
import { SettingsPage } from './features/settings/SettingsPage.tsx';
import { UnlockScreen } from './features/unlock/UnlockScreen.tsx';
import { JobsProvider } from './jobs/jobs-context.tsx';
import { PreferencesProvider } from './session/preferences.tsx';
import { SessionProvider, useSession } from './session/session-context.tsx';

/** Hash routes: they work the same from file:// (Electron) and from the browser host. */
function createAppRouter() {
  return createHashRouter([
    {
      path: '/',
      element: <AppShell notices={<ScheduledReportNotice />} />,
      children: [
        { index: true, element: <Navigate to="/dashboard" replace /> },
        { path: 'dashboard', element: <DashboardPage /> },
        { path: 'portfolio', element: <PortfolioPage /> },
        { path: 'credit', element: <CreditPage /> },
        { path: 'fraud', element: <FraudPage /> },
        { path: 'fraud/transactions/:txId', element: <FraudTransactionView /> },
        { path: 'fraud/rings/:accountId', element: <FraudRingView /> },
        { path: 'liquidity', element: <LiquidityPage /> },
        { path: 'cases', element: <CasesPage /> },
        { path: 'cases/:caseId', element: <CaseView /> },
        { path: 'rules', element: <RulesPage /> },
        { path: 'audit', element: <AuditPage /> },
        { path: 'evidence', element: <EvidencePage /> },
        { path: 'reports', element: <ReportsPage /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: '*', element: <Navigate to="/dashboard" replace /> },
      ],
    },
  ]);
}

function Workstation() {
  // Created after start-up has taken the host token out of the address, so the router never sees it.
  const [router] = useState(createAppRouter);
  return <RouterProvider router={router} />;
}

/** Before main has answered: connecting, or why it cannot be reached. */
function Splash() {
  const { t } = useTranslation();
  const { connection, startError } = useSession();
  return (
    <div className="unlock-screen">
      <div className="unlock-prefs">
        <PreferenceControls />
      </div>
      <main className="unlock-card splash" role="status">
        <div className="unlock-brand">
          <span className="brand-mark brand-mark-large" aria-hidden="true" />
          <h1>RiskDesk</h1>
        </div>
        {connection === 'no-token' ? (
          <p className="notice notice-error">{t('splash.noToken')}</p>
        ) : connection === 'reconnecting' ? (
          <p className="notice">{t('splash.reconnecting')}</p>
        ) : startError ? (
          <p className="notice notice-error">{startError}</p>
        ) : (
          <p className="muted">{t('splash.connecting')}</p>
        )}
      </main>
    </div>
  );
}

function Root() {
  const { status } = useSession();
  if (!status) return <Splash />;
  if (status.state !== 'unlocked' || !status.user || !status.workspace) return <UnlockScreen />;
  // A fresh job list (and fresh screens) for each unlock.
  return (
    <JobsProvider key={`${status.workspace.path}\u0000${status.user.username}`}>
      <Workstation />
    </JobsProvider>
  );
}

export function App() {
  return (
    <SessionProvider>
      <PreferencesProvider>
        <Root />
      </PreferencesProvider>
    </SessionProvider>
  );
}
