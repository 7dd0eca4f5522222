import type { ErrorEntry } from './catalog-types';

/**
 * Errors of pushing a configuration to a device (electron/core/config-push). `{{device}}` is the
 * device's name, `{{path}}` the file on the device, `{{step}}` the push step (read, backup, write,
 * apply, verify).
 */
export const CONFIG_PUSH_ERRORS = {
  'config-push.no-instance': {
    code: 'not-found',
    en: { message: '{{device}} has no ptp4l instance named {{instance}}.', hint: 'Pick one of its instances ({{instances}}).' },
    'zh-CN': { message: '{{device}} 没有名为 {{instance}} 的 ptp4l 实例。', hint: '请从它的实例中选择一个（{{instances}}）。' },
  },
  'config-push.no-config-path': {
    code: 'invalid-input',
    en: { message: 'Instance {{instance}} of {{device}} names no ptp4l.conf.', hint: 'Set the instance\'s config file in the device profile (for example /etc/linuxptp/ptp4l.conf).' },
    'zh-CN': { message: '{{device}} 的实例 {{instance}} 没有指定 ptp4l.conf。', hint: '请在设备配置中设置该实例的配置文件（例如 /etc/linuxptp/ptp4l.conf）。' },
  },
  'config-push.no-restart-command': {
    code: 'invalid-input',
    en: { message: 'Instance {{instance}} of {{device}} has no restart command, so a pushed config could not be applied or rolled back.', hint: 'Set one in the device profile, e.g. syncscope config restart-command {{device}} --instance {{instance}} -- systemctl restart ptp4l@eth0' },
    'zh-CN': { message: '{{device}} 的实例 {{instance}} 没有重启命令，推送的配置无法生效，也无法回滚。', hint: '请在设备配置中设置，例如 syncscope config restart-command {{device}} --instance {{instance}} -- systemctl restart ptp4l@eth0' },
  },
  'config-push.invalid-config': {
    code: 'invalid-input',
    en: { message: 'The new ptp4l.conf for {{device}} has {{count}} error(s); the first: {{first}}', hint: 'Nothing was sent to the device. Correct the config (the preview lists every error by line) and push again.' },
    'zh-CN': { message: '{{device}} 的新 ptp4l.conf 有 {{count}} 处错误；第一处：{{first}}', hint: '没有向设备发送任何内容。请修正配置（预览按行列出了所有错误）后重新推送。' },
  },
  'config-push.changed-since-preview': {
    code: 'conflict',
    en: { message: '{{path}} on {{device}} changed since the preview (previewed {{previewed}}, now {{current}}).', hint: 'Nothing was written. Preview again to see the current file, then confirm that diff.' },
    'zh-CN': { message: '{{device}} 上的 {{path}} 在预览之后已被修改（预览时 {{previewed}}，现在 {{current}}）。', hint: '没有写入任何内容。请重新预览以查看当前文件，然后确认新的差异。' },
  },
  'config-push.busy': {
    code: 'conflict',
    en: { message: 'A push to {{device}} is running already.', hint: 'Wait for it to end (its progress shows in the Config tab and the audit log), then try again.' },
    'zh-CN': { message: '正在向 {{device}} 推送配置。', hint: '请等它结束（进度显示在“配置”页和审计日志中），然后重试。' },
  },
  'config-push.file-missing': {
    code: 'device-output',
    en: { message: '{{device}} has no file {{path}}.', hint: 'Check the instance\'s config path in the device profile; Syncscope changes existing files only, so there is always one to roll back to.' },
    'zh-CN': { message: '{{device}} 上没有文件 {{path}}。', hint: '请检查设备配置中该实例的配置文件路径；Syncscope 只修改已存在的文件，以便总能回滚。' },
  },
  'config-push.permission': {
    code: 'device-output',
    en: { message: 'The login on {{device}} may not {{action}} {{path}} (permission denied).', hint: 'Log in as a user that may write the file and its directory (the backup and the temporary file go beside it), or change their permissions.' },
    'zh-CN': { message: '{{device}} 上的登录用户无权{{action}} {{path}}（权限被拒绝）。', hint: '请使用有权写入该文件及其目录的用户登录（备份和临时文件都放在它旁边），或修改其权限。' },
  },
  'config-push.disk-full': {
    code: 'device-output',
    en: { message: 'No space left on {{device}} for {{path}} during {{step}}: {{detail}}', hint: 'The device\'s file is as it was. Free space in that directory\'s file system (old backups *.syncscope-backup-* can go), then push again.' },
    'zh-CN': { message: '{{device}} 上没有足够空间写入 {{path}}（{{step}} 步骤）：{{detail}}', hint: '设备上的文件保持原样。请释放该目录所在文件系统的空间（旧的 *.syncscope-backup-* 备份可以删除），然后重新推送。' },
  },
  'config-push.read-only': {
    code: 'device-output',
    en: { message: '{{path}} on {{device}} is on a read-only file system.', hint: 'Remount it read-write (or configure ptp4l from a writable path), then push again.' },
    'zh-CN': { message: '{{device}} 上的 {{path}} 位于只读文件系统。', hint: '请将其重新挂载为可写（或让 ptp4l 使用可写路径下的配置），然后重新推送。' },
  },
  'config-push.file-failed': {
    code: 'device-output',
    en: { message: 'Could not {{action}} {{path}} on {{device}}: {{detail}}', hint: 'Check the file and its directory on the device.' },
    'zh-CN': { message: '无法{{action}} {{device}} 上的 {{path}}：{{detail}}', hint: '请检查设备上的该文件及其目录。' },
  },
  'config-push.not-text': {
    code: 'device-output',
    en: { message: '{{path}} on {{device}} is not a text file Syncscope can edit ({{detail}}).', hint: 'Check the instance\'s config path: it should name ptp4l\'s own configuration file.' },
    'zh-CN': { message: '{{device}} 上的 {{path}} 不是 Syncscope 可编辑的文本文件（{{detail}}）。', hint: '请检查该实例的配置文件路径：它应指向 ptp4l 自己的配置文件。' },
  },
  'config-push.write-mismatch': {
    code: 'device-output',
    en: { message: '{{path}} on {{device}} does not hold what was written (read back {{found}}, expected {{expected}}).', hint: 'Something else changed the file meanwhile, or the file system lost the write; Syncscope rolls back.' },
    'zh-CN': { message: '{{device}} 上的 {{path}} 与写入内容不一致（读回 {{found}}，应为 {{expected}}）。', hint: '可能有其他程序同时修改了该文件，或文件系统丢失了写入；Syncscope 会回滚。' },
  },
  'config-push.apply-failed': {
    code: 'device-output',
    en: { message: 'Applying the config on {{device}} failed: {{command}} exited {{status}}: {{output}}', hint: 'The device\'s own words are above. Syncscope puts back what was there before (the previous file, or the previous qdisc) and checks it.' },
    'zh-CN': { message: '在 {{device}} 上应用配置失败：{{command}} 退出状态 {{status}}：{{output}}', hint: '上面是设备自己的输出。Syncscope 会恢复之前的状态（之前的文件或之前的 qdisc）并加以检查。' },
  },
  'config-push.apply-timeout': {
    code: 'device-output',
    en: { message: 'Applying the config on {{device}} did not finish within {{seconds}} s ({{command}}).', hint: 'Check that the restart command returns by itself (a service manager\'s restart does; a foreground ptp4l never does).' },
    'zh-CN': { message: '在 {{device}} 上应用配置未在 {{seconds}} 秒内完成（{{command}}）。', hint: '请确认重启命令会自行返回（服务管理器的 restart 会；在前台运行的 ptp4l 永远不会）。' },
  },
  'config-push.verify-not-running': {
    code: 'ptp4l-not-running',
    en: { message: 'ptp4l ({{instance}}) on {{device}} did not answer pmc within {{seconds}} s after the change: {{detail}}', hint: 'It probably refused the new config or exited; its log says why. Syncscope restores the previous file.' },
    'zh-CN': { message: '修改后 {{seconds}} 秒内，{{device}} 上的 ptp4l（{{instance}}）没有响应 pmc：{{detail}}', hint: '它很可能拒绝了新配置或已退出；其日志会说明原因。Syncscope 会恢复之前的文件。' },
  },
  'config-push.verify-state': {
    code: 'device-output',
    en: { message: 'No port of ptp4l ({{instance}}) on {{device}} reached {{expected}} within {{seconds}} s (last seen: {{seen}}).', hint: 'ptp4l runs but does not synchronize as expected with the new config. Syncscope restores the previous file; widen the expected states or the timeout if this state is right.' },
    'zh-CN': { message: '{{seconds}} 秒内，{{device}} 上 ptp4l（{{instance}}）没有任何端口进入 {{expected}}（最后看到：{{seen}}）。', hint: 'ptp4l 在运行，但使用新配置后没有按预期同步。Syncscope 会恢复之前的文件；如果该状态是对的，请放宽预期状态或超时。' },
  },
  'config-push.qdisc-differs': {
    code: 'device-output',
    en: { message: 'tc shows {{iface}} on {{device}} without the pushed {{kind}} as it was sent: {{fields}} differ.', hint: 'The driver may have adjusted or refused part of it. Syncscope puts the previous qdisc back.' },
    'zh-CN': { message: 'tc 显示 {{device}} 的 {{iface}} 上没有按推送内容生效的 {{kind}}：{{fields}} 不一致。', hint: '驱动可能调整或拒绝了其中一部分。Syncscope 会恢复之前的 qdisc。' },
  },
  'config-push.connection-lost': {
    code: 'ssh-disconnected',
    en: { message: 'The connection to {{device}} was lost during {{step}}: {{detail}}', hint: 'Syncscope reconnects and, when the file may have changed, restores the previous one.' },
    'zh-CN': { message: '在 {{step}} 步骤中与 {{device}} 的连接断开：{{detail}}', hint: 'Syncscope 会重新连接；如果文件可能已被修改，会恢复之前的文件。' },
  },
  'config-push.reconnect-failed': {
    code: 'ssh-disconnected',
    en: { message: 'Could not reconnect to {{device}} within {{seconds}} s to roll back: {{detail}}', hint: 'The device may run the new config (which passed validation). The previous file is at {{backup}} on the device: restore it by hand if needed.' },
    'zh-CN': { message: '{{seconds}} 秒内无法重新连接 {{device}} 以进行回滚：{{detail}}', hint: '设备可能正在使用新配置（已通过校验）。之前的文件在设备上的 {{backup}}：如有需要请手动恢复。' },
  },
  'config-push.rollback-failed': {
    code: 'device-output',
    en: { message: 'Rolling back {{path}} on {{device}} failed during {{step}}: {{detail}}', hint: 'The device needs a person: the previous file is at {{backup}} on the device; copy it over {{path}} and restart ptp4l.' },
    'zh-CN': { message: '回滚 {{device}} 上的 {{path}} 时在 {{step}} 步骤失败：{{detail}}', hint: '设备需要人工处理：之前的文件在设备上的 {{backup}}；请将其复制覆盖 {{path}} 并重启 ptp4l。' },
  },
  'config-push.interrupted': {
    code: 'internal',
    en: { message: 'The engine stopped while this push was at {{step}}.', hint: 'Check the device: read its config in the Config tab; the backup (if one was made) is named in this entry.' },
    'zh-CN': { message: '此次推送进行到 {{step}} 步骤时引擎停止了。', hint: '请检查设备：在“配置”页读取其配置；如已备份，备份文件名记录在此条目中。' },
  },
} as const satisfies Record<string, ErrorEntry>;
