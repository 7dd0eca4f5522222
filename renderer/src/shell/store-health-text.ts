/** The banner shown while history is not being saved: joined into the i18n resources as `storeHealth`. */
export const storeHealthEn = {
  diskFull: 'The disk holding the data folder is full: new readings and events are not being saved.',
  failing: 'The history database refuses writes: new readings and events are not being saved.',
  waiting: '{{queued}} wait in memory (at most {{limit}}; beyond that the oldest are dropped). Collection goes on.',
  diskFullHint: 'Free space on the disk that holds the engine’s data folder (or move the folder). Saving resumes by itself once there is room; nothing already saved is lost.',
  failingHint: 'Another program may hold the database’s write lock, or the folder is not writable: the engine’s log says which. Saving resumes by itself once writes succeed.',
};

export const storeHealthZhCN: typeof storeHealthEn = {
  diskFull: '数据目录所在的磁盘已满：新的读数和事件未被保存。',
  failing: '历史数据库拒绝写入：新的读数和事件未被保存。',
  waiting: '{{queued}} 条在内存中等待（最多 {{limit}} 条，超过时最早的先被丢弃）。采集仍在继续。',
  diskFullHint: '请释放引擎数据目录所在磁盘的空间（或移动该目录）。有空间后会自动恢复保存；已保存的数据不会丢失。',
  failingHint: '可能有另一个程序持有数据库的写锁，或该目录不可写：引擎日志会说明原因。写入成功后会自动恢复保存。',
};
