import { describe, expect, it } from 'vitest';
import { SyncscopeError } from '../../../shared/domain/errors';
import { errorText } from '../../../shared/errors/catalog';
import { sshSpec } from '../collect/spec-fixture';
import { LocalTransport } from './local-transport';
import { createTransport } from './registry';
import { SshTransport } from './ssh-transport';

const hooks = { onNewHostKey: () => undefined };

describe('createTransport', () => {
  it('gives each kind its own transport', () => {
    expect(createTransport(sshSpec(), hooks)).toBeInstanceOf(SshTransport);
    expect(createTransport(sshSpec({ transport: 'local', host: null, user: null, auth: null }), hooks)).toBeInstanceOf(LocalTransport);
  });

  it.each([
    ['no secret', { auth: null }, 'auth'],
    ['no host', { host: null }, 'host'],
    ['no user', { user: null }, 'user'],
    ['nothing', { auth: null, host: null, user: null }, 'host, user, auth'],
  ])('refuses an SSH device with %s instead of polling this machine', (_what, over, missing) => {
    let thrown: unknown;
    try {
      createTransport(sshSpec(over), hooks);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(SyncscopeError);
    const err = (thrown as SyncscopeError).value;
    expect(err).toMatchObject({ code: 'no-credentials', messageId: 'collect.no-credentials', deviceId: 'dev-1', params: { device: 'dut', missing } });
    expect(errorText(err, 'zh-CN').message).toBe(`dut：SSH 设备需要主机、用户以及密码或密钥（缺少：${missing}）。`);
  });
});
