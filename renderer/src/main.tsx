import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EngineClient } from '../../shared/contract';
import { App } from './App';
import { chooseEngineLink } from './engine/choose';
import { EngineProvider } from './engine/EngineContext';
import { initI18n } from './i18n';

initI18n();
const link = chooseEngineLink();
const client = new EngineClient(link);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <MantineProvider defaultColorScheme="light">
      <EngineProvider client={client} link={link}>
        <App />
      </EngineProvider>
    </MantineProvider>
  </StrictMode>,
);
