import type { ErrorEntry } from './catalog-types';

/**
 * Errors of SSH transport: connecting, host keys, logins, channels. `{{target}}` is `user@host:port`
 * (IPv6 bracketed), `{{hostPort}}` is `host:port`.
 */
export const SSH_ERRORS = {
  'ssh.auth': {
    code: 'ssh-auth',
    en: { message: 'SSH login to {{target}} was refused (wrong password or key).', hint: "Check the user name and credentials; on the device check ~{{user}}/.ssh/authorized_keys or sshd's PasswordAuthentication." },
    'zh-CN': { message: '登录 {{target}} 的 SSH 被拒绝（密码或密钥错误）。', hint: '请检查用户名和凭据；在设备上检查 ~{{user}}/.ssh/authorized_keys 或 sshd 的 PasswordAuthentication 设置。' },
  },
  'ssh.bad-private-key': {
    code: 'ssh-auth',
    en: { message: 'The private key for {{target}} cannot be used: {{detail}}', hint: 'Paste the whole key (OpenSSH or PEM form), and its passphrase if it has one.' },
    'zh-CN': { message: '用于 {{target}} 的私钥无法使用：{{detail}}', hint: '请粘贴完整的私钥（OpenSSH 或 PEM 格式），如有口令请一并填写。' },
  },
  'ssh.handshake-timeout': {
    code: 'ssh-timeout',
    en: { message: 'SSH to {{target}} timed out during the handshake.', hint: 'The host accepted the connection but did not complete SSH. Check that the address and port are right and that a firewall does not drop SSH.' },
    'zh-CN': { message: '连接 {{target}} 的 SSH 在握手阶段超时。', hint: '主机接受了连接，但没有完成 SSH 握手。请检查地址和端口是否正确，以及防火墙是否丢弃了 SSH 流量。' },
  },
  'ssh.connect-timeout': {
    code: 'ssh-timeout',
    en: { message: 'Connecting to {{hostPort}} timed out.', hint: 'Check that the device is powered and reachable, and that a firewall does not drop SSH.' },
    'zh-CN': { message: '连接 {{hostPort}} 超时。', hint: '请检查设备是否已上电且网络可达，以及防火墙是否丢弃了 SSH 流量。' },
  },
  'ssh.not-ssh': {
    code: 'ssh-not-ssh',
    en: { message: '{{hostPort}} is not an SSH server: it answered "{{firstLine}}".', hint: 'Another service listens on this port. Check the SSH port of the device (usually 22).' },
    'zh-CN': { message: '{{hostPort}} 不是 SSH 服务器：它的回应是“{{firstLine}}”。', hint: '该端口上运行的是其他服务。请检查设备的 SSH 端口（通常为 22）。' },
  },
  'ssh.refused': {
    code: 'ssh-refused',
    en: { message: 'Connection to {{hostPort}} was refused: nothing listens for SSH there.', hint: 'Check the SSH port and that sshd runs on the device.' },
    'zh-CN': { message: '到 {{hostPort}} 的连接被拒绝：该端口上没有 SSH 服务在监听。', hint: '请检查 SSH 端口，并确认设备上的 sshd 正在运行。' },
  },
  'ssh.dns': {
    code: 'ssh-unreachable',
    en: { message: 'The host name {{host}} cannot be resolved.', hint: 'Check the spelling, or use the IP address.' },
    'zh-CN': { message: '无法解析主机名 {{host}}。', hint: '请检查拼写，或改用 IP 地址。' },
  },
  'ssh.unreachable': {
    code: 'ssh-unreachable',
    en: { message: '{{host}} is unreachable from this machine ({{detail}}).', hint: 'Check the cable, the address and the route to the device.' },
    'zh-CN': { message: '从本机无法到达 {{host}}（{{detail}}）。', hint: '请检查网线、地址以及到设备的路由。' },
  },
  'ssh.reset': {
    code: 'ssh-disconnected',
    en: { message: 'The SSH connection to {{target}} was reset.', hint: 'The device or the network dropped it; Syncscope retries.' },
    'zh-CN': { message: '到 {{target}} 的 SSH 连接被重置。', hint: '设备或网络断开了连接；Syncscope 会自动重试。' },
  },
  'ssh.closed-during-handshake': {
    code: 'ssh-disconnected',
    en: { message: '{{target}} closed the connection during the SSH handshake.', hint: "Check sshd's log on the device (MaxStartups, AllowUsers, or a tcp_wrappers rule may turn this machine away)." },
    'zh-CN': { message: '{{target}} 在 SSH 握手期间关闭了连接。', hint: '请查看设备上 sshd 的日志（MaxStartups、AllowUsers 或 tcp_wrappers 规则可能拒绝了本机）。' },
  },
  'ssh.dropped': {
    code: 'ssh-disconnected',
    en: { message: 'The SSH connection to {{target}} was lost.', hint: 'The device or the network dropped it; Syncscope reconnects.' },
    'zh-CN': { message: '与 {{target}} 的 SSH 连接已断开。', hint: '设备或网络断开了连接；Syncscope 会重新连接。' },
  },
  'ssh.not-connected': {
    code: 'ssh-disconnected',
    en: { message: 'Not connected to {{target}}.', hint: 'Syncscope reconnects on the next poll.' },
    'zh-CN': { message: '尚未连接到 {{target}}。', hint: 'Syncscope 会在下一次轮询时重新连接。' },
  },
  'ssh.channel-timeout': {
    code: 'ssh-timeout',
    en: { message: '{{target}} did not open a session channel within {{ms}} ms.', hint: 'The connection has stopped answering (a pulled cable, a hung device); Syncscope reconnects.' },
    'zh-CN': { message: '{{target}} 未能在 {{ms}} 毫秒内打开会话通道。', hint: '连接已无响应（网线被拔出或设备挂起）；Syncscope 会重新连接。' },
  },
  'ssh.channel-refused': {
    code: 'ssh-disconnected',
    en: { message: '{{target}} refused to run a command: {{detail}}', hint: "Check sshd's MaxSessions and the login's shell on the device." },
    'zh-CN': { message: '{{target}} 拒绝执行命令：{{detail}}', hint: '请检查设备上 sshd 的 MaxSessions 设置以及该登录用户的 shell。' },
  },
  'ssh.failed': {
    code: 'ssh-disconnected',
    en: { message: 'SSH to {{target}} failed: {{detail}}', hint: 'Syncscope retries; check the device if it persists.' },
    'zh-CN': { message: '连接 {{target}} 的 SSH 失败：{{detail}}', hint: 'Syncscope 会自动重试；若持续出现，请检查设备。' },
  },
  'ssh.host-key-mismatch': {
    code: 'ssh-host-key-mismatch',
    en: {
      message: 'The SSH host key of {{hostPort}} is not the expected one: expected {{expected}}, presented {{presented}}. No credentials were sent.',
      hint: 'If the device was reinstalled, check the new fingerprint on its console (`ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub -E sha256`) and enter it in the device profile; otherwise someone may be intercepting the connection.',
    },
    'zh-CN': {
      message: '{{hostPort}} 的 SSH 主机密钥与预期不符：预期 {{expected}}，实际 {{presented}}。未发送任何凭据。',
      hint: '如果设备已重装，请在设备控制台上核对新的指纹（`ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub -E sha256`）并填入设备配置；否则可能有人在拦截连接。',
    },
  },
  'ssh.host-key-unknown': {
    // Until shared/domain/errors.ts has its own code for it: the presented key matches no trusted key (there is none yet).
    code: 'ssh-host-key-mismatch',
    en: {
      message: '{{hostPort}} presents SSH host key {{fingerprint}}, which is not trusted yet. No credentials were sent.',
      hint: 'Compare it with the device (`ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub -E sha256` on its console), then trust it in the console or with `syncscope device trust-key NAME {{fingerprint}}`.',
    },
    'zh-CN': {
      message: '{{hostPort}} 出示的 SSH 主机密钥 {{fingerprint}} 尚未被信任。未发送任何凭据。',
      hint: '请与设备上的指纹核对（在其控制台运行 `ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub -E sha256`），然后在控制台中信任它，或运行 `syncscope device trust-key 名称 {{fingerprint}}`。',
    },
  },
  'ssh.host-key-rejected': {
    code: 'ssh-host-key-mismatch',
    en: {
      message: 'The SSH host key {{fingerprint}} of {{hostPort}} was rejected by the operator; Syncscope does not log in there.',
      hint: 'The rejection holds across restarts. If the key turns out to be genuine, trust it with `syncscope device trust-key NAME {{fingerprint}}{{jumpFlag}}`, or enter it as the expected host key in the device’s form.',
    },
    'zh-CN': {
      message: '{{hostPort}} 的 SSH 主机密钥 {{fingerprint}} 已被操作员拒绝；Syncscope 不会登录该主机。',
      hint: '拒绝在重启后仍然有效。如果确认该密钥可信，请运行 `syncscope device trust-key 名称 {{fingerprint}}{{jumpFlag}}`，或在设备表单中将其填为预期的主机密钥。',
    },
  },
  'ssh.host-key-not-presented': {
    code: 'conflict',
    en: {
      message: '{{fingerprint}} is not the host key {{device}} presents now ({{presented}}).',
      hint: 'Trust only the fingerprint the device shows: compare it on the device with `ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub -E sha256`.',
    },
    'zh-CN': {
      message: '{{fingerprint}} 不是 {{device}} 当前出示的主机密钥（{{presented}}）。',
      hint: '只信任设备出示的指纹：在设备上用 `ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub -E sha256` 核对。',
    },
  },
  'ssh.host-key-already-known': {
    code: 'conflict',
    en: {
      message: '{{device}} already expects host key {{known}}; accepting whatever it presents applies to first contact only.',
      hint: 'To accept a changed key, name it: `syncscope device trust-key {{device}} SHA256:…`.',
    },
    'zh-CN': {
      message: '{{device}} 已有预期的主机密钥 {{known}}；“接受出示的任意密钥”只适用于首次连接。',
      hint: '若要接受更换后的密钥，请指明它：`syncscope device trust-key {{device}} SHA256:…`。',
    },
  },
  'ssh.host-key-no-target': {
    code: 'invalid-input',
    en: { message: '{{device}} has no such SSH host key to trust: it is local, or has no jump host.', hint: 'Local devices have no host key; the jump host key exists only for a device with --jump.' },
    'zh-CN': { message: '{{device}} 没有可信任的此类 SSH 主机密钥：它是本机设备，或没有跳板机。', hint: '本机设备没有主机密钥；只有设置了 --jump 的设备才有跳板机密钥。' },
  },
  'ssh.host-key-of-jump': {
    code: 'conflict',
    en: {
      message: '{{fingerprint}} is the host key of the jump host on the way to {{device}}, not of {{device}} itself.',
      hint: 'Trust it as the jump host’s key: `syncscope device trust-key {{device}} {{fingerprint}} --jump`, or answer the prompt in the console.',
    },
    'zh-CN': {
      message: '{{fingerprint}} 是通往 {{device}} 途中跳板机的主机密钥，不是 {{device}} 本身的密钥。',
      hint: '请把它作为跳板机的密钥信任：`syncscope device trust-key {{device}} {{fingerprint}} --jump`，或在控制台的提示中确认。',
    },
  },
  'ssh.host-key-unseen': {
    code: 'ssh-disconnected',
    en: { message: 'The host key of {{device}} could not be read: {{detail}}', hint: 'Check that the device is reachable; its key is read before any login.' },
    'zh-CN': { message: '无法读取 {{device}} 的主机密钥：{{detail}}', hint: '请检查设备是否可达；主机密钥在登录之前读取。' },
  },
  'ssh.config-unreadable': {
    code: 'not-found',
    en: { message: 'Cannot read the SSH config {{path}}: {{detail}}', hint: 'Give the file with --file (default ~/.ssh/config).' },
    'zh-CN': { message: '无法读取 SSH 配置 {{path}}：{{detail}}', hint: '请用 --file 指定文件（默认 ~/.ssh/config）。' },
  },
} as const satisfies Record<string, ErrorEntry>;
