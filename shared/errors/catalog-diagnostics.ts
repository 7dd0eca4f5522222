import type { ErrorEntry } from './catalog-types';

/** Errors of the diagnostics sources and the doctor: what a follower or a probe found. */
export const DIAGNOSTICS_ERRORS = {
  'log.follower-ended': {
    code: 'device-output',
    en: { message: '{{device}}: following {{what}} stopped ({{reason}}).', hint: 'Syncscope starts it again on the next poll. If it keeps stopping, check that the file or journal unit exists and that the login may read it.' },
    'zh-CN': { message: '{{device}}：跟踪 {{what}} 已停止（{{reason}}）。', hint: 'Syncscope 会在下一次轮询时重新启动它。若反复停止，请检查文件或 journal 单元是否存在，以及该登录用户是否有读取权限。' },
  },
} as const satisfies Record<string, ErrorEntry>;
