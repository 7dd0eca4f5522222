import { setTimeout as sleep } from 'node:timers/promises';
import type { ConfigValidation, QdiscFile } from '../../../shared/contract/methods-config';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { tcProblemText } from '../../../shared/tsn/config/problem-text';
import { displayCommand } from '../../../shared/tsn/config/tc-command';
import { findQdisc, parseQdiscShow, placeOf, qdiscDifferences, tcCommandFor, type QdiscReadBack, type TcQdiscModel } from '../../../shared/tsn/config/tc-qdisc';
import { qdiscModelFromText } from '../../../shared/tsn/config/qdisc-model-schema';
import { isInterfaceName } from '../../../shared/tsn/stats/interface-name';
import type { DeviceTransport } from '../transport/transport';
import type { FilesOwner } from './device-files';
import { sha256Hex } from './ptp4l-conf-target';
import type { DeviceIo } from './push-session';
import type { PushTarget, StepOutcome, TargetState } from './push-target';

const TC_TIMEOUT_MS = 20_000;
/** tc -j qdisc show is read a few times while a new qdisc settles. */
const VERIFY_TRIES = 4;
const VERIFY_EVERY_MS = 500;

/**
 * A replace the driver or qdisc refuses (no change operation, or an offload that cannot be
 * replaced in place): then delete-then-add. An unknown kind or bad options fail the same way
 * either way, so they are said at once.
 */
export function refusesReplace(stderr: string): boolean {
  return /change operation not supported|operation not supported|not supported by specified qdisc|replacing .* is not supported/i.test(stderr);
}

/** A kernel default qdisc (noqueue, pfifo_fast, mq …, handle `0:`): deleting what replaced it brings it back. */
function isKernelDefault(q: QdiscReadBack): boolean {
  return q.json.handle === '0:';
}

/** One interface's qdiscs as `tc -j qdisc show dev IF` prints them. */
async function showQdiscs(transport: DeviceTransport, iface: string): Promise<string> {
  const res = await transport.exec(['tc', '-j', 'qdisc', 'show', 'dev', iface], { timeoutMs: TC_TIMEOUT_MS, maxOutputBytes: 1024 * 1024 });
  if (res.exitCode !== 0) throw new SyncscopeError({ code: 'device-output', message: `tc -j qdisc show dev ${iface} exited ${String(res.exitCode)}: ${res.stderr.trim() || res.stdout.trim()}` });
  return res.stdout.trim();
}

/** The qdiscs of a `tc -j qdisc show` text, each as the command that makes it when Syncscope models it. */
export function qdiscList(text: string, iface: string): QdiscFile['qdiscs'] {
  return parseQdiscShow(text).qdiscs.map((q) => {
    const argv = q.model ? tcCommandFor(q.model, iface).argv : null;
    return { kind: q.json.kind, handle: q.json.handle, parent: q.json.parent, command: argv ? displayCommand(argv) : null };
  });
}

/** The interface's qdiscs as command lines (for a diff); unmodelled ones as a comment. */
export function qdiscCommandsText(text: string, iface: string): string {
  return qdiscList(text, iface)
    .map((q) => q.command ?? `# ${q.kind} ${q.handle} parent ${q.parent} (not a kind Syncscope configures)`)
    .join('\n')
    .concat('\n');
}

/** The pushed model as the command it becomes (or its JSON when it does not make one), for a diff. */
export function newQdiscText(modelText: string, iface: string): string {
  const { model } = qdiscModelFromText(modelText);
  const argv = model ? tcCommandFor(model, iface).argv : null;
  return argv ? `${displayCommand(argv)}\n` : modelText;
}

/**
 * A TSN qdisc on an interface: applied with `tc qdisc replace` (the TSN config models' argv, never
 * a shell string), verified by reading `tc -j qdisc show` back, rolled back to the qdisc captured
 * before. The "text" of this target is the interface's `tc -j qdisc show` output (before) and the
 * model's JSON (pushed).
 */
export class QdiscTarget implements PushTarget {
  readonly kind = 'tsn-qdisc';
  readonly target: string;
  /** The model of this push, read by validate (the pipeline validates before it applies). */
  private pending: TcQdiscModel | null = null;

  constructor(
    iface: string,
    private readonly owner: FilesOwner,
  ) {
    if (!isInterfaceName(iface)) throw new SyncscopeError({ code: 'invalid-input', field: 'iface', message: `interface ${JSON.stringify(iface.slice(0, 40))} is not a plain Linux interface name`, hint: 'Nothing was sent to the device.' });
    this.target = iface;
  }

  async read(io: DeviceIo): Promise<TargetState> {
    const text = await showQdiscs(io.transport, this.target);
    const kinds = parseQdiscShow(text).qdiscs.map((q) => `${q.json.kind} ${q.json.handle}`);
    return { text, sha256: sha256Hex(text), detail: `${this.target}: ${kinds.join(', ') || 'no qdisc'}` };
  }

  validate(modelText: string): ConfigValidation {
    const { model, problems } = this.model(modelText);
    const all = model ? [...problems, ...tcCommandFor(model, this.target).problems] : problems;
    return {
      ok: model !== null && !all.some((p) => p.severity === 'error'),
      issues: all.map((p) => ({ severity: p.severity, line: null, option: p.field, message: tcProblemText(p, 'en').message })),
      checkedBy: 'TSN qdisc model',
    };
  }

  /** The previous qdisc is the state read before (kept in memory and in the audit entry), not a file on the device. */
  backup(): Promise<string | null> {
    return Promise.resolve(null);
  }

  /** Nothing to write first: tc applies a qdisc in one step. */
  write(): Promise<StepOutcome> {
    return Promise.resolve({ detail: 'nothing to write: tc applies the qdisc in one step' });
  }

