import type { UdsAccess } from '../../../shared/ptp/pmc-sample';
import { pollMarker, STDIN_UNBUFFERED_MARKER } from '../../../shared/ptp/pmc-command';
import type { PmcManagementError, PmcResponse } from '../../../shared/ptp/pmc-parse';
import { PmcLineReader, type PmcReaderEvent } from '../../../shared/ptp/pmc-reader';
import type { DeviceStream, StreamExit } from '../transport/transport';

/**
 * One interactive pmc on a DeviceStream, as request → answers.
 *
 * pmc 3.1 reads stdin with one fgets per poll() wakeup: lines written together wait in its stdio
 * buffer until more input arrives (captured on the lab, test/fixtures/pmc/linuxptp-3.1/README.md).
 * So requests go one at a time, each once the previous one was echoed (`sending: …`), answered, or
 * refused (`bad command: …`) — unless the stream script says pmc runs under `stdbuf -i0`: then every
 * request is written at once (pipelined), and the echoes and answers still match them in order. pmc's stdout is a pipe: its `sending:` lines reach us only with the
 * next answer it flushes, so when ptp4l is silent nothing comes back at all; then the first request
 * runs into its deadline and every request queued behind it ends at once as unanswered (a silent
 * ptp4l costs one deadline per poll, not one per request). Answers are matched by data set and seq.
 * Responses that answer no request (ptp4l's pushed SUBSCRIBE_EVENTS_NP notifications, late answers)
 * go to `onPush`.
 */

export interface RequestAnswer {
  request: string;
  /** Every response (a PORT_* request: one per port). */
  responses: PmcResponse[];
  /** ptp4l refused it (MANAGEMENT_ERROR_STATUS). */
  refused: PmcManagementError | null;
  /** pmc said it cannot send this (`bad command`, `not supported yet`): this linuxptp lacks it. */
  unsupported: string | null;
  /** No echo or no answer within the deadline. */
  timedOut: 'echo' | 'answer' | null;
  /** When pmc echoed it / when it was answered, performance.now(). */
  sentAtMs: number | null;
  answeredAtMs: number | null;
}

export interface RequestOptions {
  /** Answers to wait for: a PORT_* request gets one per port. Fewer may arrive: the rest waits for a quiet gap. */
  expect?: number;
  deadlineMs: number;
}

/** How long output must stay quiet before an open block or a short PORT_* answer counts as complete. */
export const QUIET_MS = 15;

interface Pending {
  request: string;
  /** How pmc echoes it (`sending: GET X`): the action and data set only. */
  echo: string;
  tlv: string;
  expect: number;
  seq: number | null;
  answer: RequestAnswer;
  settle: (a: RequestAnswer) => void;
  timer: ReturnType<typeof setTimeout> | null;
  echoed: (() => void) | null;
}

export class PmcSession {
  private readonly reader: PmcLineReader;
  private readonly pending: Pending[] = [];
  private readonly pushListeners = new Set<(r: PmcResponse) => void>();
  private queue: Promise<void> = Promise.resolve();
  private idleScheduled = false;
  private quietTimer: ReturnType<typeof setTimeout> | null = null;
  private dead = false;
  /** Set when a request expired; cleared by any output. Requests queued meanwhile end unanswered at once. */
  private silent = false;
  /** pmc reads unbuffered stdin (the script said so): requests need not wait for the previous echo. */
  private pipelined = false;
  private outbox = '';
  private flushScheduled = false;
  /** What the wrapper script saw of ptp4l's socket at start. */
  udsAccess: UdsAccess = 'writable';
  /** pmc's own messages so far (bounded), to explain a silence. */
  readonly notices: string[] = [];
  /** Called with each line the reader could not place (neither a block, an echo, nor a pmc message). */
  onUnreadable: ((line: string) => void) | null = null;
  readonly ended: Promise<StreamExit>;

  constructor(private readonly stream: DeviceStream) {
    this.reader = new PmcLineReader((e) => this.onReader(e));
    stream.onLine((line) => this.onLine(line));
    this.ended = stream.ended.then((exit) => {
      this.dead = true;
      this.reader.flush();
      for (const p of this.pending.splice(0)) this.finish(p, p.seq === null ? 'echo' : 'answer');
      return exit;
    });
  }

  get alive(): boolean {
    return !this.dead;
  }

  onPush(listener: (r: PmcResponse) => void): () => void {
    this.pushListeners.add(listener);
    return () => this.pushListeners.delete(listener);
  }

