/** `/proc/loadavg`: `0.52 0.58 0.59 1/467 12345` (1, 5, 15-minute load; runnable/total tasks; last pid). */
export interface LoadAvg {
  load1: number;
  load5: number;
  load15: number;
  runnable: number;
  tasks: number;
}

export function parseLoadavg(text: string): LoadAvg | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s+(\d+)\/(\d+)/.exec(text);
  if (!m) return null;
  return { load1: Number(m[1]), load5: Number(m[2]), load15: Number(m[3]), runnable: Number(m[4]), tasks: Number(m[5]) };
}
