import type { RuleScope } from './rule-schema';

/** A glob over device names: `*` any run, `?` one character; case-insensitive like device names. */
export function globMatcher(glob: string): (name: string) => boolean {
  const source = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  const re = new RegExp(`^${source}$`, 'i');
  return (name) => re.test(name);
}

/** Whether a rule of this scope watches the device named `name` (no fields: every device). */
export function scopeMatcher(scope: RuleScope): (name: string) => boolean {
  const names = scope.devices ? new Set(scope.devices.map((n) => n.toLowerCase())) : null;
  const glob = scope.match ? globMatcher(scope.match) : null;
  if (!names && !glob) return () => true;
  return (name) => (names?.has(name.toLowerCase()) ?? false) || (glob?.(name) ?? false);
}
