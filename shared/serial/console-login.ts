/**
 * Getting from whatever a serial console shows to a shell we know, as a state machine the
 * transport drives: it reports what the console shows (`screen`) and when it stayed quiet
 * (`quiet`), and does what the machine answers (send text, send the shell setup line, give up).
 *
 * - `login:` (or `Username:`) → the user name; `Password:` → the password (a secret: never logged),
 *   only right after the echo of our user name: a password prompt from before is answered empty.
 * - `Login incorrect` (and friends) after the password, or being asked again → a clear auth error.
 * - A login or password prompt with no credentials in the profile → says what to add.
 * - A shell prompt, or a quiet console → the setup line, whose marker proves a shell (console-frame.ts);
 *   prompts are only a hint, the marker is the proof. A console that stays quiet after it gets a
 *   Ctrl-C (a program left in the foreground) and a second try, then `no-shell`.
 * Never throws.
 */

export type LoginAction =
  | { kind: 'send'; text: string; secret: boolean }
  /** Send the shell setup line (console-frame.ts shellSetup) and wait for its marker. */
  | { kind: 'setup'; interruptFirst: boolean }
  | { kind: 'wait' }
  | { kind: 'fail'; reason: LoginFailure };

export type LoginFailure = 'auth' | 'needs-user' | 'needs-password' | 'no-shell';

export interface ConsoleCredentials {
  user?: string | undefined;
  password?: string | undefined;
}

const LOGIN_PROMPT = /(?:login|username):\s*$/i;
const PASSWORD_PROMPT = /password(?: for [^:]*)?:\s*$/i;
const REFUSED = /login incorrect|authentication fail|permission denied|access denied|incorrect password/i;
const SHELL_PROMPT = /[$#%>]\s*$/;
/** Quiet spells to sit out after sending the password before deciding the console shows a shell. */
const PASSWORD_PATIENCE = 2;

export class ConsoleLogin {
  private userSent = 0;
  private passwordSent = false;
  private abandoned = 0;
  private setups = 0;
  private quietAfterPassword = 0;
  private finished = false;

  constructor(private readonly creds: ConsoleCredentials) {}

  /**
   * The first thing to send. The prompt the console showed before the port was opened is gone, so
   * something must provoke one: the user name when there is one (at a `login:` prompt it is the
   * answer; a shell just says "command not found"), else a bare Enter (an Enter at `login:` makes
   * util-linux login ask a password for an empty name, which `screen` then abandons).
   */
  start(): LoginAction {
    if (this.creds.user === undefined) return { kind: 'send', text: '\r', secret: false };
    this.userSent++;
    return { kind: 'send', text: `${this.creds.user}\r`, secret: false };
  }

  /**
   * What the console shows since the last action (cleaned text, the open line last). Returns what
   * to do; `wait` when nothing is decisive yet.
   */
  screen(text: string): LoginAction {
    if (this.finished) return { kind: 'wait' };
    const tail = text.slice(-200);
    if (this.passwordSent && REFUSED.test(text)) return this.fail('auth');
    if (PASSWORD_PROMPT.test(tail)) {
      if (this.passwordSent) return this.fail('auth');
      // A password prompt not preceded by the echo of our user name is not ours (left from before, or
      // asked for an empty name): an empty answer gets back to `login:` without a secret on the wire.
      if (this.userSent === 0 || (this.creds.user !== undefined && !text.includes(this.creds.user))) {
        if (++this.abandoned > 2) return this.fail('no-shell');
        return { kind: 'send', text: '\r', secret: false };
      }
      if (this.creds.password === undefined) return this.fail('needs-password');
      this.passwordSent = true;
      return { kind: 'send', text: `${this.creds.password}\r`, secret: true };
    }
    if (LOGIN_PROMPT.test(tail)) {
      if (this.creds.user === undefined) return this.fail('needs-user');
      // Asked for the user again after the password, or again and again: refused (some login programs say nothing else).
      if (this.passwordSent || this.userSent >= 3) return this.fail('auth');
      this.userSent++;
      return { kind: 'send', text: `${this.creds.user}\r`, secret: false };
    }
    if (SHELL_PROMPT.test(tail) && this.setups === 0) return this.setup(false);
    return { kind: 'wait' };
  }

  /** Nothing decisive came for a while. */
  quiet(): LoginAction {
    if (this.finished) return { kind: 'wait' };
    // login(1) sleeps FAIL_DELAY (3 s, longer on a loaded device) before "Login incorrect": a line
    // typed meanwhile lands at its next prompt, and a Ctrl-C ends it. Give it time before probing for a shell.
    if (this.passwordSent && this.setups === 0 && this.quietAfterPassword++ < PASSWORD_PATIENCE) return { kind: 'wait' };
    if (this.setups === 0) return this.setup(false);
    // The setup line got no marker: a program may hold the foreground (a pmc left running).
    if (this.setups === 1) return this.setup(true);
    return this.fail('no-shell');
  }

  /** The setup marker arrived: a shell runs our lines. */
  ready(): void {
    this.finished = true;
  }

  private setup(interruptFirst: boolean): LoginAction {
    this.setups++;
    return { kind: 'setup', interruptFirst };
  }

  private fail(reason: LoginFailure): LoginAction {
    this.finished = true;
    return { kind: 'fail', reason };
  }
}