  /** `tc qdisc replace` with the model validate read. */
  apply(io: DeviceIo): Promise<StepOutcome> {
    if (!this.pending) throw new SyncscopeError({ code: 'internal', message: 'qdisc push applied before its model was validated' });
    return this.applyModel(io, this.pending);
  }

  async verify(io: DeviceIo, modelText: string): Promise<StepOutcome> {
    const { model } = this.model(modelText);
    if (!model) throw new SyncscopeError({ code: 'invalid-input', message: 'the model is not readable' });
    let diffs: string[] = [];
    for (let i = 0; i < VERIFY_TRIES; i++) {
      const show = parseQdiscShow(await showQdiscs(io.transport, this.target));
      diffs = qdiscDifferences(model, findQdisc(show.qdiscs, model));
      if (diffs.length === 0) return { detail: `tc shows ${model.kind} on ${this.target} as pushed` };
      await sleep(VERIFY_EVERY_MS);
    }
    throw new SyncscopeError(catalogError('config-push.qdisc-differs', { device: this.owner.device, iface: this.target, kind: model.kind, fields: diffs.join(', ') }, { deviceId: this.owner.deviceId }));
  }

  async restore(io: DeviceIo, previous: TargetState): Promise<StepOutcome> {
    // A push that never took (tc refused it) left the interface as it was: nothing to rebuild, even
    // a qdisc Syncscope does not model (htb, tbf …), which it could not put back itself.
    const now = await showQdiscs(io.transport, this.target);
    if (qdiscCommandsText(now, this.target) === qdiscCommandsText(previous.text, this.target)) return { detail: `${this.target} still shows its previous qdiscs: nothing to restore` };
    const model = this.pending;
    const before = parseQdiscShow(previous.text).qdiscs;
    const place = model ? placeOf(model) : { parent: 'root', handle: null };
    const was = before.find((q) => q.json.parent === place.parent);
    if (was?.model) return this.applyModel(io, was.model);
    if (!was || isKernelDefault(was)) {
      const argv = ['tc', 'qdisc', 'del', 'dev', this.target, ...(place.parent === 'root' ? ['root'] : ['parent', place.parent])];
      const res = await io.transport.exec(argv, { timeoutMs: TC_TIMEOUT_MS });
      // Nothing there to delete (the push never took): the interface is as it was.
      if (res.exitCode !== 0 && !/no such file|cannot delete qdisc with handle of zero|invalid handle/i.test(res.stderr)) this.failed(argv, res.exitCode, res.stderr);
      return { detail: `${displayCommand(argv)}: the kernel's default qdisc is back${was ? ` (${was.json.kind})` : ''}` };
    }
    throw new SyncscopeError({ code: 'device-output', message: `the previous ${was.json.kind} qdisc (handle ${was.json.handle ?? '?'}) cannot be rebuilt from tc's output: put it back by hand`, deviceId: this.owner.deviceId });
  }

  /** restore ran tc already: the previous qdisc is in place. */
  applyRestored(): Promise<StepOutcome> {
    return Promise.resolve({ detail: 'restored by tc in one step' });
  }

  async verifyRestored(io: DeviceIo, previous: TargetState): Promise<StepOutcome> {
    const want = qdiscCommandsText(previous.text, this.target);
    const have = qdiscCommandsText(await showQdiscs(io.transport, this.target), this.target);
    if (want !== have) throw new SyncscopeError({ code: 'device-output', message: `${this.target} does not show its previous qdiscs again: ${have.trim()}`, deviceId: this.owner.deviceId });
    return { detail: `${this.target} shows its previous qdiscs` };
  }

  private model(text: string): { model: TcQdiscModel | null; problems: ReturnType<typeof qdiscModelFromText>['problems'] } {
    const read = qdiscModelFromText(text);
    if (read.model) this.pending = read.model;
    return read;
  }

  private async applyModel(io: DeviceIo, model: TcQdiscModel): Promise<StepOutcome> {
    const { argv } = tcCommandFor(model, this.target);
    if (!argv) throw new SyncscopeError({ code: 'invalid-input', message: `the ${model.kind} model has errors` });
    const res = await io.transport.exec(argv, { timeoutMs: TC_TIMEOUT_MS });
    if (res.exitCode === 0) return { detail: displayCommand(argv) };
    if (!refusesReplace(res.stderr)) this.failed(argv, res.exitCode, res.stderr);
    // The driver refuses a replace: delete what is there, then add.
    const place = placeOf(model);
    const del = ['tc', 'qdisc', 'del', 'dev', this.target, ...(place.parent === 'root' ? ['root'] : ['parent', place.parent])];
    const gone = await io.transport.exec(del, { timeoutMs: TC_TIMEOUT_MS });
    if (gone.exitCode !== 0) this.failed(del, gone.exitCode, gone.stderr);
    const add = argv.map((w, i) => (i === 2 && w === 'replace' ? 'add' : w));
    const added = await io.transport.exec(add, { timeoutMs: TC_TIMEOUT_MS });
    if (added.exitCode !== 0) this.failed(add, added.exitCode, added.stderr);
    return { detail: `replace refused (${res.stderr.trim()}); ${displayCommand(del)}, then ${displayCommand(add)}` };
  }

  /** The device's own words, verbatim (an offload error such as "Device failed to setup taprio offload"). */
  private failed(argv: readonly string[], status: number | null, stderr: string): never {
    throw new SyncscopeError(catalogError('config-push.apply-failed', { device: this.owner.device, command: displayCommand(argv), status: status ?? 'by a signal', output: stderr.trim() || '(no output)' }, { deviceId: this.owner.deviceId }));
  }
}
