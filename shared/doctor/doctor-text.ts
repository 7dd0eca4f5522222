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
  'doctor.ptp4l.config-unmatched': {
    en: {
      message: 'No running ptp4l was started with the config file of {{instances}} ({{count}} ptp4l process(es) run).',
      hint: 'Start that instance (its unit, or `ptp4l -f FILE`), or correct the config path in the device profile if ptp4l reads another file.',
    },
    'zh-CN': {
      message: '没有任何正在运行的 ptp4l 使用 {{instances}} 的配置文件启动（当前运行 {{count}} 个 ptp4l 进程）。',
      hint: '启动该实例（其服务单元，或 `ptp4l -f 文件`）；若 ptp4l 读取的是另一个文件，请更正设备配置中的配置文件路径。',
    },
  },
  'doctor.ptp4l.ok-by-config': {
    en: { message: 'Each instance has its ptp4l running ({{count}}, matched by config file).', hint: 'Nothing to do.' },
    'zh-CN': { message: '每个实例的 ptp4l 均在运行（{{count}} 个，按配置文件匹配）。', hint: '无需操作。' },
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
  'doctor.tx-timeouts.no-log': {
    en: { message: 'Transmit-timestamp timeouts are counted from ptp4l\'s log, and no instance of this device names one.', hint: 'Give the instance its log (a file or a systemd unit) in the device profile: Syncscope then follows it and counts the timeouts.' },
    'zh-CN': { message: '发送时间戳超时是从 ptp4l 的日志中统计的，而该设备没有任何实例配置了日志。', hint: '在设备配置中为实例指定日志（文件或 systemd 单元）：Syncscope 会跟踪日志并统计超时次数。' },
  },
  'doctor.timestamping.no-ports': {
    en: { message: 'The interfaces of instance {{instance}} are not known (PORT_PROPERTIES_NP was not answered), so their timestamping could not be checked.', hint: 'Fix what the pmc check says first, then run the checks again.' },
    'zh-CN': { message: '实例 {{instance}} 的接口未知（PORT_PROPERTIES_NP 无应答），因此无法检查其时间戳能力。', hint: '请先解决 pmc 检查指出的问题，然后再次运行检查。' },
  },
  'doctor.pmc.ok': {
    en: { message: 'pmc reaches ptp4l of instance {{instance}} through {{uds}}.', hint: 'Nothing to do.' },
    'zh-CN': { message: 'pmc 可通过 {{uds}} 访问实例 {{instance}} 的 ptp4l。', hint: '无需操作。' },
  },
  'doctor.pmc.permission': {
    en: { message: 'The login may not write ptp4l\'s socket {{uds}} (instance {{instance}}), so pmc cannot ask ptp4l anything.', hint: 'Log in as root; or, on linuxptp 4.0 and later, monitor through the read-only socket (`uds_ro_address`, mode 0666, GET only); or run ptp4l with `uds_file_mode 0660` and a group the login belongs to (or `chgrp <group> {{uds}}; chmod g+w {{uds}}` after ptp4l starts).' },
    'zh-CN': { message: '该登录用户无权写入 ptp4l 的套接字 {{uds}}（实例 {{instance}}），因此 pmc 无法向 ptp4l 查询任何信息。', hint: '改用 root 登录；或在 linuxptp 4.0 及以上版本中通过只读套接字监控（`uds_ro_address`，权限 0666，仅 GET）；或以 `uds_file_mode 0660` 和该用户所属的组运行 ptp4l（或在 ptp4l 启动后执行 `chgrp <组> {{uds}}; chmod g+w {{uds}}`）。' },
  },
  'doctor.pmc.read-only': {
    en: { message: 'The login may not write {{uds}} (instance {{instance}}); Syncscope monitors through the read-only socket {{ro}} instead, polling only.', hint: 'Nothing is missing but pushed port states (notifications need the read-write socket). For them, log in as root or give the login write access to {{uds}} (`uds_file_mode 0660` and a group).' },
    'zh-CN': { message: '该登录用户无权写入 {{uds}}（实例 {{instance}}）；Syncscope 改为通过只读套接字 {{ro}} 以轮询方式监控。', hint: '仅缺少推送的端口状态（通知需要读写套接字）。如需通知，请改用 root 登录，或授予该用户写 {{uds}} 的权限（`uds_file_mode 0660` 加用户组）。' },
  },
  'doctor.pmc.no-socket': {
    en: { message: 'There is no socket at {{uds}} (instance {{instance}}): ptp4l is not running, or uses another `uds_address`.', hint: 'Start ptp4l, or set the instance\'s UDS path to the `uds_address` of its ptp4l.conf (default /var/run/ptp4l; /var/run/ptp/ptp4l on current linuxptp).' },
    'zh-CN': { message: '{{uds}} 上没有套接字（实例 {{instance}}）：ptp4l 未运行，或使用了其他 `uds_address`。', hint: '启动 ptp4l，或将该实例的 UDS 路径设为其 ptp4l.conf 中的 `uds_address`（默认 /var/run/ptp4l；当前版本 linuxptp 为 /var/run/ptp/ptp4l）。' },
  },
  'doctor.pmc.missing': {
    en: { message: 'pmc is not installed, or not on the login\'s PATH (instance {{instance}}).', hint: 'Install linuxptp on the device (`apt install linuxptp`, `dnf install linuxptp`).' },
    'zh-CN': { message: '未安装 pmc，或 pmc 不在该登录用户的 PATH 中（实例 {{instance}}）。', hint: '在设备上安装 linuxptp（`apt install linuxptp`、`dnf install linuxptp`）。' },
  },
  'doctor.pmc.no-answer': {
    en: { message: 'ptp4l did not answer pmc on {{uds}} (instance {{instance}}).', hint: 'Check that ptp4l runs and that pmc asks in its domain: give the instance its ptp4l.conf (pmc -f) when domainNumber or transportSpecific are not 0.' },
    'zh-CN': { message: 'ptp4l 未通过 {{uds}} 应答 pmc（实例 {{instance}}）。', hint: '检查 ptp4l 是否在运行，以及 pmc 是否在其域中查询：当 domainNumber 或 transportSpecific 不为 0 时，请为实例指定其 ptp4l.conf（pmc -f）。' },
  },
  'doctor.probe-failed': {
    en: { message: 'The check could not run on the device: `{{probe}}` said {{detail}}.', hint: 'Run the same command on the device as the login Syncscope uses, and install what is missing.' },
    'zh-CN': { message: '该检查无法在设备上运行：`{{probe}}` 输出 {{detail}}。', hint: '以 Syncscope 使用的登录用户在设备上运行相同命令，并安装缺少的软件。' },
  },
  'doctor.linuxptp.old': {
    en: { message: 'linuxptp {{version}} is old: monitoring uses fewer data sets (it lacks {{lacks}}) and older log forms.', hint: 'Upgrade linuxptp to 4.x where you can (read-only management socket, service statistics, interface names in log lines).' },
    'zh-CN': { message: 'linuxptp {{version}} 版本较旧：监控只能使用较少的数据集（缺少 {{lacks}}）和旧的日志格式。', hint: '条件允许时升级到 linuxptp 4.x（只读管理套接字、服务统计、日志中带接口名）。' },
  },
  'doctor.linuxptp.ok': {
    en: { message: 'linuxptp {{version}}; data sets it does not have (not asked): {{lacks}}.', hint: 'Nothing to do. linuxptp 4.x adds the read-only management socket, service statistics and the PHC index per port.' },
    'zh-CN': { message: 'linuxptp {{version}}；该版本没有（因此不查询）的数据集：{{lacks}}。', hint: '无需操作。linuxptp 4.x 增加了只读管理套接字、服务统计以及每个端口的 PHC 索引。' },
  },
  'doctor.linuxptp.unknown': {
    en: { message: 'The linuxptp version could not be read (`ptp4l -v`).', hint: 'Check that linuxptp is installed and ptp4l is on the login\'s PATH (/usr/sbin).' },
    'zh-CN': { message: '无法读取 linuxptp 版本（`ptp4l -v`）。', hint: '确认已安装 linuxptp，且 ptp4l 在登录用户的 PATH 中（/usr/sbin）。' },
  },
} as const satisfies Record<string, { en: ErrorText; 'zh-CN': ErrorText }>;

export type DoctorTextId = keyof typeof DOCTOR_TEXT;
