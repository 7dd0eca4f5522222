import { z } from 'zod';
import { ErrorValue } from '../domain/errors';
import { ImportId, ImportState } from './import-progress';

/**
 * Pushed on `sessions.captureProgress` while `sessions.capture` copies a window (about every 250 ms,
 * and once at the end). A long window outlasts a socket request's 30 s: its caller follows these and
 * `sessions.changed` instead of the reply.
 */
export const CaptureProgress = z.object({
  captureId: ImportId,
  sessionId: z.string(),
  session: z.string(),
  state: ImportState,
  /** Devices copied completely, of all. */
  devicesDone: z.number().int().min(0),
  devices: z.number().int().min(1),
  /** How far into the window the current device is, ms. */
  reachedMs: z.number(),
  fromMs: z.number(),
  toMs: z.number(),
  points: z.number().int().min(0),
  events: z.number().int().min(0),
  error: ErrorValue.nullable(),
});
export type CaptureProgress = z.infer<typeof CaptureProgress>;
