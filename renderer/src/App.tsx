import { AppShell } from '@mantine/core';
import { useState } from 'react';
import { Console } from './console/Console';
import { AlarmsScreen } from './alarms/AlarmsScreen';
import { SessionsScreen } from './sessions/SessionsScreen';
import { SessionView } from './sessions/SessionView';
import { AppHeader } from './shell/AppHeader';
import { ConnectionBanner } from './shell/ConnectionBanner';
import type { Screen } from './shell/screen';
import { StoreHealthBanner } from './shell/StoreHealthBanner';

export function App() {
  const [screen, setScreen] = useState<Screen>({ kind: 'devices' });
  const openSession = (id: string) => setScreen({ kind: 'session', id });
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <AppHeader screen={screen} onScreen={setScreen} />
      </AppShell.Header>
      <AppShell.Main>
        <ConnectionBanner />
        <StoreHealthBanner />
        {/* The devices screen stays mounted behind the sessions: its live charts keep their buffers. */}
        <div style={screen.kind === 'devices' ? undefined : { display: 'none' }}>
          <Console onOpenSession={openSession} />
        </div>
        {screen.kind === 'sessions' && <SessionsScreen onOpen={openSession} />}
        {screen.kind === 'alarms' && <AlarmsScreen />}
        {screen.kind === 'session' && <SessionView key={screen.id} sessionId={screen.id} onBack={() => setScreen({ kind: 'sessions' })} />}
      </AppShell.Main>
    </AppShell>
  );
}
