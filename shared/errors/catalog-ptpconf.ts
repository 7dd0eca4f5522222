import type { ErrorEntry } from './catalog-types';

const e = (en: [string, string], zh: [string, string]): ErrorEntry => ({ code: 'invalid-input', en: { message: en[0], hint: en[1] }, 'zh-CN': { message: zh[0], hint: zh[1] } });

/**
 * What the ptp4l.conf check says (shared/ptpconf), line-numbered, in English and Simplified Chinese.
 * Where ptp4l itself refuses the file its own words are in the hint, so a person can match them
 * with the device's log.
 */
export const PTPCONF_ERRORS = {
  'ptpconf.not-in-section': e(
    ['Line {{line}}: "{{text}}" comes before any section.', 'Start the file with [global] (or a port section such as [eth0]): ptp4l refuses it ("line {{line}} is not in a section").'],
    ['第 {{line}} 行：“{{text}}”位于任何小节之前。', '请以 [global]（或 [eth0] 这样的端口小节）开头：ptp4l 会拒绝该文件（“line {{line}} is not in a section”）。'],
  ),
  'ptpconf.no-value': e(
    ['Line {{line}}: {{option}} has no value.', 'Write the option and its value on one line, e.g. "{{option}} VALUE": ptp4l refuses it ("could not parse line {{line}}").'],
    ['第 {{line}} 行：{{option}} 没有值。', '请把选项和值写在同一行，例如“{{option}} 值”：ptp4l 会拒绝该文件（“could not parse line {{line}}”）。'],
  ),
  'ptpconf.bad-interface': e(
    ['Line {{line}}: "{{name}}" is not an interface name.', 'A port section names a network interface of 1 to 15 characters with no "/", e.g. [eth0] or [enp3s0].'],
    ['第 {{line}} 行：“{{name}}”不是网络接口名。', '端口小节应写网络接口名，长度 1 到 15 个字符且不含“/”，例如 [eth0] 或 [enp3s0]。'],
  ),
  'ptpconf.unknown-option': e(
    ['Line {{line}}: unknown option {{option}}.', 'Check the spelling against ptp4l(8); ptp4l refuses a file with an unknown option ("unknown option {{option}} at line {{line}}").'],
    ['第 {{line}} 行：未知选项 {{option}}。', '请对照 ptp4l(8) 检查拼写；文件中有未知选项时 ptp4l 会拒绝它（“unknown option {{option}} at line {{line}}”）。'],
  ),
  'ptpconf.unknown-option-suggest': e(
    ['Line {{line}}: unknown option {{option}}.', 'Did you mean {{suggestion}}? Option names are case-sensitive; ptp4l refuses a file with an unknown option.'],
    ['第 {{line}} 行：未知选项 {{option}}。', '您是想写 {{suggestion}} 吗？选项名区分大小写；文件中有未知选项时 ptp4l 会拒绝它。'],
  ),
  'ptpconf.not-in-version': e(
    ['Line {{line}}: {{option}} is not in linuxptp {{version}}; it first appears in {{since}}.', 'Remove it, or update linuxptp on the device to {{since}} or newer: ptp4l {{version}} refuses it as an unknown option.'],
    ['第 {{line}} 行：linuxptp {{version}} 中没有 {{option}}，它从 {{since}} 版开始提供。', '请删除它，或把设备上的 linuxptp 升级到 {{since}} 或更新版本：ptp4l {{version}} 会把它当作未知选项而拒绝。'],
  ),
  'ptpconf.maybe-not-in-version': e(
    ['Line {{line}}: {{option}} may not be in linuxptp {{version}} (added around {{since}}).', "Syncscope's record of when it was added is inferred: check ptp4l(8) on the device, or update linuxptp."],
    ['第 {{line}} 行：linuxptp {{version}} 中可能没有 {{option}}（约在 {{since}} 版加入）。', 'Syncscope 对其加入版本的记录是推断的：请查看设备上的 ptp4l(8)，或升级 linuxptp。'],
  ),
  'ptpconf.value-not-in-version': e(
    ['Line {{line}}: {{value}} is not a value of {{option}} in linuxptp {{version}}; it first appears in {{since}}.', 'Valid values in {{version}}: {{values}}.'],
    ['第 {{line}} 行：在 linuxptp {{version}} 中 {{value}} 不是 {{option}} 的取值，它从 {{since}} 版开始提供。', '{{version}} 中的有效取值：{{values}}。'],
  ),
  'ptpconf.wrong-scope': e(
    ['Line {{line}}: {{option}} is a global option and cannot be set in the port section [{{section}}].', 'Move it to [global]: ptp4l refuses it here ("unknown option {{option}} at line {{line}} in {{section}} section").'],
    ['第 {{line}} 行：{{option}} 是全局选项，不能写在端口小节 [{{section}}] 中。', '请把它移到 [global]：ptp4l 会在此处拒绝它（“unknown option {{option}} at line {{line}} in {{section}} section”）。'],
  ),
  'ptpconf.not-an-integer': e(
    ['Line {{line}}: {{value}} is not a whole number for {{option}}.', '{{option}} takes a whole number from {{min}} to {{max}} (decimal, or hexadecimal with 0x).'],
    ['第 {{line}} 行：{{value}} 不是 {{option}} 可用的整数。', '{{option}} 的取值为 {{min}} 到 {{max}} 之间的整数（十进制，或以 0x 开头的十六进制）。'],
  ),
  'ptpconf.not-a-number': e(
    ['Line {{line}}: {{value}} is not a number for {{option}}.', '{{option}} takes a number from {{min}} to {{max}}, e.g. 0.00002.'],
    ['第 {{line}} 行：{{value}} 不是 {{option}} 可用的数值。', '{{option}} 的取值为 {{min}} 到 {{max}} 之间的数值，例如 0.00002。'],
  ),
  'ptpconf.out-of-range': e(
    ['Line {{line}}: {{value}} is out of range for {{option}} ({{min}} to {{max}}).', 'Use a value from {{min}} to {{max}}: ptp4l refuses the file ("{{value}} is an out of range value for option {{option}} at line {{line}}").'],
    ['第 {{line}} 行：{{value}} 超出了 {{option}} 的取值范围（{{min}} 到 {{max}}）。', '请使用 {{min}} 到 {{max}} 之间的值：否则 ptp4l 会拒绝该文件（“{{value}} is an out of range value for option {{option}} at line {{line}}”）。'],
  ),
  'ptpconf.bad-enum': e(
    ['Line {{line}}: {{value}} is not a valid value for {{option}}.', 'Valid values: {{values}}.'],
    ['第 {{line}} 行：{{value}} 不是 {{option}} 的有效取值。', '有效取值：{{values}}。'],
  ),
  'ptpconf.bad-address': e(
    ['Line {{line}}: {{value}} is not a valid {{kind}} for {{option}}.', 'Write it like {{example}}.'],
    ['第 {{line}} 行：{{value}} 不是 {{option}} 可用的有效 {{kind}}。', '请按此格式书写：{{example}}。'],
  ),
  'ptpconf.inline-comment': e(
    ['Line {{line}}: the value of {{option}} contains "#": ptp4l has no comments after a value.', 'Move the comment to a line of its own that starts with #; ptp4l reads "{{value}}" as the value.'],
    ['第 {{line}} 行：{{option}} 的值中含有“#”：ptp4l 不支持写在值后面的注释。', '请把注释移到单独一行并以 # 开头；ptp4l 会把“{{value}}”整体当作值。'],
  ),
  'ptpconf.deprecated': e(
    ['Line {{line}}: {{option}} is deprecated in linuxptp {{version}}; it is read as {{replacement}}.', 'Rename it to {{replacement}} (ptp4l prints "option {{option}} is deprecated, please use {{replacement}} instead").'],
    ['第 {{line}} 行：{{option}} 在 linuxptp {{version}} 中已弃用，会被当作 {{replacement}} 读取。', '请改名为 {{replacement}}（ptp4l 会打印“option {{option}} is deprecated, please use {{replacement}} instead”）。'],
  ),
  'ptpconf.duplicate': e(
    ['Line {{line}}: {{option}} is set again in [{{section}}] (first on line {{first}}); the later value wins.', 'Keep one line for {{option}} in [{{section}}] so the file says what ptp4l does.'],
    ['第 {{line}} 行：{{option}} 在 [{{section}}] 中被重复设置（首次在第 {{first}} 行）；以后出现的值为准。', '请在 [{{section}}] 中只保留一行 {{option}}，使文件与 ptp4l 的实际行为一致。'],
  ),
  'ptpconf.table-missing-id': e(
    ['Line {{line}}: this unicast master table line comes before its table_id.', 'Start each [unicast_master_table] with "table_id N" (N from 1 up): ptp4l refuses it ("line {{line}}: missing table_id").'],
    ['第 {{line}} 行：此单播主时钟表的行出现在 table_id 之前。', '每个 [unicast_master_table] 都应以“table_id N”开头（N 从 1 起）：否则 ptp4l 会拒绝（“line {{line}}: missing table_id”）。'],
  ),
  'ptpconf.table-bad-id': e(
    ['Line {{line}}: table_id {{value}} is not a whole number from 1 up.', 'Number the unicast master tables 1, 2, …; a port selects one with unicast_master_table N.'],
    ['第 {{line}} 行：table_id {{value}} 不是从 1 起的整数。', '请把单播主时钟表编号为 1、2、……；端口用 unicast_master_table N 选择其中一个。'],
  ),
  'ptpconf.table-duplicate-id': e(
    ['Line {{line}}: table_id {{value}} is already used on line {{first}}.', 'Give each [unicast_master_table] its own table_id: ptp4l refuses a repeated one ("table_id {{value}} already taken").'],
    ['第 {{line}} 行：table_id {{value}} 已在第 {{first}} 行使用。', '每个 [unicast_master_table] 需要不同的 table_id：ptp4l 会拒绝重复的编号（“table_id {{value}} already taken”）。'],
  ),
  'ptpconf.table-bad-entry': e(
    ['Line {{line}}: "{{text}}" is not a unicast master table entry.', 'Entries are "table_id N", "logQueryInterval N", "peer_address ADDRESS" or "UDPv4|UDPv6|L2 ADDRESS".'],
    ['第 {{line}} 行：“{{text}}”不是单播主时钟表的条目。', '条目格式为“table_id N”、“logQueryInterval N”、“peer_address 地址”或“UDPv4|UDPv6|L2 地址”。'],
  ),
  'ptpconf.table-not-found': e(
    ['Line {{line}}: unicast_master_table {{value}} names no [unicast_master_table] with that table_id.', 'Add that table, or set unicast_master_table to an existing table_id (0 means none).'],
    ['第 {{line}} 行：unicast_master_table {{value}} 指向的 table_id 不存在于任何 [unicast_master_table] 中。', '请添加该表，或把 unicast_master_table 设为已有的 table_id（0 表示不使用）。'],
  ),
  'ptpconf.rule.bmca-noop-role': e(
    ['Line {{line}}: BMCA noop on {{port}} needs serverOnly 1 on that port or clientOnly 1.', 'With BMCA noop a port never chooses its role: set serverOnly 1 (master) or clientOnly 1 (slave), or ptp4l refuses to start.'],
    ['第 {{line}} 行：{{port}} 上的 BMCA noop 需要该端口 serverOnly 1 或全局 clientOnly 1。', '使用 BMCA noop 时端口不会自行选择角色：请设置 serverOnly 1（主）或 clientOnly 1（从），否则 ptp4l 无法启动。'],
  ),
  'ptpconf.rule.inhibit-delay-req': e(
    ['Line {{line}}: inhibit_delay_req on {{port}} needs asCapable true.', 'Set asCapable true on that port, or remove inhibit_delay_req: ptp4l refuses the combination.'],
    ['第 {{line}} 行：{{port}} 上的 inhibit_delay_req 需要 asCapable true。', '请在该端口设置 asCapable true，或删除 inhibit_delay_req：ptp4l 不接受这种组合。'],
  ),
  'ptpconf.rule.client-not-gm-capable': e(
    ['Line {{line}}: clientOnly 1 cannot be combined with gmCapable 0.', 'Choose one: clientOnly 1 (IEEE 1588) or gmCapable 0 (802.1AS). ptp4l refuses both ("Cannot mix 1588 slaveOnly with 802.1AS !gmCapable").'],
    ['第 {{line}} 行：clientOnly 1 不能与 gmCapable 0 同时使用。', '请二选一：clientOnly 1（IEEE 1588）或 gmCapable 0（802.1AS）。ptp4l 不接受两者同时设置（“Cannot mix 1588 slaveOnly with 802.1AS !gmCapable”）。'],
  ),
  'ptpconf.rule.one-step-hw': e(
    ['Line {{line}}: one-step ({{setting}}) needs hardware time stamping, but time_stamping is {{timestamping}}.', 'Set time_stamping hardware (or onestep), or twoStepFlag 1: ptp4l refuses to start ("one step is only possible with hardware time stamping").'],
    ['第 {{line}} 行：单步模式（{{setting}}）需要硬件时间戳，但 time_stamping 为 {{timestamping}}。', '请设置 time_stamping hardware（或 onestep），或 twoStepFlag 1：否则 ptp4l 无法启动（“one step is only possible with hardware time stamping”）。'],
  ),
  'ptpconf.rule.p2p1step-needs-p2p': e(
    ['Line {{line}}: time_stamping p2p1step needs delay_mechanism P2P, but {{port}} uses {{actual}}.', 'p2p1step inserts peer delay responses in one step: use it with P2P ports only.'],
    ['第 {{line}} 行：time_stamping p2p1step 需要 delay_mechanism P2P，但 {{port}} 使用 {{actual}}。', 'p2p1step 以单步方式发送对等延迟响应：只能用于 P2P 端口。'],
  ),
  'ptpconf.rule.tc-mechanism': e(
    ['Line {{line}}: clock_type {{clockType}} needs delay_mechanism {{expected}} on every port, but {{port}} uses {{actual}}.', 'A transparent clock forwards one kind of delay measurement: set delay_mechanism {{expected}} in [global] or on {{port}}.'],
    ['第 {{line}} 行：clock_type {{clockType}} 要求每个端口的 delay_mechanism 为 {{expected}}，但 {{port}} 使用 {{actual}}。', '透明时钟只转发一种延迟测量：请在 [global] 或 {{port}} 上设置 delay_mechanism {{expected}}。'],
  ),
  'ptpconf.rule.hybrid-e2e': e(
    ['Line {{line}}: hybrid_e2e on {{port}} works only with delay_mechanism E2E, not {{actual}}.', 'Set delay_mechanism E2E on that port, or remove hybrid_e2e.'],
    ['第 {{line}} 行：{{port}} 上的 hybrid_e2e 仅适用于 delay_mechanism E2E，而不是 {{actual}}。', '请在该端口设置 delay_mechanism E2E，或删除 hybrid_e2e。'],
  ),
  'ptpconf.rule.profile-needs': e(
    ['Line {{line}}: {{profile}} on {{port}} needs {{option}} {{expected}}, not {{actual}}.', '{{profile}} runs over {{summary}}; devices on other settings will not hear each other.'],
    ['第 {{line}} 行：{{port}} 上的 {{profile}} 需要 {{option}} {{expected}}，而不是 {{actual}}。', '{{profile}} 要求 {{summary}}；设置不同的设备之间无法互通。'],
  ),
  'ptpconf.rule.profile-expects': e(
    ['Line {{line}}: {{profile}} expects {{option}} {{expected}}, not {{actual}}.', 'ptp4l accepts it, but {{profile}} equipment is built for {{option}} {{expected}}.'],
    ['第 {{line}} 行：{{profile}} 期望 {{option}} 为 {{expected}}，而不是 {{actual}}。', 'ptp4l 可以接受，但 {{profile}} 设备按 {{option}} {{expected}} 设计。'],
  ),
  'ptpconf.rule.domain-range': e(
    ['Line {{line}}: domainNumber {{actual}} is outside the {{profile}} range {{min}} to {{max}}.', 'ptp4l accepts it, but {{profile}} devices use a domain from {{min}} to {{max}} (default {{default}}).'],
    ['第 {{line}} 行：domainNumber {{actual}} 超出 {{profile}} 的范围 {{min}} 到 {{max}}。', 'ptp4l 可以接受，但 {{profile}} 设备使用 {{min}} 到 {{max}} 之间的域（默认 {{default}}）。'],
  ),
  'ptpconf.rule.g8275-2-unicast': e(
    ['Line {{line}}: G.8275.2 is unicast, but no port sets unicast_listen 1 or a unicast_master_table.', 'A master sets unicast_listen 1; a client sets unicast_master_table N and lists its masters in [unicast_master_table].'],
    ['第 {{line}} 行：G.8275.2 使用单播，但没有端口设置 unicast_listen 1 或 unicast_master_table。', '主时钟设置 unicast_listen 1；从时钟设置 unicast_master_table N，并在 [unicast_master_table] 中列出其主时钟。'],
  ),
  'ptpconf.rule.ts2phc-holdover': e(
    ['Line {{line}}: ts2phc.holdover needs servo_offset_threshold above 0.', 'Holdover starts only from a locked servo: set servo_offset_threshold (e.g. 100 ns) and servo_num_offset_values.'],
    ['第 {{line}} 行：ts2phc.holdover 需要 servo_offset_threshold 大于 0。', '只有伺服锁定后才能进入保持：请设置 servo_offset_threshold（例如 100 ns）和 servo_num_offset_values。'],
  ),
  'ptpconf.rule.server-and-client': e(
    ['Line {{line}}: serverOnly 1 on {{port}} contradicts clientOnly 1.', 'A port cannot be master-only in a clock that is slave-only: keep one of them.'],
    ['第 {{line}} 行：{{port}} 上的 serverOnly 1 与 clientOnly 1 相矛盾。', '在仅从时钟中端口不能仅作主：请只保留其中一个。'],
  ),
  'ptpconf.bad-version': e(
    ['{{value}} is not a linuxptp version.', 'Give the version as ptp4l -v prints it, e.g. 3.1.1 or 4.4.'],
    ['{{value}} 不是 linuxptp 版本号。', '请按 ptp4l -v 的输出填写版本，例如 3.1.1 或 4.4。'],
  ),
  'ptpconf.file-unreadable': e(
    ['Cannot read {{file}}: {{reason}}.', 'Check the path and that Syncscope may read the file.'],
    ['无法读取 {{file}}：{{reason}}。', '请检查路径，以及 Syncscope 是否有权读取该文件。'],
  ),
} as const satisfies Record<string, ErrorEntry>;

export type PtpConfMessageId = keyof typeof PTPCONF_ERRORS;
