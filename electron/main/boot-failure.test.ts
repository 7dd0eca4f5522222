import { describe, expect, it } from 'vitest';
import { SyncscopeError } from '../../shared/domain/errors';
import { catalogError } from '../../shared/errors/catalog';
import { bootFailureText, languageOf } from './boot-failure';

describe('the start-up failure dialog', () => {
  it("shows the engine's own message and hint, in the operator's language", () => {
    const err = new SyncscopeError(catalogError('desktop.bad-metrics-port', { value: 'abc' }));
    expect(bootFailureText(err, 'en')).toEqual({
      title: 'Syncscope could not start',
      content: 'SYNCSCOPE_METRICS_PORT is "abc", which is not a port number.\n\nSet it to a port from 1 to 65535, or to "off" for no /metrics endpoint.',
    });
    expect(bootFailureText(err, 'zh-CN').content).toContain('不是端口号');
  });

  it('words an unexpected throw as a start-up failure, not a blank', () => {
    expect(bootFailureText(new Error('EACCES: permission denied'), 'en').content).toMatch(/^Syncscope could not start: EACCES: permission denied\n\n/);
    expect(languageOf('zh-TW')).toBe('zh-CN');
    expect(languageOf('en-GB')).toBe('en');
  });
});
