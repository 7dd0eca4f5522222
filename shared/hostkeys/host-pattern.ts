/**
 * OpenSSH host patterns (ssh_config `Host`, known_hosts): `*` and `?` wildcards, `!` negation, matched
 * case-insensitively. A list matches when no negated pattern matches and at least one plain one does
 * (match_pattern_list in OpenSSH's match.c).
 */
export function matchPattern(text: string, pattern: string): boolean {
  const t = text.toLowerCase();
  const p = pattern.toLowerCase();
  // Iterative glob with backtracking to the last `*`: linear in practice, no regex built from input.
  let ti = 0;
  let pi = 0;
  let star = -1;
  let mark = 0;
  while (ti < t.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === t[ti])) {
      ti++;
      pi++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = ti;
    } else if (star >= 0) {
      pi = star + 1;
      ti = ++mark;
    } else return false;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

export function matchPatternList(text: string, patterns: readonly string[]): boolean {
  let matched = false;
  for (const raw of patterns) {
    const negated = raw.startsWith('!');
    const p = negated ? raw.slice(1) : raw;
    if (p === '' || !matchPattern(text, p)) continue;
    if (negated) return false;
    matched = true;
  }
  return matched;
}

/** A pattern names one host (no wildcard, no negation): such `Host` entries become devices. */
export function isConcreteHost(pattern: string): boolean {
  return pattern !== '' && !/[*?!]/.test(pattern);
}
