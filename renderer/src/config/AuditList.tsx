import { Badge, Button, Code, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, PushOutcome } from '../../../shared/contract/methods-config';
import { useEngine } from '../engine/EngineContext';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useAction } from '../engine/use-action';

export const OUTCOME_COLOR: Record<PushOutcome, string> = {
  running: 'blue',
  applied: 'green',
  unchanged: 'gray',
  refused: 'orange',
  failed: 'red',
  'rolled-back': 'orange',
  'rollback-failed': 'red',
  interrupted: 'gray',
};

/** The device's pushes, newest first (config.audit); `refresh` changes after each push. */
export function AuditList({ deviceId, refresh }: { deviceId: string; refresh: number }) {
  const { client } = useEngine();
  const { t, i18n } = useTranslation();
  const { error, run } = useAction();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    void run(() => client.call('config.audit', { deviceId, limit: 50 })).then((e) => e && setEntries(e));
  }, [client, deviceId, refresh, run]);
  return (
    <Stack gap="xs" data-testid="config-audit" data-loaded={entries !== null}>
      <Title order={5}>{t('config.audit.title')}</Title>
      {error && <ErrorAlert error={error} title={t('config.audit.loadFailed')} testId="config-audit-error" />}
      {entries?.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('config.audit.empty')}
        </Text>
      )}
      {entries && entries.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('config.audit.when')}</Table.Th>
              <Table.Th>{t('config.audit.who')}</Table.Th>
              <Table.Th>{t('config.audit.target')}</Table.Th>
              <Table.Th>{t('config.audit.outcome')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Fragment key={e.id}>
                <Table.Tr data-testid="config-audit-row" data-outcome={e.outcome}>
                  <Table.Td>{new Date(e.startedAtMs).toLocaleString(i18n.language)}</Table.Td>
                  <Table.Td>{e.actor.user ?? e.actor.origin}</Table.Td>
                  <Table.Td ff="monospace">{e.target}</Table.Td>
                  <Table.Td>
                    <Badge color={OUTCOME_COLOR[e.outcome]}>{t(`config.push.outcome.${e.outcome}`)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" onClick={() => setOpen(open === e.id ? null : e.id)}>
                      {t('config.audit.showDiff')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {open === e.id && (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Code block>{e.diff}</Code>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
