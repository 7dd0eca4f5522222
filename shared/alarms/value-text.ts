import type { MetricUnit } from '../series/metric-def';
import { PORT_STATE_CODES } from '../domain/ptp';

const PORT_STATE_NAMES = new Map(Object.entries(PORT_STATE_CODES).map(([name, code]) => [code, name]));

/** A value as an alarm's sentence shows it: ns scaled to µs/ms where that reads better. */
export function formatValue(v: number, unit: MetricUnit): string {
  switch (unit) {
    case 'ns': {
      const a = Math.abs(v);
      if (a >= 1e6) return `${(v / 1e6).toFixed(3)} ms`;
      if (a >= 1e3) return `${(v / 1e3).toFixed(3)} µs`;
      return `${Math.round(v)} ns`;
    }
    case 'ppb':
      return `${v.toFixed(1)} ppb`;
    case 's':
      return `${v.toFixed(3)} s`;
    case 'ratio':
      return `${(v * 100).toFixed(1)} %`;
    default:
      return String(v);
  }
}

/** A port state code with its name (9 SLAVE), for the sentences of port-state rules. */
export function portStateText(code: number): string {
  const name = PORT_STATE_NAMES.get(code);
  return name ? `${code} ${name}` : String(code);
}
