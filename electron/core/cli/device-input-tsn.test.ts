import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deviceInputFromFlags, devicePatchFromFlags, tsnInterfacesFromFlag } from './device-input';
import { errorOf } from '../../../test/support/error-of';
import { runCli } from '../../../test/support/processes';

describe('--tsn-interfaces', () => {
  it('reads a comma-separated list; default or nothing is the default list', () => {
    expect(tsnInterfacesFromFlag('eth0, eth1,,enp3s0')).toEqual(['eth0', 'eth1', 'enp3s0']);
    expect(tsnInterfacesFromFlag('default')).toBeNull();
    expect(tsnInterfacesFromFlag(' , ')).toBeNull();
  });

  it('puts the list on a new profile and refuses a hostile name, naming the flag', () => {
    expect(deviceInputFromFlags({ name: 'here', local: true, tsnInterfaces: 'eth0,eth1' }, {})).toMatchObject({ tsnInterfaces: ['eth0', 'eth1'] });
    expect(deviceInputFromFlags({ name: 'here', local: true, tsnInterfaces: 'default' }, {})).not.toHaveProperty('tsnInterfaces');
    expect(errorOf(() => deviceInputFromFlags({ name: 'x', local: true, tsnInterfaces: 'eth0,eth0; reboot' }, {}))).toMatchObject({ field: 'tsnInterfaces.1', message: expect.stringMatching(/^--tsn-interfaces \(tsnInterfaces\.1\): /) });
  });

  it('makes a patch of only the flags given: default clears the list', () => {
    expect(devicePatchFromFlags({ tsnInterfaces: 'tsn0' })).toEqual({ tsnInterfaces: ['tsn0'] });
    expect(devicePatchFromFlags({ tsnInterfaces: 'default' })).toEqual({ tsnInterfaces: null });
    expect(devicePatchFromFlags({ interval: '500' })).toEqual({ pollIntervalMs: 500 });
    expect(errorOf(() => devicePatchFromFlags({}))).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('nothing to change') });
    expect(errorOf(() => devicePatchFromFlags({ tsnInterfaces: '-eth0' }))).toMatchObject({ field: 'tsnInterfaces.0' });
  });
});

// The built CLI (out/main/cli.js) on a real data folder: `npm run build` first.
describe('syncscope device add|edit --tsn-interfaces', { timeout: 60_000 }, () => {
  const data = mkdtempSync(join(tmpdir(), 'syncscope-cli-tsn-'));
  afterAll(() => rmSync(data, { recursive: true, force: true }));
  const list = async () => JSON.parse((await runCli(['device', 'list', '--json', '--data', data])).stdout) as { name: string; tsnInterfaces?: string[] }[];

  it('stores, replaces and clears the list, and refuses a hostile name with status 2', async () => {
    expect((await runCli(['device', 'add', '--name', 'box', '--local', '--tsn-interfaces', 'eth0,eth1', '--data', data])).status).toBe(0);
    expect((await list())[0]?.tsnInterfaces).toEqual(['eth0', 'eth1']);
    const edited = await runCli(['device', 'edit', 'box', '--tsn-interfaces', 'tsn0', '--data', data]);
    expect(edited).toMatchObject({ status: 0, stdout: expect.stringContaining('TSN interfaces tsn0') });
    expect((await list())[0]?.tsnInterfaces).toEqual(['tsn0']);
    const hostile = await runCli(['device', 'edit', 'box', '--tsn-interfaces', 'eth0; reboot', '--data', data]);
    expect(hostile.status).toBe(2);
    expect(hostile.stderr).toContain('--tsn-interfaces');
    expect((await list())[0]?.tsnInterfaces).toEqual(['tsn0']);
    expect((await runCli(['device', 'edit', 'box', '--tsn-interfaces', 'default', '--data', data])).stdout).toContain('TSN interfaces default');
    expect((await list())[0]).not.toHaveProperty('tsnInterfaces');
    expect((await runCli(['device', 'edit', 'nobody', '--tsn-interfaces', 'eth0', '--data', data])).status).toBe(3);
  });
});
