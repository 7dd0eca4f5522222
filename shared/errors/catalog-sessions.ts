import type { ErrorEntry } from './catalog-types';

/** Errors of sessions (captured or imported history in a portable file) and of log import. `{{file}}` is the path as given. */
export const SESSION_ERRORS = {
  'session.not-found': {
    code: 'not-found',
    en: { message: 'No session "{{session}}".', hint: 'List the sessions (syncscope sessions list, or the Sessions screen) and pick one of them.' },
    'zh-CN': { message: '没有会话“{{session}}”。', hint: '请列出会话（syncscope sessions list，或“会话”页面），从中选择一个。' },
  },
  'session.file-missing': {
    code: 'not-found',
    en: { message: 'The file {{file}} does not exist or cannot be read.', hint: 'Check the path and that Syncscope may read the file.' },
    'zh-CN': { message: '文件 {{file}} 不存在或无法读取。', hint: '请检查路径，以及 Syncscope 是否有权读取该文件。' },
  },
  'session.not-sqlite': {
    code: 'invalid-input',
    en: { message: '{{file}} is not a Syncscope session: it is not an SQLite database.', hint: 'Open the .session.sqlite file a colleague saved from Syncscope; raw logs are imported instead (syncscope import, or Import on the Sessions screen).' },
    'zh-CN': { message: '{{file}} 不是 Syncscope 会话：它不是 SQLite 数据库。', hint: '请打开同事从 Syncscope 保存的 .session.sqlite 文件；原始日志请改用导入（syncscope import，或“会话”页面上的“导入”）。' },
  },
  'session.foreign': {
    code: 'invalid-input',
    en: { message: '{{file}} is an SQLite database, but not a Syncscope session.', hint: 'A session file is made by capturing or importing in Syncscope. The data folder\'s syncscope.db is not a session: capture a window of it instead.' },
    'zh-CN': { message: '{{file}} 是 SQLite 数据库，但不是 Syncscope 会话。', hint: '会话文件由 Syncscope 的捕获或导入生成。数据目录中的 syncscope.db 不是会话：请从中捕获一个时间窗口。' },
  },
  'session.newer-format': {
    code: 'invalid-input',
    en: { message: '{{file}} is a session of format {{version}}, newer than this Syncscope reads ({{supported}}).', hint: 'Update Syncscope to open it; the file was left unchanged.' },
    'zh-CN': { message: '{{file}} 是格式版本 {{version}} 的会话，比此版本 Syncscope 能读取的版本（{{supported}}）更新。', hint: '请升级 Syncscope 后再打开；该文件未被改动。' },
  },
  'session.truncated': {
    code: 'invalid-input',
    en: { message: '{{file}} is cut short: {{bytes}} bytes of the {{expected}} its header announces.', hint: 'The copy was interrupted. Ask for the file again (compare its size with the original).' },
    'zh-CN': { message: '{{file}} 不完整：只有 {{bytes}} 字节，而文件头声明为 {{expected}} 字节。', hint: '复制过程被中断了。请重新获取该文件（与原文件比较大小）。' },
  },
  'session.unfinished': {
    code: 'invalid-input',
    en: { message: '{{file}} is a session that was still being written (its journal is not folded in).', hint: 'Wait for the capture or import to finish, or copy the finished file from the sender\'s sessions folder.' },
    'zh-CN': { message: '{{file}} 是仍在写入中的会话（其日志尚未合并）。', hint: '请等待捕获或导入完成，或从发送方的 sessions 目录复制已完成的文件。' },
  },
  'session.corrupt': {
    code: 'invalid-input',
    en: { message: '{{file}} is a damaged session file: {{detail}}', hint: 'Ask for the file again; the damaged file was left unchanged.' },
    'zh-CN': { message: '{{file}} 是已损坏的会话文件：{{detail}}', hint: '请重新获取该文件；损坏的文件未被改动。' },
  },
  'session.name-taken': {
    code: 'conflict',
    en: { message: 'A captured session named "{{session}}" exists already; captures are fixed records.', hint: 'Choose another name, or delete the old session first.' },
    'zh-CN': { message: '已存在名为“{{session}}”的捕获会话；捕获会话不可追加。', hint: '请换一个名称，或先删除旧会话。' },
  },
  'session.no-devices': {
    code: 'invalid-input',
    en: { message: 'deviceIds: name at least one device to capture.', hint: 'Pick the devices whose history the session should keep.' },
    'zh-CN': { message: 'deviceIds：请至少指定一个要捕获的设备。', hint: '请选择会话要保存其历史数据的设备。' },
  },
  'session.bad-window': {
    code: 'invalid-input',
    en: { message: 'toMs: the window ends before it starts.', hint: 'Choose a start time before the end time.' },
    'zh-CN': { message: 'toMs：时间窗口的结束早于开始。', hint: '请选择早于结束时间的开始时间。' },
  },
  'session.sample-missing': {
    code: 'not-found',
    en: { message: 'The sample session is not installed ({{file}}).', hint: 'Reinstall Syncscope; in a source tree it is resources/sample-session/.' },
    'zh-CN': { message: '示例会话未安装（{{file}}）。', hint: '请重新安装 Syncscope；在源码目录中它位于 resources/sample-session/。' },
  },
  'session.engine-stopping': {
    code: 'conflict',
    en: { message: 'The engine is stopping; no session is captured or imported now.', hint: 'Start Syncscope again and repeat the capture or import.' },
    'zh-CN': { message: '引擎正在停止；现在无法捕获或导入会话。', hint: '请重新启动 Syncscope，然后再次捕获或导入。' },
  },
  'session.paths-local-only': {
    code: 'invalid-input',
    en: { message: 'Files on the engine\'s machine are imported or opened only from that machine; this request came from {{address}}.', hint: 'Run syncscope import (or sessions open) on the machine where the engine runs, or use the desktop app there.' },
    'zh-CN': { message: '引擎所在机器上的文件只能从该机器导入或打开；此请求来自 {{address}}。', hint: '请在引擎所在的机器上运行 syncscope import（或 sessions open），或在该机器上使用桌面应用。' },
  },
  'import.file-unreadable': {
    code: 'invalid-input',
    en: { message: 'The log {{file}} cannot be read: {{detail}}', hint: 'Check the path and that Syncscope may read the file; nothing was imported from it.' },
    'zh-CN': { message: '无法读取日志 {{file}}：{{detail}}', hint: '请检查路径及 Syncscope 是否有权读取该文件；该文件未导入任何内容。' },
  },
  'import.cancelled': {
    code: 'invalid-input',
    en: { message: 'The import into "{{session}}" was cancelled after {{lines}} lines.', hint: 'What was read before is kept in the session; import the file again into a new session for all of it.' },
    'zh-CN': { message: '向“{{session}}”的导入在 {{lines}} 行后被取消。', hint: '取消前读取的内容已保存在会话中；如需全部内容，请将文件重新导入到新会话。' },
  },
  'import.not-appendable': {
    code: 'conflict',
    en: { message: '"{{session}}" is a captured session; logs are imported only into import sessions.', hint: 'Import into a new session name.' },
    'zh-CN': { message: '“{{session}}”是捕获会话；日志只能导入到导入会话中。', hint: '请导入到一个新的会话名称。' },
  },
  'import.unknown': {
    code: 'not-found',
    en: { message: 'No import {{importId}} is running.', hint: 'It has finished already, or was started by an engine that has stopped since.' },
    'zh-CN': { message: '没有正在运行的导入 {{importId}}。', hint: '它可能已经结束，或者启动它的引擎已停止。' },
  },
} as const satisfies Record<string, ErrorEntry>;
