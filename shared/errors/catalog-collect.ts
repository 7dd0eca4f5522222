import type { ErrorEntry } from './catalog-types';

/** Errors of the collector and transports in general (local machine, transport registry, cancellation). */
export const COLLECT_ERRORS = {
  'collect.no-credentials': {
    code: 'no-credentials',
    en: { message: '{{device}}: an SSH device needs a host, a user and a password or key (missing: {{missing}}).', hint: 'Edit the device and fill in what is missing. Syncscope never polls another machine in its place.' },
    'zh-CN': { message: '{{device}}：SSH 设备需要主机、用户以及密码或密钥（缺少：{{missing}}）。', hint: '请编辑该设备并补全缺少的信息。Syncscope 绝不会改为轮询其他机器。' },
  },
  'collect.transport-closed': {
    code: 'internal',
    en: { message: 'The connection to {{device}} was closed by Syncscope; nothing more runs on it.', hint: 'This happens when a device is edited, removed or the engine stops.' },
    'zh-CN': { message: 'Syncscope 已关闭到 {{device}} 的连接；不会再在其上运行任何命令。', hint: '编辑、删除设备或引擎停止时会出现这种情况。' },
  },
  'collect.cancelled': {
    code: 'internal',
    en: { message: 'Stopped talking to {{device}} before it answered.', hint: 'This happens when a device is edited, removed or the engine stops.' },
    'zh-CN': { message: '在 {{device}} 应答之前已停止与其通信。', hint: '编辑、删除设备或引擎停止时会出现这种情况。' },
  },
  'collect.command-timeout': {
    code: 'device-output',
    en: { message: '{{command}} on {{target}} did not finish within {{ms}} ms.', hint: 'The device may be overloaded, or the command hangs; Syncscope stopped it.' },
    'zh-CN': { message: '{{target}} 上的 {{command}} 未能在 {{ms}} 毫秒内结束。', hint: '设备可能负载过高，或命令已挂起；Syncscope 已将其终止。' },
  },
  'collect.local-spawn-failed': {
    code: 'internal',
    en: { message: 'Cannot run {{command}} on this machine: {{detail}}', hint: 'Check that the engine may start programs (its PATH, permissions, process limits).' },
    'zh-CN': { message: '无法在本机运行 {{command}}：{{detail}}', hint: '请检查引擎是否有权启动程序（PATH、权限、进程数限制）。' },
  },
} as const satisfies Record<string, ErrorEntry>;
