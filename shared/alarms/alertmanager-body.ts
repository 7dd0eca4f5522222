import type { Alarm, AlarmNotification } from './alarm-model';

/** Alertmanager's "zero time" for an alert that has not ended. */
const ZERO_TIME = '0001-01-01T00:00:00Z';

export interface AlertmanagerAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
  fingerprint: string;
}

/** Alertmanager's webhook_config body (version 4), so receivers written for Alertmanager take Syncscope's notifications unchanged. */
export interface AlertmanagerBody {
  version: '4';
  groupKey: string;
  truncatedAlerts: number;
  status: 'firing' | 'resolved';
  receiver: string;
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  externalURL: string;
  alerts: AlertmanagerAlert[];
  /** Syncscope's own id of this notification: a receiver may deduplicate on it. */
  syncscopeNotificationId: string;
}

function labelsOf(a: Alarm): Record<string, string> {
  const labels: Record<string, string> = { alertname: a.ruleName, syncscope_rule: a.ruleId, severity: a.severity };
  if (a.deviceName) labels.device = a.deviceName;
  for (const [k, v] of Object.entries(a.labels)) labels[k === 'instance' ? 'instance_name' : k] = v;
  return labels;
}

function common(maps: Record<string, string>[]): Record<string, string> {
  const [first, ...rest] = maps;
  if (!first) return {};
  return Object.fromEntries(Object.entries(first).filter(([k, v]) => rest.every((m) => m[k] === v)));
}

/** FNV-1a of the alarm key, as hex: a stable fingerprint per (rule, device, labels). */
function fingerprint(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function alertmanagerBody(n: AlarmNotification, receiver: string, externalURL: string): AlertmanagerBody {
  const alerts = n.alerts.map((a): AlertmanagerAlert => {
    const resolved = a.state === 'resolved';
    return {
      status: resolved ? 'resolved' : 'firing',
      labels: labelsOf(a),
      annotations: { summary: a.summary, ...(a.ack ? { acknowledged_by: a.ack.by, acknowledgement: a.ack.comment } : {}), syncscope_alarm_id: a.id },
      startsAt: new Date(a.firedAtMs ?? a.startedAtMs).toISOString(),
      endsAt: resolved && a.resolvedAtMs !== null ? new Date(a.resolvedAtMs).toISOString() : ZERO_TIME,
      generatorURL: externalURL,
      fingerprint: fingerprint(a.key),
    };
  });
  const first = n.alerts[0];
  return {
    version: '4',
    groupKey: `{}:{alertname="${first?.ruleName ?? n.ruleId}"}`,
    truncatedAlerts: 0,
    status: n.status,
    receiver,
    groupLabels: { alertname: first?.ruleName ?? n.ruleId },
    commonLabels: common(alerts.map((a) => a.labels)),
    commonAnnotations: common(alerts.map((a) => a.annotations)),
    externalURL,
    alerts,
    syncscopeNotificationId: n.id,
  };
}

/** The title and body of a desktop notification for a group. */
export function notificationText(n: AlarmNotification): { title: string; body: string; severity: 'warning' | 'critical' } {
  const severity = n.alerts.some((a) => a.severity === 'critical') ? 'critical' : 'warning';
  const name = n.alerts[0]?.ruleName ?? n.ruleId;
  const devices = [...new Set(n.alerts.map((a) => a.deviceName ?? 'network'))];
  const where = devices.length > 3 ? `${devices.slice(0, 3).join(', ')} and ${devices.length - 3} more` : devices.join(', ');
  const title = n.status === 'resolved' ? `Resolved: ${name}` : `${severity === 'critical' ? 'Critical' : 'Warning'}: ${name}`;
  const body = n.alerts.length === 1 ? (n.alerts[0]?.summary ?? where) : `${n.alerts.length} devices: ${where}`;
  return { title, body, severity };
}
