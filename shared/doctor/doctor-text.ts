import type { ErrorText } from '../errors/catalog-types';

/** What each doctor finding says, in every language the console speaks. `hint` is the fix. */
export const DOCTOR_TEXT = {
  'doctor.time-daemons.conflict': {
    en: { message: 'phc2sys and {{daemons}} both steer the system clock.', hint: 'Stop and disable {{daemons}} (e.g. `systemctl disable --now chronyd`), or let phc2sys alone discipline CLOCK_REALTIME; two servos on one clock cause offset spikes.' },
    'zh-CN': { message: 'phc2sys 与 {{daemons}} 同时在调整系统时钟。', hint: '停止并禁用 {{daemons}}（例如 `systemctl disable --now chronyd`），或只让 phc2sys 调整 CLOCK_REALTIME；同一时钟上的两个伺服会造成偏移尖峰。' },
  },
  'doctor.time-daemons.ok': {
    en: { message: 'No other time daemon competes with phc2sys (running: {{daemons}}).', hint: 'Nothing to do.' },
    'zh-CN': { message: '没有其他时间守护进程与 phc2sys 冲突（正在运行：{{daemons}}）。', hint: '无需操作。' },
  },
  'doctor.ptp4l.missing': {
    en: { message: 'ptp4l is not running on the device.', hint: 'Start it (`systemctl start ptp4l` or your unit), and check its log for why it stopped.' },
    'zh-CN': { message: '设备上没有运行 ptp4l。', hint: '启动它（`systemctl start ptp4l` 或对应的服务单元），并查看其日志了解停止原因。' },
  },
  'doctor.ptp4l.ok': {
    en: { message: '{{count}} ptp4l instance(s) running.', hint: 'Nothing to do.' },
    'zh-CN': { message: '正在运行 {{count}} 个 ptp4l 实例。', hint: '无需操作。' },
  },
  'doctor.leap.expired': {
    en: { message: 'The leap-seconds file expired on {{date}}.', hint: 'Update the tzdata package on the device (it ships leap-seconds.list); an expired file can stop ts2phc and mislead leap handling.' },
    'zh-CN': { message: '闰秒文件已于 {{date}} 过期。', hint: '在设备上更新 tzdata 软件包（其中包含 leap-seconds.list）；过期的文件可能导致 ts2phc 停止工作并误导闰秒处理。' },
  },
  'doctor.leap.soon': {
    en: { message: 'The leap-seconds file expires on {{date}}, in {{days}} days.', hint: 'Update the tzdata package on the device before then.' },
    'zh-CN': { message: '闰秒文件将于 {{date}} 过期，还剩 {{days}} 天。', hint: '请在此之前更新设备上的 tzdata 软件包。' },
  },
  'doctor.leap.ok': {
    en: { message: 'The leap-seconds file is valid until {{date}} (TAI − UTC = {{taiMinusUtc}} s).', hint: 'Nothing to do.' },
    'zh-CN': { message: '闰秒文件有效期至 {{date}}（TAI − UTC = {{taiMinusUtc}} 秒）。', hint: '无需操作。' },
  },
  'doctor.leap.unreadable': {
    en: { message: 'The leap-seconds file could not be read.', hint: 'Install tzdata on the device, or point ptp4l/ts2phc `leapfile` at a current leap-seconds.list.' },
    'zh-CN': { message: '无法读取闰秒文件。', hint: '在设备上安装 tzdata，或将 ptp4l/ts2phc 的 `leapfile` 指向最新的 leap-seconds.list。' },
  },
  'doctor.timestamping.gap': {
    en: { message: '{{iface}} cannot do the {{mode}} timestamping ptp4l is configured for (missing: {{missing}}).', hint: 'Set time_stamping to what `ethtool -T {{iface}}` offers, or use a NIC/driver with hardware timestamping.' },
    'zh-CN': { message: '{{iface}} 不支持 ptp4l 配置的 {{mode}} 时间戳（缺少：{{missing}}）。', hint: '将 time_stamping 设为 `ethtool -T {{iface}}` 所支持的模式，或使用支持硬件时间戳的网卡/驱动。' },
  },
  'doctor.timestamping.ok': {
    en: { message: '{{iface}} supports the {{mode}} timestamping ptp4l uses.', hint: 'Nothing to do.' },
    'zh-CN': { message: '{{iface}} 支持 ptp4l 使用的 {{mode}} 时间戳。', hint: '无需操作。' },
  },
  'doctor.timestamping.unreadable': {
    en: { message: 'The timestamping capabilities of {{iface}} could not be read.', hint: 'Install ethtool on the device, and check the interface name.' },
    'zh-CN': { message: '无法读取 {{iface}} 的时间戳能力。', hint: '在设备上安装 ethtool，并检查接口名称。' },
  },
  'doctor.tx-timeouts.seen': {
    en: { message: 'ptp4l timed out {{count}} time(s) waiting for a transmit timestamp.', hint: 'Raise tx_timestamp_timeout (e.g. to 50 ms), and check the NIC driver and firmware; these timeouts send the port to FAULTY.' },
    'zh-CN': { message: 'ptp4l 等待发送时间戳超时 {{count}} 次。', hint: '提高 tx_timestamp_timeout（例如 50 毫秒），并检查网卡驱动与固件；这类超时会使端口进入 FAULTY 状态。' },
  },
  'doctor.tx-timeouts.none': {
    en: { message: 'No transmit-timestamp timeouts seen.', hint: 'Nothing to do.' },
    'zh-CN': { message: '未发现发送时间戳超时。', hint: '无需操作。' },
  },
  'doctor.linuxptp.old': {
    en: { message: 'linuxptp {{version}} is old: monitoring uses fewer data sets and older log forms.', hint: 'Upgrade linuxptp to 4.x where you can (read-only management socket, service statistics, interface names in log lines).' },
    'zh-CN': { message: 'linuxptp {{version}} 版本较旧：监控只能使用较少的数据集和旧的日志格式。', hint: '条件允许时升级到 linuxptp 4.x（只读管理套接字、服务统计、日志中带接口名）。' },
  },
  'doctor.linuxptp.ok': {
    en: { message: 'linuxptp {{version}}.', hint: 'Nothing to do.' },
    'zh-CN': { message: 'linuxptp {{version}}。', hint: '无需操作。' },
  },
  'doctor.linuxptp.unknown': {
    en: { message: 'The linuxptp version could not be read (`ptp4l -v`).', hint: 'Check that linuxptp is installed and ptp4l is on the login\'s PATH (/usr/sbin).' },
    'zh-CN': { message: '无法读取 linuxptp 版本（`ptp4l -v`）。', hint: '确认已安装 linuxptp，且 ptp4l 在登录用户的 PATH 中（/usr/sbin）。' },
  },
} as const satisfies Record<string, { en: ErrorText; 'zh-CN': ErrorText }>;

export type DoctorTextId = keyof typeof DOCTOR_TEXT;
