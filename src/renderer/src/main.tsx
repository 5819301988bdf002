import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import '@fontsource/source-serif-4/400.css';
import '@fontsource/source-serif-4/600.css';
import './styles/app.css';
import { App } from './App';
import { resolveApi } from './api/api';
import { initI18n } from './i18n/i18n';

async function main() {
  await initI18n();
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <App api={resolveApi()} />
    </StrictMode>,
  );
}

void main();
