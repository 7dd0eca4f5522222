import type { ErrorEntry } from './catalog-types';

/** Errors of history analysis, export and reports (summary, timing, CSV/JSON, HTML/JSON reports, schedules). */
export const HISTORY_ERRORS = {
  'history.no-such-session': {
    code: 'not-found',
    en: { message: 'No session "{{session}}" to read history from.', hint: 'List the sessions (the Sessions screen) and pick one of them, or leave the session out to read the live history.' },
    'zh-CN': { message: '没有可读取历史数据的会话“{{session}}”。', hint: '请列出会话（“会话”页面）并从中选择一个，或不指定会话以读取实时历史。' },
  },
  'history.device-not-in-history': {
    code: 'not-found',
    en: { message: 'There is no device "{{device}}" in the history.', hint: 'Pick one of its devices: {{devices}}.' },
    'zh-CN': { message: '历史数据中没有设备“{{device}}”。', hint: '请从其设备中选择一个：{{devices}}。' },
  },
  'history.device-not-in-session': {
    code: 'not-found',
    en: { message: 'Session "{{session}}" has no device "{{device}}".', hint: 'Pick one of its devices: {{devices}}.' },
    'zh-CN': { message: '会话“{{session}}”中没有设备“{{device}}”。', hint: '请从其设备中选择一个：{{devices}}。' },
  },
  'history.no-series': {
    code: 'not-found',
    en: { message: '{{device}} has no stored {{what}} to analyse.', hint: 'Pick a series the device has (see its charts), or a time range in which it was measuring.' },
    'zh-CN': { message: '{{device}} 没有可分析的已存储{{what}}。', hint: '请选择该设备已有的序列（见其图表），或选择其正在测量的时间范围。' },
  },
  'history.unknown-mask': {
    code: 'invalid-input',
    en: { message: 'No timing mask "{{mask}}".', hint: 'Use one of {{known}}, or give your own mask (a JSON object with id, name, source and limits).' },
    'zh-CN': { message: '没有名为“{{mask}}”的定时模板。', hint: '请使用 {{known}} 之一，或提供自定义模板（包含 id、name、source 和各项限值的 JSON 对象）。' },
  },
  'history.bad-cursor': {
    code: 'invalid-input',
    en: { message: 'The export cursor is not one this engine gave out.', hint: 'Start the export again without a cursor.' },
    'zh-CN': { message: '导出游标不是本引擎发出的。', hint: '请不带游标重新开始导出。' },
  },
  'history.bad-range': {
    code: 'invalid-input',
    en: { message: '{{flag}}: "{{value}}" is not a time.', hint: 'Give an ISO 8601 time such as 2026-05-01T12:00:00Z (or a date, 2026-05-01), or a duration back from now such as 2h, 30m, 7d.' },
    'zh-CN': { message: '{{flag}}：“{{value}}”不是时间。', hint: '请给出 ISO 8601 时间，例如 2026-05-01T12:00:00Z（或日期 2026-05-01），或从现在往回的时长，例如 2h、30m、7d。' },
  },
  'history.output-unwritable': {
    code: 'invalid-input',
    en: { message: 'Cannot write {{file}}: {{detail}}.', hint: 'Check that the folder exists and that you may write there, and that the disk has space.' },
    'zh-CN': { message: '无法写入 {{file}}：{{detail}}。', hint: '请检查该文件夹是否存在、是否有写入权限，以及磁盘是否有空间。' },
  },
  'history.schedule-folder-local-only': {
    code: 'invalid-input',
    en: { message: 'Report folders are chosen only on the engine\'s machine; this request came from {{address}}.', hint: 'Add the schedule in the console on the machine where the engine runs (or with syncscope reports schedules add there).' },
    'zh-CN': { message: '报告文件夹只能在引擎所在的机器上选择；此请求来自 {{address}}。', hint: '请在引擎所在机器上的控制台中添加该计划（或在该机器上运行 syncscope reports schedules add）。' },
  },
  'history.no-such-schedule': {
    code: 'not-found',
    en: { message: 'No report schedule {{id}}.', hint: 'List the schedules and pick one of them; it may have been removed.' },
    'zh-CN': { message: '没有报告计划 {{id}}。', hint: '请列出报告计划并从中选择一个；它可能已被删除。' },
  },
  'history.no-target': {
    code: 'invalid-input',
    en: { message: 'Name a device (--device NAME) or a session (--session NAME).', hint: 'For example: --device ss-s1 --from 2h' },
    'zh-CN': { message: '请指定设备（--device 名称）或会话（--session 名称）。', hint: '例如：--device ss-s1 --from 2h' },
  },
  'history.no-report-output': {
    code: 'invalid-input',
    en: { message: 'Say what to write: --json (to stdout) or --html FILE.', hint: 'For example: syncscope report --device ss-s1 --html report.html --mask class-c' },
    'zh-CN': { message: '请指定输出：--json（输出到标准输出）或 --html 文件。', hint: '例如：syncscope report --device ss-s1 --html report.html --mask class-c' },
  },
  'history.bad-mask-file': {
    code: 'invalid-input',
    en: { message: '--mask-file {{file}}: {{detail}}.', hint: 'Give a JSON file with one mask object or an array of them: id, name, source and at least one limit (maxAbsTeNs, cteNs, dteHPeakToPeakNs, dteLMtieNs, dteLTdevNs).' },
    'zh-CN': { message: '模板文件 {{file}} 无效（--mask-file）：{{detail}}。', hint: '请提供包含一个模板对象或模板数组的 JSON 文件：id、name、source 以及至少一项限值（maxAbsTeNs、cteNs、dteHPeakToPeakNs、dteLMtieNs、dteLTdevNs）。' },
  },
  'history.bad-lang': {
    code: 'invalid-input',
    en: { message: '--lang: "{{lang}}" is not one of en, zh-CN.', hint: 'Use --lang en or --lang zh-CN.' },
    'zh-CN': { message: '--lang：“{{lang}}”不是 en 或 zh-CN。', hint: '请使用 --lang en 或 --lang zh-CN。' },
  },
} as const satisfies Record<string, ErrorEntry>;
