/** The host-key prompt's text, joined into the i18n resources as `hostKey`. */
export const hostKeyEn = {
  titleNew: 'Trust the SSH host key of {{device}}?',
  titleChanged: 'The SSH host key of {{device}} has changed',
  bodyNew: '{{hostPort}} presents this host key for the first time. Nothing has been sent to it. Compare the fingerprint with the one on the device (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub -E sha256) before you trust it.',
  bodyChanged: '{{hostPort}} presents another host key than the one Syncscope trusted. The connection was refused and nothing was sent. If the device was reinstalled or its key rotated, accept the new key; otherwise someone may be intercepting the connection.',
  jumpNote: 'This is the key of the jump host on the way to {{device}}.',
  fingerprint: 'Fingerprint',
  oldKey: 'Trusted until now',
  newKey: 'Presented now',
  trust: 'Trust and remember',
  accept: 'Accept the new key',
  reject: 'Reject',
};

export const hostKeyZhCN: typeof hostKeyEn = {
  titleNew: '信任 {{device}} 的 SSH 主机密钥吗？',
  titleChanged: '{{device}} 的 SSH 主机密钥已更改',
  bodyNew: '{{hostPort}} 首次出示此主机密钥，尚未向其发送任何内容。信任之前，请与设备上的指纹核对（ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub -E sha256）。',
  bodyChanged: '{{hostPort}} 出示的主机密钥与 Syncscope 已信任的不同。连接已被拒绝，未发送任何内容。如果设备已重装或更换了密钥，请接受新密钥；否则可能有人在拦截连接。',
  jumpNote: '这是通往 {{device}} 途中跳板机的密钥。',
  fingerprint: '指纹',
  oldKey: '此前信任的密钥',
  newKey: '当前出示的密钥',
  trust: '信任并记住',
  accept: '接受新密钥',
  reject: '拒绝',
};
