import { z } from 'zod';
import { CLOCK_IDS } from './tc-values';
import { GATE_COMMANDS } from './taprio-model';
import type { TcQdiscModel } from './tc-qdisc';
import { readTcJson } from './tc-json-reader';
import { tcError, type TcProblem } from './tc-problem';

/**
 * The shape of a qdisc model where one crosses an edge (a `tsn plan` file, the contract). Ranges and
 * cross-field rules are validateQdisc's; this checks types and fills defaults, so a file can hold
 * only what matters. 64-bit times may be strings or numbers: files are read with the exact reader,
 * so `"baseTimeNs": 1691160511783528178` keeps every digit.
 */
const decimal = z.union([z.string(), z.number(), z.bigint()]).transform((v) => (typeof v === 'string' ? v : v.toString()));
const perTc = <T extends z.ZodType>(item: T) => z.array(item).max(16).nullable().default(null);
const queues = z.array(z.object({ count: z.number(), offset: z.number() })).max(16);
const map = z.array(z.number()).max(16);
const handle = z.union([z.string(), z.number()]).transform(String);

export const TaprioModelSchema = z.object({
  kind: z.literal('taprio'),
  handle: handle.default('100'),
  numTc: z.number(),
  priorityMap: map,
  queues,
  clockid: z.enum(CLOCK_IDS).nullable().default(null),
  flags: z.number().default(0),
  txtimeDelayNs: z.number().nullable().default(null),
  maxSdu: perTc(z.number()),
  fp: perTc(z.enum(['E', 'P'])),
  schedule: z.object({
    baseTimeNs: decimal.default('0'),
    cycleTimeNs: decimal.nullable().default(null),
    cycleTimeExtensionNs: decimal.nullable().default(null),
    entries: z.array(z.object({ command: z.enum(GATE_COMMANDS).default('S'), gateMask: z.number(), intervalNs: z.number() })).max(4096),
  }),
});

export const CbsModelSchema = z.object({
  kind: z.literal('cbs'),
  parent: z.string(),
  handle: handle.nullable().default(null),
  idleslopeKbps: z.number(),
  sendslopeKbps: z.number(),
  hicreditBytes: z.number(),
  locreditBytes: z.number(),
  offload: z.boolean().default(false),
});

export const EtfModelSchema = z.object({
  kind: z.literal('etf'),
  parent: z.string(),
  handle: handle.nullable().default(null),
  clockid: z.enum(CLOCK_IDS).default('TAI'),
  deltaNs: z.number(),
  deadlineMode: z.boolean().default(false),
  offload: z.boolean().default(false),
  skipSockCheck: z.boolean().default(false),
});

export const MqprioModelSchema = z.object({
  kind: z.literal('mqprio'),
  handle: handle.default('100'),
  numTc: z.number(),
  priorityMap: map,
  queues,
  hw: z.union([z.literal(0), z.literal(1)]).default(1),
  mode: z.enum(['dcb', 'channel']).default('dcb'),
  shaper: z.enum(['dcb', 'bw_rlimit']).default('dcb'),
  minRateBytesPerSec: perTc(z.number()),
  maxRateBytesPerSec: perTc(z.number()),
  fp: perTc(z.enum(['E', 'P'])),
});

export const QdiscModelSchema = z.discriminatedUnion('kind', [TaprioModelSchema, CbsModelSchema, EtfModelSchema, MqprioModelSchema]);

/** A model from JSON text (a `tsn plan` file): the model, or what is wrong with the text or its shape. */
export function qdiscModelFromText(text: string): { model: TcQdiscModel | null; problems: TcProblem[] } {
  const read = readTcJson(text);
  if (read.failure) return { model: null, problems: [tcError('tsn-config.json-invalid', 'json', { ...read.failure })] };
  const parsed = QdiscModelSchema.safeParse(read.value);
  if (!parsed.success) {
    return { model: null, problems: parsed.error.issues.slice(0, 20).map((i) => tcError('tsn-config.model-shape', i.path.join('.') || 'kind', { field: i.path.join('.') || 'kind', detail: i.message })) };
  }
  return { model: parsed.data satisfies TcQdiscModel, problems: [] };
}
