import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { firstLanguageLoaded } from './i18n/index.ts';
import { App } from './app/app.tsx';

// Rendered even if the catalogue failed to arrive: the app's own error screens still work.
void firstLanguageLoaded.finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
