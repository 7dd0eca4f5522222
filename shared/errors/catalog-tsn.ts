import type { ErrorEntry } from './catalog-types';

/** Errors of TSN and device-system statistics: tc, ethtool and /proc output a device printed, and the interface names that reach a command line. */
export const TSN_ERRORS = {
  'tsn.not-json': {
    code: 'device-output',
    en: { message: 'The {{what}} output is not JSON ({{detail}}).', hint: 'Check that the device has iproute2 with JSON output (tc -j, iproute2 4.13 or newer); the text form is read when JSON is missing.' },
    'zh-CN': { message: '{{what}} 的输出不是 JSON（{{detail}}）。', hint: '请确认设备上的 iproute2 支持 JSON 输出（tc -j，iproute2 4.13 或更新）；没有 JSON 时会读取文本格式。' },
  },
  'tsn.taprio-invalid-json': {
    code: 'device-output',
    en: { message: 'tc printed invalid JSON for the taprio qdisc on {{dev}}: its pending (admin) schedule has no "admin" label.', hint: 'This iproute2 predates commit f848310a; the statistics were read anyway. Update iproute2 on the device to read the pending schedule reliably.' },
    'zh-CN': { message: 'tc 为 {{dev}} 上的 taprio 队列规则输出了无效的 JSON：待生效（admin）调度表缺少 "admin" 标签。', hint: '此 iproute2 早于提交 f848310a；统计数据仍已读取。请升级设备上的 iproute2，以可靠读取待生效的调度表。' },
  },
  'tsn.entry-unreadable': {
    code: 'device-output',
    en: { message: 'One {{what}} entry could not be read and was skipped: {{detail}}', hint: 'The other entries were kept. Save the output (tc -s -j qdisc show) and report it if it keeps happening.' },
    'zh-CN': { message: '有一条 {{what}} 记录无法读取，已跳过：{{detail}}', hint: '其余记录已保留。如果反复出现，请保存输出（tc -s -j qdisc show）并报告。' },
  },
  'tsn.no-entries': {
    code: 'device-output',
    en: { message: 'The {{what}} output holds nothing Syncscope can read.', hint: 'Check that the command ran on the right interface and that the tool printed statistics (-s).' },
    'zh-CN': { message: '{{what}} 的输出中没有 Syncscope 能读取的内容。', hint: '请确认命令在正确的接口上运行，且工具输出了统计信息（-s）。' },
  },
  'tsn.tool-failed': {
    code: 'device-output',
    en: { message: '{{what}} failed on the device: {{detail}}', hint: 'Install the tool (iproute2, ethtool) on the device, or check that the interface exists and the driver supports the request.' },
    'zh-CN': { message: '{{what}} 在设备上执行失败：{{detail}}', hint: '请在设备上安装相应工具（iproute2、ethtool），或确认接口存在且驱动支持该请求。' },
  },
  'tsn.unknown-format': {
    code: 'invalid-input',
    en: { message: 'The file {{file}} is none of the outputs Syncscope reads (tc -s [-j] qdisc|class show, ethtool -S, -T, --show-mm, /proc/stat, /proc/meminfo, /proc/loadavg, /proc/net/dev).', hint: 'Save the command\'s whole output, including its first line, and try again.' },
    'zh-CN': { message: '文件 {{file}} 不是 Syncscope 能读取的任何输出（tc -s [-j] qdisc|class show、ethtool -S、-T、--show-mm、/proc/stat、/proc/meminfo、/proc/loadavg、/proc/net/dev）。', hint: '请保存命令的完整输出（包括第一行）后重试。' },
  },
  'tsn.bad-interface': {
    code: 'invalid-input',
    en: { message: 'interface "{{name}}" is not a Linux interface name.', hint: 'An interface name is 1–15 letters, digits or _ . - (for example eth0, enp3s0, br-lan); it may not start with a dash or hold spaces or shell characters.' },
    'zh-CN': { message: '接口“{{name}}”不是合法的 Linux 接口名。', hint: '接口名由 1–15 个字母、数字或 _ . - 组成（例如 eth0、enp3s0、br-lan），不能以短横线开头，也不能含空格或 shell 字符。' },
  },
  'tsn.poll-failed': {
    code: 'device-output',
    en: { message: 'The TSN and system statistics of {{device}} could not be read: {{detail}}', hint: 'Check that sh, tc (iproute2) and ethtool exist on the device; PTP collection goes on regardless.' },
    'zh-CN': { message: '无法读取 {{device}} 的 TSN 与系统统计：{{detail}}', hint: '请确认设备上有 sh、tc（iproute2）和 ethtool；PTP 采集不受影响。' },
  },
} as const satisfies Record<string, ErrorEntry>;
