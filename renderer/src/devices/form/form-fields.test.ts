import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { fieldLabelKey } from './field-text';
import { FIELD_ORDER, fieldKind, firstInvalidField, formFieldOf, withoutErrorOf } from './form-fields';

describe('which input an error belongs to', () => {
  it('maps zod paths and the engine’s dotted fields, nested ones included', () => {
    expect(formFieldOf(['name'], 'ssh')).toBe('name');
    expect(formFieldOf(['auth', 'kind'], 'ssh')).toBe('authKind');
    expect(formFieldOf('auth.password', 'ssh')).toBe('password');
    expect(formFieldOf(['jump', 'host'], 'ssh')).toBe('jump.host');
    expect(formFieldOf('jump.auth.privateKey', 'ssh')).toBe('jump.privateKey');
    expect(formFieldOf(['jump', 'auth'], 'ssh')).toBe('jump.authKind');
    expect(formFieldOf(['jump'], 'ssh')).toBe('jump.host');
    expect(formFieldOf(['serial', 'path'], 'serial')).toBe('serial.path');
    expect(formFieldOf(['serial', 'baudRate'], 'serial')).toBe('serial.baudRate');
    expect(formFieldOf(['instances', 1, 'udsPath'], 'ssh')).toBe('instances.1.udsPath');
    expect(formFieldOf('patch.instances.3.log.unit', 'local')).toBe('instances.3.logUnit');
    expect(formFieldOf(['instances', 0, 'log', 'path'], 'ssh')).toBe('instances.0.logPath');
    expect(formFieldOf(['instances', 2, 'log'], 'ssh')).toBe('instances.2.logKind');
    expect(formFieldOf(['instances'], 'ssh')).toBe('instances');
    expect(formFieldOf('udsPath', 'ssh')).toBe('instances.0.udsPath');
    expect(formFieldOf('patch.name', 'ssh')).toBe('name');
  });

  it('tells the serial console login from the SSH one by the transport', () => {
    expect(formFieldOf(['user'], 'serial')).toBe('serial.user');
    expect(formFieldOf(['password'], 'serial')).toBe('serial.password');
    expect(formFieldOf(['user'], 'ssh')).toBe('user');
  });

  it('gives no input for a path the form has none for', () => {
    expect(formFieldOf('request', 'ssh')).toBeNull();
    expect(formFieldOf([], 'ssh')).toBeNull();
  });

  it('names the first invalid field in the order the form shows them', () => {
    expect(firstInvalidField({ pollIntervalMs: 'x', privateKey: 'y', name: 'z' })).toBe('name');
    expect(firstInvalidField({ 'instances.1.name': 'x', 'instances.0.logPath': 'y', 'jump.user': 'z' })).toBe('jump.user');
    expect(firstInvalidField({ 'instances.1.name': 'x', 'instances.0.logPath': 'y' })).toBe('instances.0.logPath');
    expect(firstInvalidField({})).toBeNull();
  });

  it('reads a field’s kind whichever section holds it', () => {
    expect(fieldKind('jump.sshPort')).toBe('sshPort');
    expect(fieldKind('serial.path')).toBe('serialPath');
    expect(fieldKind('instances.4.name')).toBe('instanceName');
    expect(fieldKind('instances.4.configPath')).toBe('devicePath');
    expect(fieldKind('instances.4.logUnit')).toBe('unit');
  });
});

describe('clearing errors as the operator edits', () => {
  const errors = { name: 'a', 'jump.host': 'b', instances: 'c', 'instances.0.name': 'd', 'instances.2.udsPath': 'e' };

  it('clears only the edited input’s error', () => {
    expect(withoutErrorOf(errors, 'jump.host')).toEqual({ name: 'a', instances: 'c', 'instances.0.name': 'd', 'instances.2.udsPath': 'e' });
    expect(withoutErrorOf(errors, 'instances.0.name')).toEqual({ name: 'a', 'jump.host': 'b', instances: 'c', 'instances.2.udsPath': 'e' });
  });

  it('clears every instance error when the list itself changes (the positions moved)', () => {
    expect(withoutErrorOf(errors, 'instances')).toEqual({ name: 'a', 'jump.host': 'b' });
  });
});

describe('field labels', () => {
  const lookup = (root: unknown, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], root);

  it('every input has a label in English and in Chinese', () => {
    for (const field of FIELD_ORDER) {
      const key = fieldLabelKey(field);
      expect(typeof lookup(en, key), `${field} → ${key}`).toBe('string');
      expect(typeof lookup(zhCN, key), `${field} → ${key}`).toBe('string');
    }
  });
});
