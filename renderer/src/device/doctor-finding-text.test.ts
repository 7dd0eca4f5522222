import { describe, expect, it } from 'vitest';
import { doctorFindingText } from './doctor-finding-text';

describe('doctorFindingText', () => {
  it('renders a finding in the UI language with its fix', () => {
    const f = { check: 'ptp4l' as const, status: 'ok' as const, textId: 'doctor.ptp4l.ok', params: { count: 1 } };
    expect(doctorFindingText(f, 'en').message).toBe('1 ptp4l instance(s) running.');
    expect(doctorFindingText(f, 'zh-CN').message).toBe('正在运行 1 个 ptp4l 实例。');
    expect(doctorFindingText({ ...f, status: 'fail', textId: 'doctor.ptp4l.missing', params: {} }, 'en').hint).toMatch(/systemctl start ptp4l/);
  });

  it('still says something for a text id it does not know', () => {
    expect(doctorFindingText({ check: 'pmc', status: 'warn', textId: 'doctor.future.thing', params: { a: 1 } }, 'en')).toEqual({ message: 'doctor.future.thing (a=1)' });
  });
});
