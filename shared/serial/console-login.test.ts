import { describe, expect, it } from 'vitest';
import { ConsoleLogin } from './console-login';

// Prompts as util-linux login and bash print them on a console (the lab's: test/lab/serial-console.sh).
const LOGIN = '\nDebian GNU/Linux 12 ss-c1 ttyS0\n\nss-c1 login: ';

describe('logging in at a serial console', () => {
  it('answers login: and Password:, then sets the shell up at its prompt', () => {
    const m = new ConsoleLogin({ user: 'sslab', password: 'pw' });
    expect(m.start()).toEqual({ kind: 'send', text: 'sslab\r', secret: false });
    expect(m.screen('sslab\nPassword: ')).toEqual({ kind: 'send', text: 'pw\r', secret: true });
    expect(m.screen('\nLinux ss-c1 6.1.0 #1 SMP\n')).toEqual({ kind: 'wait' });
    expect(m.screen('\nLinux ss-c1 6.1.0 #1 SMP\nsslab@ss-c1:~$ ')).toEqual({ kind: 'setup', interruptFirst: false });
    m.ready();
    expect(m.quiet()).toEqual({ kind: 'wait' });
  });

  it('says the login was refused on Login incorrect, or on being asked again', () => {
    const m = new ConsoleLogin({ user: 'sslab', password: 'wrong' });
    m.start();
    m.screen('sslab\nPassword: ');
    expect(m.screen('\n\nLogin incorrect\nss-c1 login: ')).toEqual({ kind: 'fail', reason: 'auth' });
    const again = new ConsoleLogin({ user: 'root', password: 'x' });
    again.start();
    again.screen('root\nPassword: ');
    expect(again.screen('Password: ')).toEqual({ kind: 'fail', reason: 'auth' });
  });

  it('answers a password prompt left from before with an empty line, never with the password', () => {
    // Captured on the lab's console: the name we typed went into a waiting Password: prompt (no echo).
    const m = new ConsoleLogin({ user: 'sslab', password: 'pw' });
    m.start();
    expect(m.screen('\nPassword: ')).toEqual({ kind: 'send', text: '\r', secret: false });
    expect(m.screen('\nLogin incorrect\nvm login: ')).toEqual({ kind: 'send', text: 'sslab\r', secret: false });
    expect(m.screen('sslab\nPassword: ')).toEqual({ kind: 'send', text: 'pw\r', secret: true });
  });

  it("sits out login(1)'s failure delay after the password before probing for a shell (a Ctrl-C there would end login)", () => {
    const m = new ConsoleLogin({ user: 'sslab', password: 'wrong' });
    m.start();
    expect(m.screen('sslab\nPassword: ')).toEqual({ kind: 'send', text: 'wrong\r', secret: true });
    expect(m.quiet()).toEqual({ kind: 'wait' });
    expect(m.quiet()).toEqual({ kind: 'wait' });
    expect(m.screen('\nLogin incorrect\nss-c1 login: ')).toEqual({ kind: 'fail', reason: 'auth' });
    // A shell that prints no prompt after a right password still gets its setup line, later.
    const silent = new ConsoleLogin({ user: 'sslab', password: 'pw' });
    silent.start();
    silent.screen('sslab\nPassword: ');
    expect([silent.quiet(), silent.quiet(), silent.quiet()]).toEqual([{ kind: 'wait' }, { kind: 'wait' }, { kind: 'setup', interruptFirst: false }]);
  });

  it('says which credential the profile lacks', () => {
    expect(new ConsoleLogin({}).screen(LOGIN)).toEqual({ kind: 'fail', reason: 'needs-user' });
    const noPassword = new ConsoleLogin({ user: 'root' });
    noPassword.start();
    expect(noPassword.screen('root\nPassword: ')).toEqual({ kind: 'fail', reason: 'needs-password' });
  });

  it('tries the setup line on a quiet console, then once more after Ctrl-C, then gives up', () => {
    const m = new ConsoleLogin({});
    expect(m.screen('')).toEqual({ kind: 'wait' });
    expect(m.quiet()).toEqual({ kind: 'setup', interruptFirst: false });
    expect(m.quiet()).toEqual({ kind: 'setup', interruptFirst: true });
    expect(m.quiet()).toEqual({ kind: 'fail', reason: 'no-shell' });
  });
});
