import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startApi } from './api/client.ts';
import { App } from './App.tsx';
import './i18n/index.ts';
import './styles/app.css';

// Pick the transport first: in the browser host this also takes the token out of the address bar.
startApi();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
