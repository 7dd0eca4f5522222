import { describe, expect, it } from 'vitest';
import { htmlReport } from './html-report';
import { knownReport } from './report-fixture';

describe('the HTML summary report', () => {
  it('is one self-contained page: inline CSS and SVG, no script, nothing fetched', () => {
    const html = htmlReport(knownReport({ name: 'ss-s1', amplitudeNs: 5 }), 'en');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|href=|url\(|@import/i);
    // The only URL is SVG's namespace name, which nothing fetches.
    expect(html.match(/https?:\/\/[^"\s]*/g)?.every((u) => u === 'http://www.w3.org/2000/svg')).toBe(true);
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain('G.8273.2 class C');
    expect(html).toContain('stroke-dasharray="5 3"');
  });

  it('escapes every string a device or user mask gave', () => {
    const evil = '<img src=x onerror=alert(1)>&"\'';
    const html = htmlReport(knownReport({ name: evil, amplitudeNs: 5, masks: [{ id: 'lab', name: '<b>lab</b>', source: 'user', maxAbsTeNs: 100 }] }), 'en');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>lab');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;');
    expect(html).toContain('&lt;b&gt;lab&lt;/b&gt;');
  });

  it('gives the gate verdict, in English or in Chinese', () => {
    const failing = knownReport({ name: 'ss-s1', amplitudeNs: 80, gate: ['g8273.2-class-c'] });
    expect(failing.gate).toEqual({ masks: ['g8273.2-class-c'], verdict: 'fail' });
    expect(htmlReport(failing, 'en')).toContain('Gate (g8273.2-class-c): FAIL');
    const zh = htmlReport(failing, 'zh-CN');
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('判定（g8273.2-class-c）：未通过');
    expect(zh).toContain('定时报告');
  });

  it('writes durations (time in port states, gaps) in the page\'s language', () => {
    const r = knownReport({ name: 'ss-s1', amplitudeNs: 5 });
    expect(htmlReport(r, 'en')).toContain('<td>SLAVE</td><td class="n">1 h</td>');
    const zh = htmlReport(r, 'zh-CN');
    expect(zh).toContain('<td>SLAVE</td><td class="n">1 小时</td>');
    expect(zh).toContain('共 0 秒，最长 0 秒');
    expect(zh).not.toMatch(/class="n">[\d. ]+(h|min|s)</);
  });

  it('lists the time the operator had the device disconnected apart from offline time and gaps', () => {
    const r = knownReport({ name: 'bench-1', amplitudeNs: 5 });
    const inst = r.devices[0]!.summary.instances[0]!;
    inst.portStates[0]!.stateMs.SLAVE! -= 600_000;
    inst.portStates[0]!.disconnectedMs = 600_000;
    inst.gaps.disconnectedMs = 600_000;
    const en = htmlReport(r, 'en');
    expect(en).toContain('<td>disconnected by operator</td><td class="n">10 min</td><td class="n">16.7 %</td>');
    expect(en).toContain('Gaps: 0, 0 s in all, the longest 0 s. Disconnected by operator: 10 min (not counted as gaps).');
    expect(htmlReport(r, 'zh-CN')).toContain('操作员断开：10 分钟（不计为数据中断）。');
  });
});
