import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isSameOrigin, originOf, pageOrigin } from './app-origin';

describe('exact origins', () => {
  it('gives app: URLs a real origin, which WHATWG URL leaves "null"', () => {
    expect(new URL('app://syncscope/index.html').origin).toBe('null');
    expect(originOf('app://syncscope/index.html')).toBe(APP_ORIGIN);
    expect(originOf('app://evil/index.html')).toBe('app://evil');
    expect(originOf('app:///index.html')).toBeNull();
  });

  it('never treats a prefix, a longer port, file: or junk as ours', () => {
    expect(isSameOrigin('app://syncscope/assets/a.js', APP_ORIGIN)).toBe(true);
    for (const url of ['app://syncscope.evil/', 'app://syncscope:1/', 'file:///app/index.html', 'javascript:alert(1)', 'data:text/html,x', 'not a url', 'APP://SYNCSCOPE.example/']) {
      expect(isSameOrigin(url, APP_ORIGIN), url).toBe(false);
    }
    expect(isSameOrigin('http://localhost:51730/', 'http://localhost:5173')).toBe(false);
    expect(isSameOrigin('http://localhost:5173.attacker.example/', 'http://localhost:5173')).toBe(false);
  });

  it('uses the dev server origin only when electron-vite gave one', () => {
    expect(pageOrigin('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(pageOrigin(undefined)).toBe(APP_ORIGIN);
    expect(pageOrigin('file:///x')).toBe(APP_ORIGIN);
  });
});
