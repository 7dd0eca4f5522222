import type { ErrorEntry } from './catalog-types';

/** Errors of the engine process: data dir, database, server, CLI. */
export const ENGINE_ERRORS = {
  'engine.data-dir-locked': {
    code: 'data-dir-locked',
    en: {
      message: 'The data folder {{dir}} is in use by {{holder}} (pid {{pid}} on {{host}}, since {{since}}).',
      hint: 'Two engines on one folder would both poll and write duplicates. Stop the other one first, or give this one its own folder with --data DIR. To edit devices while it runs, use `syncscope device … --server URL` (or `--data DIR`, which edits without polling).',
    },
    'zh-CN': {
      message: '数据目录 {{dir}} 正被 {{holder}} 使用（主机 {{host}} 上的进程 {{pid}}，自 {{since}} 起）。',
      hint: '两个引擎共用一个目录会重复轮询并写入重复数据。请先停止另一个，或用 --data DIR 为本引擎指定自己的目录。要在它运行时编辑设备，请使用 `syncscope device … --server URL`（或 `--data DIR`，只编辑、不轮询）。',
    },
  },
  'engine.data-dir-locked-elsewhere': {
    code: 'data-dir-locked',
    en: {
      message: 'The data folder {{dir}} is in use by {{holder}} (pid {{pid}} on another machine, {{host}}, since {{since}}).',
      hint: 'This machine cannot tell whether that engine still runs. Stop it first; if you are sure it is gone, delete {{file}} and start again.',
    },
    'zh-CN': {
      message: '数据目录 {{dir}} 正被 {{holder}} 使用（另一台主机 {{host}} 上的进程 {{pid}}，自 {{since}} 起）。',
      hint: '本机无法判断那个引擎是否仍在运行。请先停止它；若确定它已不在运行，删除 {{file}} 后重新启动。',
    },
  },
  'store.busy': {
    code: 'database',
    en: {
      message: 'The database in {{dir}} is busy: another program holds its write lock, so the change was not saved.',
      hint: 'Another syncscope command is probably writing to the same folder. Try again in a moment.',
    },
    'zh-CN': {
      message: '{{dir}} 中的数据库正忙：另一个程序持有其写锁，因此更改未保存。',
      hint: '可能有另一个 syncscope 命令正在写同一个目录。请稍后重试。',
    },
  },
  'store.failed': {
    code: 'database',
    en: { message: 'The database in {{dir}} refused the change: {{detail}}.', hint: 'Check that the folder is writable and the disk is not full.' },
    'zh-CN': { message: '{{dir}} 中的数据库拒绝了此更改：{{detail}}。', hint: '请检查该目录是否可写、磁盘是否已满。' },
  },
  'store.disk-full': {
    code: 'database',
    en: {
      message: 'The disk holding {{dir}} is full: new readings and events are not being saved ({{queued}} wait in memory; the oldest go first beyond {{limit}}).',
      hint: 'Free space on that disk (or move the data folder). Writing resumes by itself once there is room; nothing already saved is lost.',
    },
    'zh-CN': {
      message: '{{dir}} 所在的磁盘已满：新的读数和事件未被保存（{{queued}} 条在内存中等待；超过 {{limit}} 条时最早的先被丢弃）。',
      hint: '请释放该磁盘的空间（或移动数据目录）。有空间后会自动恢复写入；已保存的数据不会丢失。',
    },
  },
  'store.open-failed': {
    code: 'database',
    en: {
      message: 'Cannot open the Syncscope database {{file}}: {{detail}}.',
      hint: 'If the file is damaged, move it aside and start again; nothing else in the data directory is touched.',
    },
    'zh-CN': {
      message: '无法打开 Syncscope 数据库 {{file}}：{{detail}}。',
      hint: '如果文件已损坏，请把它移到别处后重新启动；数据目录中的其他内容不受影响。',
    },
  },
  'store.newer-schema': {
    code: 'database',
    en: {
      message: 'The database {{file}} has schema version {{version}}, newer than this Syncscope knows.',
      hint: 'It was written by a newer Syncscope. Use that version, or another data directory.',
    },
    'zh-CN': {
      message: '数据库 {{file}} 的结构版本为 {{version}}，比当前 Syncscope 所知的更新。',
      hint: '它由更新版本的 Syncscope 写入。请使用那个版本，或换一个数据目录。',
    },
  },
  'store.migration-edited': {
    code: 'database',
    en: {
      message: 'Migration {{version}} ({{name}}) differs from the one applied to the database {{file}}.',
      hint: 'This build of Syncscope does not match the database; refusing to continue rather than guess. Use the build that created it.',
    },
    'zh-CN': {
      message: '迁移 {{version}}（{{name}}）与数据库 {{file}} 中已应用的版本不一致。',
      hint: '此 Syncscope 构建与数据库不匹配；为避免猜测，拒绝继续。请使用创建该数据库的构建。',
    },
  },
  'engine.apply-failed': {
    code: 'internal',
    en: {
      message: 'The change to {{name}} was saved, but the engine could not apply it yet: {{detail}}.',
      hint: 'The engine retries by itself. If the device list does not update, check the engine log.',
    },
    'zh-CN': {
      message: '对 {{name}} 的更改已保存，但引擎暂时未能应用：{{detail}}。',
      hint: '引擎会自动重试。如果设备列表没有更新，请查看引擎日志。',
    },
  },
  'server.port-in-use': {
    code: 'port-in-use',
    en: {
      message: 'Port {{port}} on {{address}} is already in use, so the {{what}} cannot listen there.',
      hint: 'Another Syncscope (or another program) is probably running. Stop it, or pick another port with {{flag}} N (0 picks a free one).',
    },
    'zh-CN': {
      message: '{{address}} 上的端口 {{port}} 已被占用，{{what}}无法在此监听。',
      hint: '可能已有另一个 Syncscope（或其他程序）在运行。请停止它，或用 {{flag}} N 换一个端口（0 表示自动选择空闲端口）。',
    },
  },
  'server.address-unavailable': {
    code: 'address-unavailable',
    en: {
      message: 'This machine has no address {{address}}, so the {{what}} cannot listen there.',
      hint: 'Give {{flag}} one of this machine\'s addresses (see `ip -brief address`), 127.0.0.1 for this machine only, or 0.0.0.0 for every interface.',
    },
    'zh-CN': {
      message: '本机没有地址 {{address}}，{{what}}无法在此监听。',
      hint: '请为 {{flag}} 指定本机的一个地址（见 `ip -brief address`），仅本机使用请用 127.0.0.1，所有网卡请用 0.0.0.0。',
    },
  },
  'server.host-not-allowed': {
    code: 'invalid-input',
    en: {
      message: 'This Syncscope server does not answer to the name "{{host}}".',
      hint: 'Open it by its address or as localhost. To use a name, start it with --allow-host {{host}}.',
    },
    'zh-CN': {
      message: '此 Syncscope 服务器不响应名称“{{host}}”。',
      hint: '请用其地址或 localhost 访问。若要使用该名称，请以 --allow-host {{host}} 启动服务器。',
    },
  },
  'device.secret-unavailable': {
    code: 'secret-unavailable',
    en: {
      message: 'The stored credentials of {{name}} cannot be decrypted.',
      hint: 'The key that sealed them is gone (another machine, user or data directory). Edit the device and enter its password or key again.',
    },
    'zh-CN': {
      message: '无法解密 {{name}} 保存的登录凭据。',
      hint: '加密它们的密钥已不在（换了机器、用户或数据目录）。请编辑该设备，重新输入密码或密钥。',
    },
  },
  'device.local-has-no-ssh': {
    code: 'invalid-input',
    en: { message: '{{field}}: a local device has no SSH settings.', hint: 'Remove the device and add it again as an SSH device.' },
    'zh-CN': { message: '{{field}}：本机设备没有 SSH 设置。', hint: '请删除该设备，再以 SSH 设备重新添加。' },
  },
  'cli.device-name-not-found': {
    code: 'not-found',
    en: { message: 'There is no device named "{{name}}".', hint: 'See `syncscope device list` for the names.' },
    'zh-CN': { message: '没有名为“{{name}}”的设备。', hint: '用 `syncscope device list` 查看设备名称。' },
  },
  'cli.server-unreachable': {
    code: 'engine-unreachable',
    en: { message: 'Cannot reach a Syncscope server at {{url}}: {{detail}}.', hint: 'Check the URL and that `syncscope serve` runs there.' },
    'zh-CN': { message: '无法连接 {{url}} 上的 Syncscope 服务器：{{detail}}。', hint: '请检查 URL，并确认那里正在运行 `syncscope serve`。' },
  },
  'cli.bad-number': {
    code: 'invalid-input',
    en: { message: '{{flag}}: "{{value}}" is not a whole number from {{min}} to {{max}}.', hint: 'Give digits only, such as {{example}}.' },
    'zh-CN': { message: '{{flag}}：“{{value}}”不是 {{min}} 到 {{max}} 之间的整数。', hint: '请只输入数字，例如 {{example}}。' },
  },
} as const satisfies Record<string, ErrorEntry>;
