/** The Disconnect / Connect action's words, in both languages (the state's own name is under `connection`). */
export const connectEn = {
  disconnect: 'Disconnect',
  connect: 'Connect',
  disconnectLabel: 'Disconnect {{name}}',
  connectLabel: 'Connect {{name}}',
  disconnectHelp: 'Closes the connection and stops polling (a serial console is logged out and its port released, free for flashing) until you connect again; kept across restarts.',
  connectHelp: 'Opens the connection again and resumes polling.',
  failed: 'Could not change the connection of {{name}}',
};

export const connectZhCN: typeof connectEn = {
  disconnect: '断开',
  connect: '连接',
  disconnectLabel: '断开 {{name}}',
  connectLabel: '连接 {{name}}',
  disconnectHelp: '关闭连接并停止轮询（串口控制台会注销并释放串口，可用于烧录），直到再次连接；重启后仍保持断开。',
  connectHelp: '重新建立连接并恢复轮询。',
  failed: '无法更改 {{name}} 的连接状态',
};
