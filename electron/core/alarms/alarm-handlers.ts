import { randomUUID } from 'node:crypto';
import type { Alarm, Silence } from '../../../shared/alarms/alarm-model';
import { checkConsistency, type DeviceSettings } from '../../../shared/alarms/consistency';
import { defaultRules } from '../../../shared/alarms/default-rules';
import { replayRule } from '../../../shared/alarms/preview';
import { prometheusRulesYaml } from '../../../shared/alarms/prometheus-rules';
import { RuleFile, ruleFile, type AlarmRule } from '../../../shared/alarms/rule-schema';
import type { Handlers } from '../../../shared/contract/dispatch';
import type { Actor } from '../../../shared/contract/envelope';
import type { alarmMethods } from '../../../shared/contract/methods-alarms';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import type { Alarms } from './alarms';
import { historyInputs } from './history-inputs';

type AlarmHandlers = Pick<Handlers, keyof typeof alarmMethods>;

function who(operator: string | undefined, actor: Actor): string {
  return operator ?? actor.user ?? actor.origin;
}

/** The alarm rows of the contract. `settings` gives what each device's own settings say (for the consistency warnings). */
export function createAlarmHandlers(a: Alarms, settings: () => DeviceSettings[]): AlarmHandlers {
  const { repo } = a;
  const changed = () => a.service?.reloadNow();
  const warningsFor = (rules: AlarmRule[]) => checkConsistency(rules, settings());
  const alarmOf = (id: string): Alarm => {
    const found = a.service?.active().find((x) => x.id === id) ?? repo.alarm(id);
    if (!found) throw new SyncscopeError(catalogError('alarms.alarm-not-found', { id }));
    return found;
  };
  const silenceOf = (id: string): Silence => {
    const s = repo.silence(id);
    if (!s) throw new SyncscopeError(catalogError('alarms.silence-not-found', { id }));
    return s;
  };
  return {
    'alarms.list': (f) => repo.listAlarms(f),
    'alarms.active': () => a.service?.active() ?? repo.openAlarms(),
    'alarms.history': ({ id }) => ({ alarm: alarmOf(id), transitions: repo.transitions(id) }),
    'alarms.ack': ({ id, comment, operator }, actor) => {
      const alarm = alarmOf(id);
      if (alarm.state !== 'firing') throw new SyncscopeError(catalogError('alarms.not-firing', { id, state: alarm.state }));
      const by = who(operator, actor);
      if (a.service) {
        const acked = a.service.ack(id, by, comment);
        if (!acked) throw new SyncscopeError(catalogError('alarms.not-firing', { id, state: alarm.state }));
        return acked;
      }
      // No evaluator here (the CLI on a data folder): the collecting engine applies it within a second.
      const atMs = Date.now();
      repo.addAck(id, by, comment, atMs, false);
      return { ...alarm, state: 'acknowledged', ack: { by, comment, atMs }, lastChangeMs: atMs };
    },
    'alarms.rules.list': () => {
      const rules = repo.rules();
      return { rules, warnings: warningsFor(rules) };
    },
    'alarms.rules.save': ({ rule }) => {
      repo.saveRule(rule);
      changed();
      return { rule, warnings: warningsFor([rule]) };
    },
    'alarms.rules.delete': ({ id }) => {
      if (!repo.deleteRule(id)) throw new SyncscopeError(catalogError('alarms.rule-not-found', { id }));
      changed();
      return { deleted: true as const };
    },
    'alarms.rules.import': ({ file, mode }) => {
      const parsed = RuleFile.safeParse(file);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new SyncscopeError(catalogError('alarms.rule-file-invalid', { detail: issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'unreadable' }));
      }
      const incoming = parsed.data.rules;
      if (mode === 'replace') repo.replaceRules(incoming);
      else {
        const byId = new Map(repo.rules().map((r) => [r.id, r]));
        for (const r of incoming) byId.set(r.id, r);
        repo.replaceRules([...byId.values()]);
      }
      changed();
      return { imported: incoming.length, total: repo.rules().length };
    },
    'alarms.rules.export': () => ruleFile(repo.rules()),
    'alarms.rules.prometheus': () => ({ yaml: prometheusRulesYaml(repo.rules()) }),
    'alarms.rules.reset': () => {
      repo.replaceRules(defaultRules());
      changed();
      return { total: repo.rules().length };
    },
    'alarms.rules.preview': ({ rule, minutes }) => {
      const toMs = Date.now();
      const fromMs = toMs - minutes * 60_000;
      const devices = a.devices();
      const names = new Map(devices.map((d) => [d.id, d.name]));
      const h = historyInputs(rule, devices, a.series, fromMs, toMs);
      const hits = replayRule(rule, devices, h.inputs, fromMs, toMs).map((x) => ({ deviceId: x.deviceId, deviceName: x.deviceId === null ? null : (names.get(x.deviceId) ?? null), labels: x.labels, firedAtMs: x.firedAtMs, resolvedAtMs: x.resolvedAtMs, summary: x.summary }));
      return { hits, devices: h.devices, points: h.points, events: h.events };
    },
    'alarms.silences.list': ({ includeExpired }) => repo.silences(Date.now(), includeExpired),
    'alarms.silences.create': (p, actor) => {
      const now = Date.now();
      const startsAtMs = p.startsAtMs ?? now;
      if (p.endsAtMs <= startsAtMs || p.endsAtMs <= now) throw new SyncscopeError(catalogError('alarms.silence-ends-before-start'));
      const s: Silence = { id: randomUUID(), kind: p.kind, match: p.match, startsAtMs, endsAtMs: p.endsAtMs, createdBy: who(p.operator, actor), comment: p.comment, createdAtMs: now };
      repo.putSilence(s);
      changed();
      return s;
    },
    'alarms.silences.expire': ({ id }) => {
      const s = { ...silenceOf(id), endsAtMs: Date.now() };
      repo.putSilence(s);
      changed();
      return s;
    },
    'alarms.webhooks.list': () => repo.webhooks(),
    'alarms.webhooks.save': ({ webhook }) => {
      repo.putWebhook(webhook);
      changed();
      return webhook;
    },
    'alarms.webhooks.delete': ({ id }) => {
      if (!repo.deleteWebhook(id)) throw new SyncscopeError(catalogError('alarms.webhook-not-found', { id }));
      changed();
      return { deleted: true as const };
    },
    'alarms.webhooks.status': () => repo.webhooks().map((w) => a.outbox.status(w)),
  };
}