  /** Sends one request (after pmc echoed the one before) and resolves with its answers. Never rejects. */
  request(request: string, opts: RequestOptions): Promise<RequestAnswer> {
    const answer: RequestAnswer = { request, responses: [], refused: null, unsupported: null, timedOut: null, sentAtMs: null, answeredAtMs: null };
    return new Promise((settle) => {
      const p: Pending = { request, echo: echoOf(request), tlv: request.split(' ')[1] ?? '', expect: Math.max(1, opts.expect ?? 1), seq: null, answer, settle, timer: null, echoed: null };
      const turn = this.queue.then(async () => {
        if (this.dead || this.silent) return this.finish(p, 'echo');
        this.pending.push(p);
        p.timer = setTimeout(() => this.expire(p), opts.deadlineMs);
        const echoed = new Promise<void>((resolve) => (p.echoed = resolve));
        if (this.pipelined) this.send(`${request}\n`);
        else {
          if (!this.stream.write(`${request}\n`)) this.finish(p, 'echo');
          await echoed;
        }
      });
      this.queue = turn;
    });
  }

  close(): void {
    this.stream.close();
  }

  /**
   * Pipelined requests of one poll leave in one write: pmc then reads them in one wakeup. (A write
   * that fails means the stream ended, and `ended` finishes every pending request.)
   */
  private send(text: string): void {
    this.outbox += text;
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      const out = this.outbox;
      this.outbox = '';
      if (out) this.stream.write(out);
    });
  }

  /** A new poll: its first request gets a full deadline again, even after a silence. */
  newCycle(): void {
    this.silent = false;
  }

  /** A request without any reply in time: ptp4l (or pmc) is silent, so the queue behind it is too. */
  private expire(p: Pending): void {
    this.silent = true;
    this.finish(p, p.seq === null ? 'echo' : 'answer');
  }

  private onLine(line: string): void {
    this.silent = false;
    // The stream script's own lines start with `syncscope-`; pmc's never do (a cheap test for every line).
    if (line.startsWith('syncscope-')) {
      if (line.trim() === STDIN_UNBUFFERED_MARKER) {
        this.pipelined = true;
        return;
      }
      const marker = pollMarker(line);
      if (marker) {
        this.udsAccess = marker;
        return;
      }
    }
    this.reader.line(line);
    if (!this.idleScheduled) {
      this.idleScheduled = true;
      setImmediate(() => this.onIdle());
    }
  }

  /** The lines that arrived together are in. */
  private onIdle(): void {
    this.idleScheduled = false;
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = null;
    const open = this.reader.idle();
    const short = this.pending.some((p) => p.answer.responses.length > 0);
    if (open || short) this.quietTimer = setTimeout(() => this.onQuiet(), QUIET_MS);
  }

  /** Output stayed quiet: an open block is whole, and a PORT_* request has every port it will get. */
  private onQuiet(): void {
    this.quietTimer = null;
    this.reader.flush();
    for (const p of [...this.pending]) if (p.answer.responses.length > 0) this.finish(p, null);
  }

  private onReader(e: PmcReaderEvent): void {
    switch (e.kind) {
      case 'sent': {
        // pmc echoes the action and data set only (`sending: SET SUBSCRIBE_EVENTS_NP`), never a SET's values.
        const p = this.pending.find((x) => x.seq === null && x.echo === e.request);
        if (!p) return;
        p.seq = e.seq;
        p.answer.sentAtMs = performance.now();
        p.echoed?.();
        return;
      }
      case 'response': {
        const p = this.pending.find((x) => x.seq === e.response.seq && x.tlv === e.response.tlv);
        if (!p) {
          for (const l of this.pushListeners) l(e.response);
          return;
        }
        p.answer.responses.push(e.response);
        if (p.answer.responses.length >= p.expect) this.finish(p, null);
        return;
      }
      case 'error': {
        const p = this.pending.find((x) => x.seq === e.error.seq);
        if (!p) return;
        p.answer.refused = e.error;
        this.finish(p, null);
        return;
      }
      case 'notice': {
        if (this.notices.length < 16) this.notices.push(e.text);
        // `bad command: GET X` / `sorry, X not supported yet` name the request pmc would not send.
        const p = this.pending.find((x) => x.seq === null && e.text.includes(x.request.split(' ')[1] ?? '\u0000'));
        if (p) {
          p.answer.unsupported = e.text;
          this.finish(p, null);
        } else {
          const sent = this.pending.find((x) => x.seq !== null && x.tlv !== '' && e.text.includes(x.tlv));
          if (sent) {
            sent.answer.unsupported = e.text;
            this.finish(sent, null);
          }
        }
        return;
      }
      case 'junk':
        this.onUnreadable?.(e.line);
        return;
    }
  }

  private finish(p: Pending, timedOut: RequestAnswer['timedOut']): void {
    const i = this.pending.indexOf(p);
    if (i >= 0) this.pending.splice(i, 1);
    if (p.timer) clearTimeout(p.timer);
    p.timer = null;
    if (p.answer.answeredAtMs === null && p.answer.timedOut === null) {
      p.answer.timedOut = timedOut;
      p.answer.answeredAtMs = timedOut === null ? performance.now() : null;
      p.settle(p.answer);
    }
    p.echoed?.();
    p.echoed = null;
  }
}

function echoOf(request: string): string {
  return request.split(' ').slice(0, 2).join(' ');
}
