import { AppShell } from '@mantine/core';
import { Console } from './console/Console';
import { AppHeader } from './shell/AppHeader';
import { ConnectionBanner } from './shell/ConnectionBanner';

export function App() {
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <AppHeader />
      </AppShell.Header>
      <AppShell.Main>
        <ConnectionBanner />
        <Console />
      </AppShell.Main>
    </AppShell>
  );
}
