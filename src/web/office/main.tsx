import './office.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { cookieLocale, initI18n } from './i18n.js';

// Until the session says otherwise, the language is the one last chosen on this browser.
initI18n(cookieLocale());

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
