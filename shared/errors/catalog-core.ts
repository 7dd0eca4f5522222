import type { ErrorEntry } from './catalog-types';

/** Errors of the contract itself and of bugs. Each area keeps its own file; catalog.ts joins them. */
export const CORE_ERRORS = {
  'internal.unexpected': {
    code: 'internal',
    en: { message: 'Unexpected error: {{detail}}', hint: 'This is a bug in Syncscope; the engine log has details.' },
    'zh-CN': { message: '意外错误：{{detail}}', hint: '这是 Syncscope 的缺陷；引擎日志中有详细信息。' },
  },
  'contract.unknown-method': {
    code: 'unknown-method',
    en: { message: 'The engine has no method "{{method}}".', hint: 'The console and engine versions may differ.' },
    'zh-CN': { message: '引擎没有方法“{{method}}”。', hint: '控制台与引擎的版本可能不一致。' },
  },
  'device.not-found': {
    code: 'not-found',
    en: { message: 'No device with id {{id}}.', hint: 'It may have been removed; refresh the device list.' },
    'zh-CN': { message: '没有 ID 为 {{id}} 的设备。', hint: '它可能已被删除；请刷新设备列表。' },
  },
  'device.name-taken': {
    code: 'conflict',
    en: { message: 'name: a device named "{{name}}" exists already.', hint: 'Choose another name, or edit the existing device.' },
    'zh-CN': { message: '名称：已存在名为“{{name}}”的设备。', hint: '请换一个名称，或编辑已有的设备。' },
  },
  'device.disconnected': {
    code: 'conflict',
    en: { message: '{{name}} is disconnected: Syncscope opens no connection to it (its serial port stays free for flashing).', hint: 'Connect it first (the Connect button, or syncscope device connect NAME), then try again.' },
    'zh-CN': { message: '{{name}} 已断开：Syncscope 不会与它建立任何连接（其串口保持空闲，可用于烧录）。', hint: '请先连接它（“连接”按钮，或 syncscope device connect 设备名），然后重试。' },
  },
  'contract.engine-lost': {
    code: 'engine-unreachable',
    en: { message: 'Lost connection to the Syncscope engine at {{url}}.', hint: 'Check that `syncscope serve` is still running; the console reconnects by itself.' },
    'zh-CN': { message: '与 {{url}} 上的 Syncscope 引擎的连接已断开。', hint: '请确认 `syncscope serve` 仍在运行；控制台会自动重新连接。' },
  },
  'contract.engine-timeout': {
    code: 'engine-unreachable',
    en: { message: 'The Syncscope engine at {{url}} did not answer {{method}} within {{seconds}} s.', hint: 'Check that `syncscope serve` is still running and not overloaded; the console reconnects by itself.' },
    'zh-CN': { message: '{{url}} 上的 Syncscope 引擎未在 {{seconds}} 秒内响应 {{method}}。', hint: '请确认 `syncscope serve` 仍在运行且未过载；控制台会自动重新连接。' },
  },
} as const satisfies Record<string, ErrorEntry>;
