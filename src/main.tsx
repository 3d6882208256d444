import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from './app/providers';
import { preloadRoute } from './app/preload';
import { AppRoutes } from './app/router';
import { initI18n } from './i18n/i18n';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

void initI18n();
preloadRoute(window.location.pathname);

// wouter's default router follows the browser's history; tests give it a memory location instead.
// Suspense waits for the first message catalog (a small chunk fetched alongside the page's code).
createRoot(root).render(
  <StrictMode>
    <Suspense fallback={null}>
      <AppProviders>
        <AppRoutes />
      </AppProviders>
    </Suspense>
  </StrictMode>,
);
