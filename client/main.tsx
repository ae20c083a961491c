import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startEarly } from './boot/earlyStart';
import { AuthGate } from './auth/AuthGate';
import { I18nProvider } from './i18n/I18nProvider';
import './styles/base.css';
import './styles/header.css';
import './styles/filters.css';
import './styles/board.css';
import './styles/card.css';
import './styles/dialog.css';
import './styles/toast.css';

startEarly();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <AuthGate>
        <App />
      </AuthGate>
    </I18nProvider>
  </StrictMode>,
);
