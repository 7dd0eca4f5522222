/** Which screen the console shows: the devices (live), the sessions list, or one open session. */
export type Screen = { kind: 'devices' } | { kind: 'sessions' } | { kind: 'session'; id: string } | { kind: 'alarms' };
