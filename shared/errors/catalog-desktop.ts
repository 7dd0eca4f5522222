import type { ErrorEntry } from './catalog-types';

/** Errors of the desktop shell: start-up, the engine's utility process, the window, the keychain. */
export const DESKTOP_ERRORS = {
  'desktop.start-failed': {
    code: 'internal',
    en: { message: 'Syncscope could not start: {{detail}}', hint: 'Start it again; if this keeps happening, the log on the terminal that started it has details.' },
    'zh-CN': { message: 'Syncscope 无法启动：{{detail}}', hint: '请重新启动；如果问题反复出现，启动它的终端中的日志有详细信息。' },
  },
  'desktop.engine-stopped': {
    code: 'internal',
    en: { message: 'The Syncscope engine stopped unexpectedly (exit code {{exitCode}}).', hint: 'Restart Syncscope. Devices are not polled until it runs again.' },
    'zh-CN': { message: 'Syncscope 引擎意外停止（退出码 {{exitCode}}）。', hint: '请重新启动 Syncscope。在此之前不会轮询任何设备。' },
  },
  'desktop.request-refused': {
    code: 'internal',
    en: { message: 'Request refused: it did not come from the Syncscope window.', hint: 'Only the console page itself may call the engine.' },
    'zh-CN': { message: '请求被拒绝：它不是来自 Syncscope 窗口。', hint: '只有控制台页面本身可以调用引擎。' },
  },
  'desktop.bad-metrics-port': {
    code: 'invalid-input',
    en: { message: 'SYNCSCOPE_METRICS_PORT is "{{value}}", which is not a port number.', hint: 'Set it to a port from 1 to 65535, or to "off" for no /metrics endpoint.' },
    'zh-CN': { message: 'SYNCSCOPE_METRICS_PORT 的值为“{{value}}”，不是端口号。', hint: '请设为 1 到 65535 之间的端口，或设为“off”以关闭 /metrics 端点。' },
  },
  'desktop.data-key-unreadable': {
    code: 'secret-unavailable',
    en: {
      message: 'The OS keychain cannot open the key that protects stored device secrets ({{file}}).',
      hint: 'Sign in as the user who set Syncscope up, or move the file aside and enter the device passwords and keys again.',
    },
    'zh-CN': {
      message: '操作系统钥匙串无法打开保护已存设备密钥的密钥文件（{{file}}）。',
      hint: '请以配置 Syncscope 的用户登录；或将该文件移走，然后重新输入各设备的密码和密钥。',
    },
  },
} as const satisfies Record<string, ErrorEntry>;
