import type { MessageParams } from '../../domain/errors';
import type { TsnConfigProblemId } from '../../errors/catalog-tsn-config';

/**
 * One finding about a TSN qdisc model or a device's `tc` output: an error stops a push (tc or the
 * kernel would refuse it, or it would not do what the model says); a warning is field experience
 * (it will be accepted but is likely to hurt). `field` is the model's dotted path
 * (`schedule.entries.2.intervalNs`) so an editor can mark the input; `id` names catalog text in
 * English and Simplified Chinese (shared/errors/catalog-tsn-config.ts).
 */
export interface TcProblem {
  severity: 'error' | 'warning';
  id: TsnConfigProblemId;
  field: string;
  params: MessageParams;
}

export const tcError = (id: TsnConfigProblemId, field: string, params: MessageParams = {}): TcProblem => ({ severity: 'error', id, field, params });
export const tcWarning = (id: TsnConfigProblemId, field: string, params: MessageParams = {}): TcProblem => ({ severity: 'warning', id, field, params });

export const hasErrors = (problems: readonly TcProblem[]): boolean => problems.some((p) => p.severity === 'error');
export const errorsOf = (problems: readonly TcProblem[]): TcProblem[] => problems.filter((p) => p.severity === 'error');
export const warningsOf = (problems: readonly TcProblem[]): TcProblem[] => problems.filter((p) => p.severity === 'warning');
