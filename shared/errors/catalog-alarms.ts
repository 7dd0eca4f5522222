import type { ErrorEntry } from './catalog-types';

/** Alarm errors and rule-consistency warnings. `{{rule}}` is a rule's name, `{{device}}` a device's. */
export const ALARM_ERRORS = {
  'alarms.rule-not-found': {
    code: 'not-found',
    en: { message: 'There is no alarm rule {{id}}.', hint: 'List the rules (syncscope alarms rules export, or the Alarms screen) and use one of their ids.' },
    'zh-CN': { message: '不存在告警规则 {{id}}。', hint: '请列出规则（syncscope alarms rules export，或“告警”页面），并使用其中的编号。' },
  },
  'alarms.alarm-not-found': {
    code: 'not-found',
    en: { message: 'There is no alarm {{id}}.', hint: 'syncscope alarms --active lists the alarms that can be acknowledged.' },
    'zh-CN': { message: '不存在告警 {{id}}。', hint: 'syncscope alarms --active 会列出可以确认的告警。' },
  },
  'alarms.silence-not-found': {
    code: 'not-found',
    en: { message: 'There is no silence {{id}}.', hint: 'List the silences (Alarms screen, or alarms.silences.list) and use one of their ids.' },
    'zh-CN': { message: '不存在静默 {{id}}。', hint: '请列出静默（“告警”页面，或 alarms.silences.list），并使用其中的编号。' },
  },
  'alarms.webhook-not-found': {
    code: 'not-found',
    en: { message: 'There is no webhook {{id}}.', hint: 'List the webhooks (alarms.webhooks.list) and use one of their ids.' },
    'zh-CN': { message: '不存在 Webhook {{id}}。', hint: '请列出 Webhook（alarms.webhooks.list），并使用其中的编号。' },
  },
  'alarms.not-firing': {
    code: 'conflict',
    en: { message: 'Alarm {{id}} is {{state}}: only a firing alarm can be acknowledged.', hint: 'A resolved alarm needs no acknowledgement; an acknowledged one keeps its first acknowledgement.' },
    'zh-CN': { message: '告警 {{id}} 的状态为 {{state}}：只有正在触发的告警才能确认。', hint: '已恢复的告警无需确认；已确认的告警保留第一次确认。' },
  },
  'alarms.rule-file-invalid': {
    code: 'invalid-input',
    en: { message: 'The alarm rule file is not valid: {{detail}}', hint: 'Export a rule file from Syncscope (syncscope alarms rules export FILE) to see the format: {"format":"syncscope-alarm-rules","version":1,"rules":[…]}.' },
    'zh-CN': { message: '告警规则文件无效：{{detail}}', hint: '可从 Syncscope 导出一个规则文件查看格式（syncscope alarms rules export FILE）：{"format":"syncscope-alarm-rules","version":1,"rules":[…]}。' },
  },
  'alarms.silence-ends-before-start': {
    code: 'invalid-input',
    en: { message: 'A silence must end after it starts.', hint: 'Give an end time in the future, after the start.' },
    'zh-CN': { message: '静默的结束时间必须晚于开始时间。', hint: '请设置一个晚于开始时间的未来结束时间。' },
  },
  'alarms.warn-n-of-m-slow': {
    code: 'invalid-input',
    en: { message: 'Rule "{{rule}}" looks at the last {{m}} samples, which {{device}} takes about {{minutes}} min to collect (one every {{poll}} s).', hint: 'Use a smaller M or poll the device more often, or the alarm comes long after the offset went out of band.' },
    'zh-CN': { message: '规则“{{rule}}”检查最近 {{m}} 个样本，而 {{device}} 约需 {{minutes}} 分钟才能采集这么多（每 {{poll}} 秒一个）。', hint: '请减小 M 或提高该设备的轮询频率，否则告警会在偏差超限很久之后才出现。' },
  },
  'alarms.warn-for-below-poll': {
    code: 'invalid-input',
    en: { message: 'Rule "{{rule}}" waits {{forS}} s, shorter than the {{poll}} s between polls of {{device}}: it fires on the first sample.', hint: 'Make the duration at least a few poll intervals, or poll the device more often.' },
    'zh-CN': { message: '规则“{{rule}}”等待 {{forS}} 秒，短于 {{device}} 的轮询间隔 {{poll}} 秒：第一个样本就会触发。', hint: '请把持续时间设为几个轮询间隔以上，或提高该设备的轮询频率。' },
  },
  'alarms.warn-absence-below-poll': {
    code: 'invalid-input',
    en: { message: 'Rule "{{rule}}" calls {{device}} silent after {{forS}} s, but it is polled only every {{poll}} s: it would fire between two polls.', hint: 'Make the duration at least twice the poll interval.' },
    'zh-CN': { message: '规则“{{rule}}”在 {{forS}} 秒无数据后即判定 {{device}} 无响应，但该设备每 {{poll}} 秒才轮询一次：两次轮询之间就会误报。', hint: '请把持续时间设为轮询间隔的两倍以上。' },
  },
  'alarms.warn-above-step-threshold': {
    code: 'invalid-input',
    en: { message: 'Rule "{{rule}}" fires above {{value}} ns, but ptp4l on {{device}} steps the clock beyond step_threshold {{step}} s: the offset is stepped away before the rule can see it.', hint: 'Lower the rule below step_threshold, or watch clock steps (servo state s1, clockcheck lines) instead.' },
    'zh-CN': { message: '规则“{{rule}}”在超过 {{value}} ns 时触发，但 {{device}} 上的 ptp4l 在超过 step_threshold {{step}} 秒时就会步进时钟：规则来不及看到该偏差。', hint: '请把阈值调到 step_threshold 以下，或改为监视时钟步进（伺服状态 s1、clockcheck 日志行）。' },
  },
  'alarms.warn-below-servo-threshold': {
    code: 'invalid-input',
    en: { message: 'Rule "{{rule}}" fires above {{value}} ns, below the servo_offset_threshold {{servo}} ns of {{device}}: the servo reports locked-stable (s3) while this alarm fires.', hint: 'Align the two: raise the rule to the servo threshold, or lower servo_offset_threshold in ptp4l.conf.' },
    'zh-CN': { message: '规则“{{rule}}”在超过 {{value}} ns 时触发，低于 {{device}} 的 servo_offset_threshold {{servo}} ns：伺服报告稳定锁定（s3）时该告警却在触发。', hint: '请让两者一致：把规则阈值提高到伺服阈值，或在 ptp4l.conf 中降低 servo_offset_threshold。' },
  },
  'alarms.warn-ends-holdover-early': {
    code: 'invalid-input',
    en: { message: 'Rule "{{rule}}" fires above {{value}} ns; drifting {{drift}} ppb in holdover, {{device}} reaches that after about {{minutes}} min, but its holdover is set to {{holdover}} s ({{holdoverMinutes}} min): the in-spec limit ends the holdover early.', hint: 'Raise the limit to what the oscillator can hold for the whole holdover (e.g. 1500 ns, OpenShift LocalMaxHoldoverOffSet), or shorten holdover to what the limit allows.' },
    'zh-CN': { message: '规则“{{rule}}”在超过 {{value}} ns 时触发；保持（holdover）时漂移 {{drift}} ppb，{{device}} 约 {{minutes}} 分钟后就会达到该值，而其保持时间设为 {{holdover}} 秒（{{holdoverMinutes}} 分钟）：规格内限值会让保持提前结束。', hint: '请把限值提高到振荡器在整个保持期间能维持的范围（例如 1500 ns，即 OpenShift 的 LocalMaxHoldoverOffSet），或把保持时间缩短到该限值允许的长度。' },
  },
} as const satisfies Record<string, ErrorEntry>;
