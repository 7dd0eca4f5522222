import type { ErrorEntry } from './catalog-types';

/**
 * What is wrong with a TSN qdisc model (taprio, cbs, etf, mqprio) or the `tc` output read back
 * after a push: shared/tsn/config. Errors say what tc or the kernel would do; warnings say what the
 * field has seen go wrong. `{{field}}`-style parameters are filled by the validators.
 */
export const TSN_CONFIG_ERRORS = {
  'tsn-config.iface-invalid': {
    code: 'invalid-input',
    en: { message: 'The interface name {{iface}} is not a plain Linux interface name.', hint: 'Use the name `ip link` shows: 1–15 letters, digits or _ . + -, not starting with a dash; nothing else reaches a command line.' },
    'zh-CN': { message: '接口名 {{iface}} 不是普通的 Linux 接口名。', hint: '请使用 `ip link` 显示的名称：1–15 个字母、数字或 _ . + -，且不以短横线开头；其他内容不会进入命令行。' },
  },
  'tsn-config.handle-invalid': {
    code: 'invalid-input',
    en: { message: 'The qdisc handle {{value}} is not 1–4 hex digits.', hint: 'Use a handle such as 100 (tc shows it as 100:).' },
    'zh-CN': { message: '队列规则句柄 {{value}} 不是 1–4 位十六进制数。', hint: '请使用类似 100 的句柄（tc 显示为 100:）。' },
  },
  'tsn-config.parent-invalid': {
    code: 'invalid-input',
    en: { message: 'The parent {{value}} is not root or a class id such as 100:4.', hint: 'A cbs or etf qdisc hangs from one class of the mqprio/taprio root: parent HANDLE:QUEUE (queues count from 1).' },
    'zh-CN': { message: '父节点 {{value}} 既不是 root，也不是类似 100:4 的类 ID。', hint: 'cbs 或 etf 队列规则挂在 mqprio/taprio 根的某个类下：parent 句柄:队列（队列从 1 开始编号）。' },
  },
  'tsn-config.number-range': {
    code: 'invalid-input',
    en: { message: '{{option}} is {{value}}; it must be a whole number from {{min}} to {{max}}.' },
    'zh-CN': { message: '{{option}} 为 {{value}}；它必须是 {{min}} 到 {{max}} 之间的整数。' },
  },
  'tsn-config.num-tc-range': {
    code: 'invalid-input',
    en: { message: 'num_tc is {{numTc}}; it must be 1 to {{max}} traffic classes.' },
    'zh-CN': { message: 'num_tc 为 {{numTc}}；流量类数目必须在 1 到 {{max}} 之间。' },
  },
  'tsn-config.map-length': {
    code: 'invalid-input',
    en: { message: 'The priority map has {{count}} entries; it needs one per socket priority, 16 in all.' },
    'zh-CN': { message: '优先级映射有 {{count}} 项；每个套接字优先级需要一项，共 16 项。' },
  },
  'tsn-config.map-entry-range': {
    code: 'invalid-input',
    en: { message: 'Priority {{prio}} maps to traffic class {{tc}}, but there are only {{numTc}} classes (0 to num_tc − 1).', hint: 'The kernel refuses it: "Invalid traffic class in priority to traffic class mapping".' },
    'zh-CN': { message: '优先级 {{prio}} 映射到流量类 {{tc}}，但只有 {{numTc}} 个流量类（0 到 num_tc − 1）。', hint: '内核会拒绝："Invalid traffic class in priority to traffic class mapping"。' },
  },
  'tsn-config.queues-count': {
    code: 'invalid-input',
    en: { message: '{{count}} queue ranges are given for {{numTc}} traffic classes; give one count@offset per class.' },
    'zh-CN': { message: '为 {{numTc}} 个流量类给出了 {{count}} 个队列范围；每个流量类需要一个 count@offset。' },
  },
  'tsn-config.queue-empty': {
    code: 'invalid-input',
    en: { message: 'Traffic class {{tc}} has no TX queue (count must be at least 1, offset 0 or more).' },
    'zh-CN': { message: '流量类 {{tc}} 没有发送队列（count 至少为 1，offset 不小于 0）。' },
  },
  'tsn-config.queues-beyond-device': {
    code: 'invalid-input',
    en: { message: 'Traffic class {{tc}} uses TX queue {{last}}, but the interface has {{txQueues}} (0 to {{txQueues}} − 1).', hint: 'Check `ethtool -l IFACE`, or raise the queue count with `ethtool -L`.' },
    'zh-CN': { message: '流量类 {{tc}} 使用了发送队列 {{last}}，但该接口只有 {{txQueues}} 个队列（0 到 {{txQueues}} − 1）。', hint: '请查看 `ethtool -l 接口`，或用 `ethtool -L` 增加队列数。' },
  },
  'tsn-config.queues-overlap': {
    code: 'invalid-input',
    en: { message: 'Traffic class {{tc}} (queues {{first}}–{{last}}) overlaps or comes before the class above it.', hint: 'Give each class its own queues in ascending order, e.g. queues 1@0 1@1 2@2 (the kernel: "Detected overlap in the traffic class to queue mapping").' },
    'zh-CN': { message: '流量类 {{tc}}（队列 {{first}}–{{last}}）与前一个流量类重叠或顺序颠倒。', hint: '请按升序为每个流量类分配独立的队列，例如 queues 1@0 1@1 2@2（内核报错："Detected overlap in the traffic class to queue mapping"）。' },
  },
  'tsn-config.queues-gap': {
    code: 'invalid-input',
    en: { message: 'Queues {{first}}–{{last}} belong to no traffic class (the ranges before class {{tc}} leave a gap).', hint: 'Make the ranges contiguous: each offset is the previous offset plus its count.' },
    'zh-CN': { message: '队列 {{first}}–{{last}} 不属于任何流量类（流量类 {{tc}} 之前的范围留有空隙）。', hint: '请让各范围连续：每个 offset 等于前一个 offset 加上其 count。' },
  },
  'tsn-config.command-unreadable': {
    code: 'invalid-input',
    en: { message: 'The tc command cannot be read: {{detail}}.', hint: 'Write it as tc-taprio(8), tc-cbs(8), tc-etf(8) or tc-mqprio(8) show.' },
    'zh-CN': { message: '无法读取该 tc 命令：{{detail}}。', hint: '请按 tc-taprio(8)、tc-cbs(8)、tc-etf(8) 或 tc-mqprio(8) 中的格式书写。' },
  },
  'tsn-config.unknown-qdisc': {
    code: 'invalid-input',
    en: { message: 'Syncscope does not configure {{kind}} qdiscs.', hint: 'It plans taprio, cbs, etf and mqprio.' },
    'zh-CN': { message: 'Syncscope 不配置 {{kind}} 队列规则。', hint: '它可以规划 taprio、cbs、etf 和 mqprio。' },
  },
  'tsn-config.model-shape': {
    code: 'invalid-input',
    en: { message: 'The model field {{field}} is wrong: {{detail}}', hint: 'A model file is JSON with "kind" (taprio, cbs, etf or mqprio) and that qdisc\'s fields, as `syncscope tsn plan --help` shows.' },
    'zh-CN': { message: '模型字段 {{field}} 有误：{{detail}}', hint: '模型文件是 JSON，包含 "kind"（taprio、cbs、etf 或 mqprio）及该队列规则的字段，参见 `syncscope tsn plan --help`。' },
  },
  'tsn-config.json-invalid': {
    code: 'device-output',
    en: { message: 'The text is not valid JSON at line {{line}}, column {{column}}: {{detail}}.', hint: 'For a device\'s qdiscs, save the output of `tc -j qdisc show dev IFACE` as it is.' },
    'zh-CN': { message: '该文本在第 {{line}} 行第 {{column}} 列处不是有效的 JSON：{{detail}}。', hint: '对于设备上的队列规则，请原样保存 `tc -j qdisc show dev 接口` 的输出。' },
  },
  'tsn-config.json-unlabeled-admin': {
    code: 'device-output',
    en: { message: 'This iproute2 printed the pending (admin) taprio schedule as an unlabeled object, which is not valid JSON; it was read as the admin schedule.', hint: 'iproute2 6.5 and newer print it labelled; update iproute2 on the device if other tools must read it.' },
    'zh-CN': { message: '该 iproute2 将待生效（admin）的 taprio 调度表输出为无标签对象，这不是有效的 JSON；已将其读取为 admin 调度表。', hint: 'iproute2 6.5 及更新版本会加上标签；如需其他工具读取，请升级设备上的 iproute2。' },
  },
  'tsn-config.json-not-qdisc-list': {
    code: 'device-output',
    en: { message: 'The JSON is not a list of qdiscs.', hint: 'Give the output of `tc -j qdisc show dev IFACE`.' },
    'zh-CN': { message: '该 JSON 不是队列规则列表。', hint: '请提供 `tc -j qdisc show dev 接口` 的输出。' },
  },
  'tsn-config.json-field': {
    code: 'device-output',
    en: { message: 'tc\'s output has an unexpected {{field}}: {{detail}}.', hint: 'The rest was read. Save the output and report it if this iproute2 prints it differently.' },
    'zh-CN': { message: 'tc 的输出中 {{field}} 不符合预期：{{detail}}。', hint: '其余部分已读取。如果该 iproute2 的输出格式不同，请保存输出并报告。' },
  },
  'tsn-config.not-connected': {
    code: 'ssh-disconnected',
    en: { message: '{{name}} is not connected now, so its qdiscs cannot be read.', hint: 'Wait until the device is online (its status badge), or paste saved `tc -j qdisc show dev IFACE` output instead.' },
    'zh-CN': { message: '{{name}} 当前未连接，无法读取其队列规则。', hint: '请等待设备上线（见其状态标记），或改为粘贴保存的 `tc -j qdisc show dev 接口` 输出。' },
  },
  'tsn-config.taprio.flags-both': {
    code: 'invalid-input',
    en: { message: 'flags 0x3 asks for txtime-assist and full offload at once, which the kernel refuses.', hint: 'Use 0x1 (txtime-assist, software with ETF children) or 0x2 (the NIC runs the schedule).' },
    'zh-CN': { message: 'flags 0x3 同时要求 txtime-assist 和完全卸载，内核会拒绝。', hint: '请使用 0x1（txtime-assist，软件模式并配合 ETF 子队列）或 0x2（由网卡执行调度）。' },
  },
  'tsn-config.taprio.clockid-required': {
    code: 'invalid-input',
    en: { message: 'A software or txtime-assist schedule needs a clockid.', hint: 'Use CLOCK_TAI, the clock ptp4l/phc2sys keep in step with PTP (the kernel: "Specifying a \'clockid\' is mandatory").' },
    'zh-CN': { message: '软件模式或 txtime-assist 调度需要指定 clockid。', hint: '请使用 CLOCK_TAI，即 ptp4l/phc2sys 与 PTP 同步的时钟（内核报错："Specifying a \'clockid\' is mandatory"）。' },
  },
  'tsn-config.taprio.clockid-kernel': {
    code: 'invalid-input',
    en: { message: 'tc accepts clockid {{clockid}}, but the kernel\'s taprio does not.', hint: 'Use CLOCK_TAI (or REALTIME/BOOTTIME).' },
    'zh-CN': { message: 'tc 接受 clockid {{clockid}}，但内核的 taprio 不接受。', hint: '请使用 CLOCK_TAI（或 REALTIME/BOOTTIME）。' },
  },
  'tsn-config.taprio.clockid-ignored': {
    code: 'invalid-input',
    en: { message: 'With full offload the NIC\'s own clock runs the schedule; clockid {{clockid}} is not used.', hint: 'Leave clockid out with flags 0x2.' },
    'zh-CN': { message: '完全卸载时由网卡自身的时钟执行调度；clockid {{clockid}} 不会被使用。', hint: '使用 flags 0x2 时请省略 clockid。' },
  },
  'tsn-config.taprio.clockid-not-tai': {
    code: 'invalid-input',
    en: { message: 'The schedule runs on CLOCK_{{clockid}}, not CLOCK_TAI.', hint: 'PTP time is TAI; on REALTIME (UTC) the gates open 37 s away from a TAI base-time, and other devices\' schedules will not line up.' },
    'zh-CN': { message: '该调度运行在 CLOCK_{{clockid}} 上，而不是 CLOCK_TAI。', hint: 'PTP 时间是 TAI；在 REALTIME（UTC）上，门控会与 TAI 基准时间相差 37 秒，其他设备的调度也无法对齐。' },
  },
  'tsn-config.taprio.txtime-delay-without-assist': {
    code: 'invalid-input',
    en: { message: 'txtime-delay only applies in txtime-assist mode.', hint: 'Set flags 0x1, or remove txtime-delay (the kernel refuses it otherwise).' },
    'zh-CN': { message: 'txtime-delay 只在 txtime-assist 模式下有效。', hint: '请设置 flags 0x1，或删除 txtime-delay（否则内核会拒绝）。' },
  },
  'tsn-config.taprio.txtime-assist-without-delay': {
    code: 'invalid-input',
    en: { message: 'txtime-assist mode without txtime-delay hands packets to the NIC with no time to spare.', hint: 'Set txtime-delay to at least the ETF delta plus the NIC\'s launch latency (often 100–300 µs), and put etf qdiscs on the queues.' },
    'zh-CN': { message: 'txtime-assist 模式未设置 txtime-delay，数据包交给网卡时没有余量。', hint: '请将 txtime-delay 设为至少 ETF 的 delta 加上网卡的发送延迟（通常 100–300 µs），并在各队列上配置 etf 队列规则。' },
  },
  'tsn-config.taprio.schedule-empty': {
    code: 'invalid-input',
    en: { message: 'The schedule has no entries.', hint: 'Add at least one sched-entry (gates and interval).' },
    'zh-CN': { message: '调度表没有条目。', hint: '请至少添加一个 sched-entry（门控与时长）。' },
  },
  'tsn-config.taprio.command-invalid': {
    code: 'invalid-input',
    en: { message: 'Entry {{index}} has command {{command}}; it must be S, H or R.' },
    'zh-CN': { message: '条目 {{index}} 的命令为 {{command}}；必须是 S、H 或 R。' },
  },
  'tsn-config.taprio.gatemask-beyond-tc': {
    code: 'invalid-input',
    en: { message: 'Entry {{index}} opens gates {{mask}}, beyond the {{numTc}} traffic classes.', hint: 'Bit n of the gate mask is traffic class n; use only bits 0 to num_tc − 1.' },
    'zh-CN': { message: '条目 {{index}} 打开的门控 {{mask}} 超出了 {{numTc}} 个流量类。', hint: '门控掩码的第 n 位对应流量类 n；只能使用第 0 到 num_tc − 1 位。' },
  },
  'tsn-config.taprio.interval-range': {
    code: 'invalid-input',
    en: { message: 'Entry {{index}} lasts {{value}} ns; an interval must be a whole number from 1 to 4294967295 ns.' },
    'zh-CN': { message: '条目 {{index}} 的时长为 {{value}} ns；时长必须是 1 到 4294967295 之间的整数（ns）。' },
  },
  'tsn-config.taprio.interval-too-short': {
    code: 'invalid-input',
    en: { message: 'Entry {{index}} lasts {{intervalNs}} ns, shorter than one minimum frame at {{speed}} Mbit/s ({{minNs}} ns).', hint: 'The kernel refuses intervals that cannot carry a 60-byte frame.' },
    'zh-CN': { message: '条目 {{index}} 的时长为 {{intervalNs}} ns，短于 {{speed}} Mbit/s 下一个最小帧的时间（{{minNs}} ns）。', hint: '内核会拒绝无法承载 60 字节帧的时长。' },
  },
  'tsn-config.taprio.cycle-shorter': {
    code: 'invalid-input',
    en: { message: 'The entries add up to {{sumNs}} ns, longer than the cycle-time of {{cycleNs}} ns.', hint: 'The kernel would cut the entries at the cycle\'s end. Make the intervals add up to the cycle-time, or leave cycle-time out.' },
    'zh-CN': { message: '各条目时长之和为 {{sumNs}} ns，超过了 {{cycleNs}} ns 的周期。', hint: '内核会在周期结束处截断条目。请让各时长之和等于周期，或省略 cycle-time。' },
  },
  'tsn-config.taprio.cycle-longer': {
    code: 'invalid-input',
    en: { message: 'The entries add up to {{sumNs}} ns, shorter than the cycle-time of {{cycleNs}} ns.', hint: 'The last entry\'s gates would stay as they are until the cycle ends. Make the intervals add up to the cycle-time, or leave cycle-time out.' },
    'zh-CN': { message: '各条目时长之和为 {{sumNs}} ns，短于 {{cycleNs}} ns 的周期。', hint: '最后一个条目的门控状态会一直保持到周期结束。请让各时长之和等于周期，或省略 cycle-time。' },
  },
  'tsn-config.taprio.cycle-extension-range': {
    code: 'invalid-input',
    en: { message: 'cycle-time-extension {{extensionNs}} ns is not shorter than the cycle ({{cycleNs}} ns).' },
    'zh-CN': { message: 'cycle-time-extension {{extensionNs}} ns 不短于周期（{{cycleNs}} ns）。' },
  },
  'tsn-config.taprio.per-tc-length': {
    code: 'invalid-input',
    en: { message: '{{option}} has {{count}} values, beyond the {{numTc}} traffic classes.', hint: 'Give at most one value per traffic class.' },
    'zh-CN': { message: '{{option}} 有 {{count}} 个值，超出了 {{numTc}} 个流量类。', hint: '每个流量类最多给一个值。' },
  },
  'tsn-config.taprio.max-sdu-mtu': {
    code: 'invalid-input',
    en: { message: 'max-sdu of traffic class {{tc}} is {{maxSdu}} bytes, above the interface MTU of {{mtu}}.', hint: 'Use 0 for no limit, or a size up to the MTU.' },
    'zh-CN': { message: '流量类 {{tc}} 的 max-sdu 为 {{maxSdu}} 字节，超过接口 MTU {{mtu}}。', hint: '用 0 表示不限制，或使用不超过 MTU 的值。' },
  },
  'tsn-config.taprio.fp-value': {
    code: 'invalid-input',
    en: { message: 'fp of traffic class {{tc}} is {{value}}; it must be E (express) or P (preemptible).' },
    'zh-CN': { message: '流量类 {{tc}} 的 fp 为 {{value}}；必须是 E（快速）或 P（可抢占）。' },
  },
  'tsn-config.taprio.hold-release-without-fp': {
    code: 'invalid-input',
    en: { message: 'The schedule uses H/R (hold and release) entries, but no traffic class is preemptible.', hint: 'H and R act on frame preemption: mark the preemptible classes with fp P (kernel 6.5+, a NIC with MAC merge).' },
    'zh-CN': { message: '调度表使用了 H/R（保持与释放）条目，但没有可抢占的流量类。', hint: 'H 和 R 作用于帧抢占：请用 fp P 标记可抢占的流量类（需内核 6.5+ 及支持 MAC merge 的网卡）。' },
  },
  'tsn-config.taprio.gcl-too-long': {
    code: 'invalid-input',
    en: { message: 'The schedule has {{entries}} entries; this NIC\'s gate-control list holds {{capacity}}.', hint: 'Offload will fail ("Device failed to setup taprio offload"): merge entries or lengthen the intervals.' },
    'zh-CN': { message: '调度表有 {{entries}} 个条目；该网卡的门控列表只能容纳 {{capacity}} 个。', hint: '卸载将会失败（"Device failed to setup taprio offload"）：请合并条目或加长时长。' },
  },
  'tsn-config.taprio.base-time-past-unaligned': {
    code: 'invalid-input',
    en: { message: 'base-time {{baseTimeNs}} is in the past and not on a cycle boundary; the schedule would start at {{startNs}}.', hint: 'Give a base-time in the future, or a multiple of the cycle-time ({{cycleNs}} ns), so every device starts its cycle at the same instant; some NICs refuse a past base-time.' },
    'zh-CN': { message: 'base-time {{baseTimeNs}} 已经过去，且不在周期边界上；调度将从 {{startNs}} 开始。', hint: '请给出未来的 base-time，或周期（{{cycleNs}} ns）的整数倍，使所有设备在同一时刻开始周期；部分网卡会拒绝过去的 base-time。' },
  },
  'tsn-config.taprio.gate-never-opens': {
    code: 'invalid-input',
    en: { message: 'The gate of traffic class {{tc}} never opens: its traffic waits forever.', hint: 'Open it in at least one entry, or map no priority to it.' },
    'zh-CN': { message: '流量类 {{tc}} 的门控从不打开：其流量将永远等待。', hint: '请至少在一个条目中打开它，或不要把任何优先级映射到它。' },
  },
  'tsn-config.taprio.ptp-gate-never-opens': {
    code: 'invalid-input',
    en: { message: 'PTP leaves in traffic class {{tc}} (socket priority {{prio}}), whose gate never opens: ptp4l cannot send a message.', hint: 'Open class {{tc}} in some entry, or move priority {{prio}} to a class that opens (ptp4l\'s socket_priority sets the priority).' },
    'zh-CN': { message: 'PTP 报文经由流量类 {{tc}}（套接字优先级 {{prio}}）发送，但该门控从不打开：ptp4l 无法发送任何报文。', hint: '请在某个条目中打开流量类 {{tc}}，或把优先级 {{prio}} 映射到会打开的流量类（ptp4l 的 socket_priority 决定优先级）。' },
  },
  'tsn-config.taprio.ptp-gate-starves': {
    code: 'invalid-input',
    en: { message: 'PTP\'s traffic class {{tc}} (socket priority {{prio}}) stays closed for up to {{closedNs}} ns, about as long as ptp4l waits for a TX timestamp ({{timeoutMs}} ms).', hint: 'Expect "timed out while polling for tx timestamp" and a FAULTY port. Open class {{tc}} more often, or raise tx_timestamp_timeout.' },
    'zh-CN': { message: 'PTP 所在的流量类 {{tc}}（套接字优先级 {{prio}}）最长关闭 {{closedNs}} ns，接近 ptp4l 等待发送时间戳的时长（{{timeoutMs}} ms）。', hint: '可能出现 "timed out while polling for tx timestamp" 并使端口进入 FAULTY。请更频繁地打开流量类 {{tc}}，或调大 tx_timestamp_timeout。' },
  },
  'tsn-config.taprio.ptp-window-too-short': {
    code: 'invalid-input',
    en: { message: 'An open window of PTP\'s traffic class {{tc}} lasts {{openNs}} ns, less than one PTP frame needs on the wire ({{frameNs}} ns).', hint: 'A Sync or Pdelay message cannot fit in it; lengthen that entry.' },
    'zh-CN': { message: 'PTP 所在流量类 {{tc}} 的某个开启窗口只有 {{openNs}} ns，短于一个 PTP 帧的线路时间（{{frameNs}} ns）。', hint: 'Sync 或 Pdelay 报文无法放入该窗口；请加长该条目。' },
  },
  'tsn-config.cbs.link-speed': {
    code: 'invalid-input',
    en: { message: 'The link speed {{value}} Mbit/s is not a whole number above 0.', hint: 'Use the speed `ethtool IFACE` reports (e.g. 1000).' },
    'zh-CN': { message: '链路速率 {{value}} Mbit/s 不是大于 0 的整数。', hint: '请使用 `ethtool 接口` 报告的速率（例如 1000）。' },
  },
  'tsn-config.cbs.idleslope-range': {
    code: 'invalid-input',
    en: { message: 'idleslope {{value}} kbit/s must be above 0 and below the port rate ({{portKbps}} kbit/s).' },
    'zh-CN': { message: 'idleslope {{value}} kbit/s 必须大于 0 且小于端口速率（{{portKbps}} kbit/s）。' },
  },
  'tsn-config.cbs.higher-class-range': {
    code: 'invalid-input',
    en: { message: 'The higher class reserves {{value}} kbit/s; with this class it must stay below the port rate ({{portKbps}} kbit/s).' },
    'zh-CN': { message: '更高的流量类预留了 {{value}} kbit/s；与本流量类合计必须低于端口速率（{{portKbps}} kbit/s）。' },
  },
  'tsn-config.cbs.frame-size': {
    code: 'invalid-input',
    en: { message: '{{field}} is {{value}}; a frame size must be 1 to 65535 bytes.' },
    'zh-CN': { message: '{{field}} 为 {{value}}；帧长必须在 1 到 65535 字节之间。' },
  },
  'tsn-config.cbs.reservation-high': {
    code: 'invalid-input',
    en: { message: 'The credit-based classes reserve {{percent}} % of the link.', hint: 'IEEE 802.1Q lets stream reservation classes take at most 75 % by default; best-effort traffic (and PTP, if it shares the port) is left little room.' },
    'zh-CN': { message: '基于信用的流量类预留了链路的 {{percent}}%。', hint: 'IEEE 802.1Q 默认只允许流预留类占用最多 75%；尽力而为流量（以及共用端口的 PTP）剩余空间很少。' },
  },
  'tsn-config.cbs.slopes-vs-link': {
    code: 'invalid-input',
    en: { message: 'sendslope {{sendslope}} does not match the link: at {{speed}} Mbit/s it should be {{expected}} (idleslope − port rate).', hint: 'Recompute the parameters for this link speed.' },
    'zh-CN': { message: 'sendslope {{sendslope}} 与链路不符：在 {{speed}} Mbit/s 下应为 {{expected}}（idleslope − 端口速率）。', hint: '请按此链路速率重新计算参数。' },
  },
  'tsn-config.etf.clockid-tai': {
    code: 'invalid-input',
    en: { message: 'etf runs on CLOCK_TAI only; {{clockid}} is refused by the kernel.', hint: 'Use clockid CLOCK_TAI.' },
    'zh-CN': { message: 'etf 只能运行在 CLOCK_TAI 上；内核会拒绝 {{clockid}}。', hint: '请使用 clockid CLOCK_TAI。' },
  },
  'tsn-config.mqprio.needs-hw': {
    code: 'invalid-input',
    en: { message: 'mode channel and shaper bw_rlimit need hw 1 (tc reads them only after it).', hint: 'Set hw 1, or keep mode and shaper at dcb.' },
    'zh-CN': { message: 'mode channel 和 shaper bw_rlimit 需要 hw 1（tc 只在其后读取这两项）。', hint: '请设置 hw 1，或将 mode 和 shaper 保持为 dcb。' },
  },
  'tsn-config.mqprio.rates-need-bw-rlimit': {
    code: 'invalid-input',
    en: { message: 'min_rate and max_rate apply only with shaper bw_rlimit.' },
    'zh-CN': { message: 'min_rate 和 max_rate 只在 shaper bw_rlimit 下有效。' },
  },
  'tsn-config.mqprio.rate-count': {
    code: 'invalid-input',
    en: { message: '{{count}} rates are given for {{numTc}} traffic classes; give one per class.' },
    'zh-CN': { message: '为 {{numTc}} 个流量类给出了 {{count}} 个速率；每个流量类需要一个。' },
  },
  'tsn-config.mqprio.min-above-max': {
    code: 'invalid-input',
    en: { message: 'Traffic class {{tc}} has a min_rate above its max_rate.' },
    'zh-CN': { message: '流量类 {{tc}} 的 min_rate 高于其 max_rate。' },
  },
} as const satisfies Record<string, ErrorEntry>;

export type TsnConfigProblemId = keyof typeof TSN_CONFIG_ERRORS;
