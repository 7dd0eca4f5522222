import type { ErrorEntry } from './catalog-types';

/** Errors of the serial console transport. `{{path}}` is the port as the profile names it. */
export const SERIAL_ERRORS = {
  'serial.port-missing': {
    code: 'serial-unavailable',
    en: { message: 'The serial port {{path}} does not exist.', hint: 'Plug the adapter in or power the device, and check the path (ls /dev/serial/by-id). Syncscope opens it as soon as it appears.' },
    'zh-CN': { message: '串口 {{path}} 不存在。', hint: '请插上串口适配器或给设备上电，并检查路径（ls /dev/serial/by-id）。串口一出现，Syncscope 就会打开它。' },
  },
  'serial.port-busy': {
    code: 'serial-unavailable',
    en: { message: 'The serial port {{path}} is in use by another program.', hint: 'Close the other program (screen, minicom, picocom, a flashing tool); Syncscope retries by itself.' },
    'zh-CN': { message: '串口 {{path}} 正被其他程序占用。', hint: '请关闭该程序（screen、minicom、picocom 或烧录工具）；Syncscope 会自动重试。' },
  },
  'serial.port-denied': {
    code: 'serial-unavailable',
    en: { message: 'Syncscope may not open the serial port {{path}} (permission denied).', hint: 'Add the user running Syncscope to the dialout group (sudo usermod -aG dialout USER, then log in again), or give the port to a group that user is in.' },
    'zh-CN': { message: 'Syncscope 无权打开串口 {{path}}（权限被拒绝）。', hint: '请把运行 Syncscope 的用户加入 dialout 组（sudo usermod -aG dialout 用户名，然后重新登录），或把该串口分配给该用户所在的组。' },
  },
  'serial.open-failed': {
    code: 'serial-unavailable',
    en: { message: 'The serial port {{path}} cannot be opened: {{detail}}', hint: 'Check the path and the line settings (baud rate, data bits, parity, stop bits, flow control).' },
    'zh-CN': { message: '无法打开串口 {{path}}：{{detail}}', hint: '请检查路径和串口参数（波特率、数据位、校验位、停止位、流控）。' },
  },
  'serial.dropped': {
    code: 'serial-unavailable',
    en: { message: 'The serial port {{path}} went away (unplugged, or the device reset).', hint: 'Syncscope reopens it and logs in again when it returns.' },
    'zh-CN': { message: '串口 {{path}} 已断开（被拔出，或设备已重启）。', hint: '串口恢复后，Syncscope 会重新打开并再次登录。' },
  },
  'serial.login-refused': {
    code: 'serial-auth',
    en: { message: 'The console login on {{path}} as {{user}} was refused (wrong user name or password).', hint: 'Check the console user and password of the device; a device may also refuse logins on its console (securetty).' },
    'zh-CN': { message: '在 {{path}} 上以 {{user}} 登录控制台被拒绝（用户名或密码错误）。', hint: '请检查设备控制台的用户名和密码；设备也可能禁止在控制台登录（securetty）。' },
  },
  'serial.needs-user': {
    code: 'serial-auth',
    en: { message: 'The console on {{path}} asks for a login, but the device profile has no console user.', hint: 'Add the console user and password to the device (CLI: --user and --password-env).' },
    'zh-CN': { message: '{{path}} 上的控制台要求登录，但设备配置中没有控制台用户。', hint: '请为设备添加控制台用户名和密码（命令行：--user 和 --password-env）。' },
  },
  'serial.needs-password': {
    code: 'serial-auth',
    en: { message: 'The console on {{path}} asks for a password, but the device profile has none.', hint: 'Add the console password to the device (CLI: --password-env).' },
    'zh-CN': { message: '{{path}} 上的控制台要求输入密码，但设备配置中没有密码。', hint: '请为设备添加控制台密码（命令行：--password-env）。' },
  },
  'serial.no-shell': {
    code: 'serial-unavailable',
    en: { message: 'No shell answered on the serial console {{path}}.', hint: 'Check the baud rate and line settings (115200 8N1 is usual), that the device has booted to a login or shell, and that no program holds the console.' },
    'zh-CN': { message: '串口控制台 {{path}} 上没有 shell 响应。', hint: '请检查波特率和串口参数（通常为 115200 8N1）、设备是否已启动到登录提示或 shell，以及是否有程序占用了控制台。' },
  },
  'serial.stream-busy': {
    code: 'serial-unavailable',
    en: { message: 'The serial console {{path}} is one shell and already runs {{command}}.', hint: 'A serial device runs one long-running command at a time; Syncscope polls it with one command per poll instead.' },
    'zh-CN': { message: '串口控制台 {{path}} 只有一个 shell，且正在运行 {{command}}。', hint: '串口设备一次只能运行一个长时间命令；Syncscope 改为每次轮询执行一条命令。' },
  },
  'device.not-for-transport': {
    code: 'invalid-input',
    en: { message: '{{field}}: a {{transport}} device has no such setting.', hint: 'Remove the device and add it again with the transport you mean (SSH, serial or local).' },
    'zh-CN': { message: '{{field}}：{{transport}} 设备没有这项设置。', hint: '请删除该设备，再以所需的连接方式（SSH、串口或本机）重新添加。' },
  },
} as const satisfies Record<string, ErrorEntry>;
