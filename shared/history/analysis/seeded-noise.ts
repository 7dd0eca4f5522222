/**
 * Reproducible noise for tests and benchmarks: a xorshift32 generator and Box–Muller normals, so a
 * test that checks a slope or a bench that times a day of data sees the same numbers every run.
 */
export function seededUniform(seed: number): () => number {
  let s = seed >>> 0 || 0x9e3779b9;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return (s + 0.5) / 4294967296;
  };
}

/** `count` independent normal samples with standard deviation `sigma` (white phase noise when used as TE). */
export function gaussianNoise(count: number, sigma: number, seed: number): Float64Array {
  const uniform = seededUniform(seed);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i += 2) {
    const r = Math.sqrt(-2 * Math.log(uniform())) * sigma;
    const phi = 2 * Math.PI * uniform();
    out[i] = r * Math.cos(phi);
    if (i + 1 < count) out[i + 1] = r * Math.sin(phi);
  }
  return out;
}
