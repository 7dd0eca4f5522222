import type { ErrorEntry } from './catalog-types';

const CHECK_PTP4L_EN =
  'Check that ptp4l runs on the device (`systemctl status ptp4l` or `pgrep -a ptp4l`), and that the UDS path set for this device in Syncscope is the `uds_address` in ptp4l.conf (default /var/run/ptp4l; /var/run/ptp/ptp4l on newer linuxptp). ptp4l also ignores requests for another PTP domain: pmc asks for domain 0 unless told otherwise.';
const CHECK_PTP4L_ZH =
  '请检查设备上的 ptp4l 是否在运行（`systemctl status ptp4l` 或 `pgrep -a ptp4l`），以及 Syncscope 中为该设备设置的 UDS 路径是否与 ptp4l.conf 中的 `uds_address` 一致（默认 /var/run/ptp4l；较新的 linuxptp 为 /var/run/ptp/ptp4l）。ptp4l 也会忽略其他 PTP 域的请求：除非另行指定，pmc 请求的是域 0。';

/** Errors of pmc and ptp4l: what a poll found on the device. `{{device}}` is the device's name, `{{uds}}` ptp4l's socket. */
export const PMC_ERRORS = {
  'pmc.no-response': {
    code: 'ptp4l-not-running',
    en: { message: '{{device}}: pmc sent {{sent}}, but ptp4l did not answer. (UDS {{uds}})', hint: CHECK_PTP4L_EN },
    'zh-CN': { message: '{{device}}：pmc 已发送 {{sent}}，但 ptp4l 没有应答。（UDS {{uds}}）', hint: CHECK_PTP4L_ZH },
  },
  'pmc.no-socket': {
    code: 'ptp4l-not-running',
    en: { message: '{{device}}: there is no socket at the UDS path, so ptp4l did not answer. (UDS {{uds}})', hint: CHECK_PTP4L_EN },
    'zh-CN': { message: '{{device}}：UDS 路径上没有套接字，因此 ptp4l 没有应答。（UDS {{uds}}）', hint: CHECK_PTP4L_ZH },
  },
  'pmc.permission': {
    code: 'pmc-permission',
    en: {
      message: "{{device}}: the SSH login may not write to ptp4l's socket {{uds}}, so pmc cannot ask ptp4l anything.",
      hint: 'ptp4l creates {{uds}} writable by root only unless told otherwise. Set `uds_file_mode 0660` in ptp4l.conf (linuxptp 4.0 and later) and run ptp4l with a group the login belongs to, or `chgrp <group> {{uds}}; chmod g+w {{uds}}` after ptp4l starts; or log in as root.',
    },
    'zh-CN': {
      message: '{{device}}：该 SSH 登录用户无权写入 ptp4l 的套接字 {{uds}}，因此 pmc 无法向 ptp4l 查询任何信息。',
      hint: '除非另行配置，ptp4l 创建的 {{uds}} 只有 root 可写。请在 ptp4l.conf 中设置 `uds_file_mode 0660`（linuxptp 4.0 及以上），并以该登录用户所属的组运行 ptp4l；或在 ptp4l 启动后执行 `chgrp <组> {{uds}}; chmod g+w {{uds}}`；或改用 root 登录。',
    },
  },
  'pmc.missing': {
    code: 'pmc-missing',
    en: { message: "{{device}}: pmc is not installed, or not on the login's PATH.", hint: 'Install linuxptp on the device (`apt install linuxptp`, `dnf install linuxptp`). pmc lives in /usr/sbin, which the PATH of a non-root login may lack.' },
    'zh-CN': { message: '{{device}}：未安装 pmc，或 pmc 不在该登录用户的 PATH 中。', hint: '请在设备上安装 linuxptp（`apt install linuxptp`、`dnf install linuxptp`）。pmc 位于 /usr/sbin，非 root 用户的 PATH 中可能没有该目录。' },
  },
  'pmc.partial': {
    code: 'device-output',
    en: { message: '{{device}}: ptp4l answered the poll without {{missing}}.', hint: 'pmc waits only about 100 ms for answers after its last request, so a busy or restarting ptp4l can miss it: the next poll usually has everything. If it persists, run the same pmc command on the device.' },
    'zh-CN': { message: '{{device}}：ptp4l 对本次轮询的应答中缺少 {{missing}}。', hint: 'pmc 在最后一个请求后只等待约 100 毫秒，繁忙或正在重启的 ptp4l 可能来不及应答：下一次轮询通常就会完整。若持续出现，请在设备上运行相同的 pmc 命令。' },
  },
  'pmc.partial-refused': {
    code: 'device-output',
    en: { message: '{{device}}: ptp4l answered the poll without {{missing}} (MANAGEMENT_ERROR_STATUS for {{refused}}).', hint: 'ptp4l rejected part of the poll (pmc does not print why). Run the same pmc command on the device, and check that pmc and ptp4l come from the same linuxptp version.' },
    'zh-CN': { message: '{{device}}：ptp4l 对本次轮询的应答中缺少 {{missing}}（{{refused}} 收到 MANAGEMENT_ERROR_STATUS）。', hint: 'ptp4l 拒绝了部分请求（pmc 不会打印原因）。请在设备上运行相同的 pmc 命令，并确认 pmc 与 ptp4l 来自同一版本的 linuxptp。' },
  },
  'pmc.refused': {
    code: 'device-output',
    en: { message: '{{device}}: ptp4l refused the poll (MANAGEMENT_ERROR_STATUS for {{refused}}).', hint: 'ptp4l is running and answering, but rejected the requests (pmc does not print why). Run the same pmc command on the device, and check that pmc and ptp4l come from the same linuxptp version.' },
    'zh-CN': { message: '{{device}}：ptp4l 拒绝了本次轮询（{{refused}} 收到 MANAGEMENT_ERROR_STATUS）。', hint: 'ptp4l 正在运行并有应答，但拒绝了请求（pmc 不会打印原因）。请在设备上运行相同的 pmc 命令，并确认 pmc 与 ptp4l 来自同一版本的 linuxptp。' },
  },
  'pmc.wrong-answer': {
    code: 'device-output',
    en: { message: '{{device}}: ptp4l answered, but with {{got}} instead of {{wanted}}.', hint: 'Another pmc or client may be sharing this UDS path. Run the same pmc command on the device.' },
    'zh-CN': { message: '{{device}}：ptp4l 有应答，但返回的是 {{got}}，而不是 {{wanted}}。', hint: '可能有其他 pmc 或客户端在共用这个 UDS 路径。请在设备上运行相同的 pmc 命令。' },
  },
  'pmc.failed': {
    code: 'device-output',
    en: { message: '{{device}}: pmc stopped before sending anything: {{detail}}', hint: "pmc must create its own socket (/var/run/pmc.<pid> unless given -i) and write to ptp4l's socket. Run it as root, or give the login a client socket path it may create and write access to ptp4l's socket (uds_file_mode in ptp4l.conf)." },
    'zh-CN': { message: '{{device}}：pmc 在发送任何请求之前就停止了：{{detail}}', hint: 'pmc 需要创建自己的套接字（未指定 -i 时为 /var/run/pmc.<pid>），并写入 ptp4l 的套接字。请以 root 运行，或为该登录用户提供可创建的客户端套接字路径以及 ptp4l 套接字的写权限（ptp4l.conf 中的 uds_file_mode）。' },
  },
  'pmc.no-output': {
    code: 'device-output',
    en: { message: '{{device}}: pmc printed nothing, not even the requests it sends.', hint: 'pmc failed before sending; its error output says why. Check that the command runs as a user allowed to use pmc (usually root).' },
    'zh-CN': { message: '{{device}}：pmc 没有任何输出，连它发送的请求都没有打印。', hint: 'pmc 在发送前就失败了，其错误输出会说明原因。请检查运行命令的用户是否有权使用 pmc（通常为 root）。' },
  },
  'pmc.garbage': {
    code: 'device-output',
    en: { message: '{{device}}: the output is not pmc\'s ({{lines}} lines; first: "{{first}}").', hint: "Check that the command on the device is linuxptp's pmc: a login banner, shell profile or alias may print text, or another program may be named pmc." },
    'zh-CN': { message: '{{device}}：输出不是 pmc 的（共 {{lines}} 行；第一行：“{{first}}”）。', hint: '请确认设备上运行的是 linuxptp 的 pmc：登录横幅、shell 配置文件或别名可能会打印文字，也可能有其他程序同名为 pmc。' },
  },
  'pmc.output-truncated': {
    code: 'device-output',
    en: { message: '{{device}}: the poll printed more than {{bytes}} bytes, far more than pmc does; the output was cut off and not read.', hint: 'Something on the device prints around pmc (a shell profile, an alias, a wrapper script). Run the same pmc command on the device and look at what it prints.' },
    'zh-CN': { message: '{{device}}：本次轮询输出超过 {{bytes}} 字节，远多于 pmc 的正常输出；输出已被截断，未作解析。', hint: '设备上有程序在 pmc 前后输出内容（shell 配置文件、别名或包装脚本）。请在设备上运行相同的 pmc 命令，查看它的输出。' },
  },
  'pmc.timeout': {
    code: 'device-output',
    en: { message: '{{device}}: pmc did not finish within {{ms}} ms.', hint: 'pmc normally finishes in a fraction of a second. The device may be overloaded, or ptp4l may hang; Syncscope stopped this pmc and tries again.' },
    'zh-CN': { message: '{{device}}：pmc 未能在 {{ms}} 毫秒内结束。', hint: 'pmc 通常在不到一秒内结束。设备可能负载过高，或 ptp4l 已挂起；Syncscope 已终止这次 pmc 并会重试。' },
  },
  'pmc.restarted': {
    code: 'device-output',
    en: { message: '{{device}}: the pmc kept open for instance {{instance}} ended ({{reason}}); Syncscope started a new one.', hint: 'A restart now and then is harmless. If it repeats, look on the device for what ends pmc (an OOM kill, a watchdog, someone running `pkill pmc`), and check that linuxptp is installed in one version.' },
    'zh-CN': { message: '{{device}}：实例 {{instance}} 的常驻 pmc 已结束（{{reason}}）；Syncscope 已启动新的 pmc。', hint: '偶尔重启无害。若反复出现，请在设备上查找结束 pmc 的原因（OOM、看门狗、有人执行了 `pkill pmc`），并确认只安装了一个版本的 linuxptp。' },
  },
  'pmc.unreadable': {
    code: 'device-output',
    en: { message: '{{device}}: ptp4l answered {{tlv}} for instance {{instance}}, but none of its fields could be read.', hint: 'The pmc on the device prints this data set in a form Syncscope does not know (another linuxptp version or a patched pmc). Run `pmc -u -b 0 \'GET {{tlv}}\'` on the device and report what it prints.' },
    'zh-CN': { message: '{{device}}：实例 {{instance}} 的 ptp4l 应答了 {{tlv}}，但其中没有任何字段可以读取。', hint: '设备上的 pmc 以 Syncscope 不认识的格式打印该数据集（其他 linuxptp 版本或修改过的 pmc）。请在设备上运行 `pmc -u -b 0 \'GET {{tlv}}\'` 并报告其输出。' },
  },
} as const satisfies Record<string, ErrorEntry>;
