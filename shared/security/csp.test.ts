import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron.vite.config';
import { CSP_HEADER, CSP_META } from './csp';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0]!, d.slice(d.indexOf(' ') + 1)]));

/** Runs the vite plugin's hooks as vite would, for a build or the dev server. */
function injectedMeta(command: 'build' | 'serve'): { tag: string; attrs: Record<string, string> } {
  const plugin = contentSecurityPolicy();
  (plugin.configResolved as (c: unknown) => void)({ command });
  const tags = (plugin.transformIndexHtml as () => { tag: string; attrs: Record<string, string> }[])();
  expect(tags).toHaveLength(1);
  return tags[0]!;
}

describe('the Content-Security-Policy', () => {
  it('lets the page connect only to its own origin (CSP3 \'self\' covers same-origin ws:), never any ws: host', () => {
    expect(directives(CSP_HEADER).get('connect-src')).toBe("'self'");
    expect(CSP_HEADER).not.toMatch(/\bwss?:/);
  });

  it('carries frame-ancestors in the header only: a meta tag cannot, and Chromium logs an error for it', () => {
    expect(directives(CSP_HEADER).get('frame-ancestors')).toBe("'none'");
    expect(directives(CSP_META).has('frame-ancestors')).toBe(false);
    const header = directives(CSP_HEADER);
    header.delete('frame-ancestors');
    expect(directives(CSP_META)).toEqual(header);
  });

  it('is written once: index.html has no policy of its own, the build injects the meta form', () => {
    expect(readFileSync(join(__dirname, '../../renderer/index.html'), 'utf8')).not.toMatch(/http-equiv/i);
    expect(injectedMeta('build')).toMatchObject({ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META } });
    const dev = directives(injectedMeta('serve').attrs.content!);
    expect(dev.get('script-src')).toBe("'self' 'unsafe-inline'");
    expect(dev.get('connect-src')).toBe("'self'");
  });
});
