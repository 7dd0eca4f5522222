import { Alert, Button, Divider, FileButton, Group, NativeSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceView } from '../../../shared/domain/device';
import { diffLines, LINUXPTP_RELEASES, NEWEST_RELEASE, PTPCONF_TEMPLATE_IDS, PTPCONF_TEMPLATES, releaseOf, validatePtpConf, type LinuxptpRelease, type PtpConfTemplateId } from '../../../shared/ptpconf';
import { ErrorAlert } from '../errors/ErrorAlert';
import { AuditList } from './AuditList';
import { DiffView } from './DiffView';
import { IssueList } from './IssueList';
import { PtpConfForm } from './PtpConfForm';
import { PushFlow } from './PushFlow';
import { RawEditor, type RawEditorHandle } from './RawEditor';
import { useDeviceConfig } from './use-device-config';

type View = 'form' | 'raw' | 'diff';

/**
 * The device page's Config tab: a ptp4l.conf of one instance, edited with the form or as text (one
 * text underneath both), checked on every keystroke for the device's linuxptp release, compared
 * with the device's file (or the text it started from), pushed with confirm, and the push history.
 */
export function ConfigTab({ device }: { device: DeviceView }) {
  const { t } = useTranslation();
  const [instance, setInstance] = useState(device.instances[0]?.name ?? 'ptp4l');
  const configPath = device.instances.find((i) => i.name === instance)?.configPath;
  const remote = useDeviceConfig(device.id, instance);
  const [text, setText] = useState('');
  const [start, setStart] = useState('');
  const [view, setView] = useState<View>('raw');
  const [chosenRelease, setChosenRelease] = useState<LinuxptpRelease | null>(null);
  const [pushes, setPushes] = useState(0);
  const editor = useRef<RawEditorHandle>(null);

  // A file loaded from the device becomes the text and what changes are measured against. After a
  // push the file is read again for the comparison only: a rolled-back edit stays to be fixed.
  const { read } = remote;
  const loadFromDevice = useCallback(async () => {
    const f = await read();
    if (!f) return;
    setText(f.text);
    setStart(f.text);
  }, [read]);
  useEffect(() => {
    if (configPath !== undefined) void loadFromDevice();
  }, [configPath, loadFromDevice]);

  const deviceRelease = remote.linuxptpVersion ? releaseOf(remote.linuxptpVersion) : null;
  const release = chosenRelease ?? deviceRelease ?? NEWEST_RELEASE;
  const check = useMemo(() => validatePtpConf(text, { release }), [text, release]);
  const before = remote.file?.text ?? start;
  const diff = useMemo(() => diffLines(before, text), [before, text]);

  const useTemplate = (id: string) => {
    if (!id) return;
    setText(PTPCONF_TEMPLATES[id as PtpConfTemplateId].text);
    if (!remote.file && text === '') setStart('');
  };
  const openFile = async (f: File | null) => {
    if (!f) return;
    const content = await f.text();
    setText(content);
    if (!remote.file) setStart(content);
  };
  const goToLine = (line: number) => {
    setView('raw');
    // The editor mounts with the view; select the line once it is there.
    setTimeout(() => editor.current?.goToLine(line), 0);
  };

  return (
    <Stack gap="md" data-testid="config-tab" data-release={release}>
      <Text size="sm" c="dimmed">
        {t('config.intro', { release })}
      </Text>
      <Group align="flex-end" gap="sm">
        {device.instances.length > 1 && (
          <NativeSelect label={t('config.instance')} data={device.instances.map((i) => i.name)} value={instance} onChange={(e) => setInstance(e.currentTarget.value)} data-testid="config-instance" />
        )}
        <NativeSelect
          label={t('config.release')}
          data={LINUXPTP_RELEASES.map((r) => ({ value: r, label: r === deviceRelease && remote.linuxptpVersion ? t('config.releaseFromDevice', { release: r, version: remote.linuxptpVersion }) : r }))}
          value={release}
          onChange={(e) => setChosenRelease(e.currentTarget.value as LinuxptpRelease)}
          data-testid="config-release"
        />
        <NativeSelect
          label={t('config.template')}
          data={[{ value: '', label: t('config.templatePick') }, ...PTPCONF_TEMPLATE_IDS.map((id) => ({ value: id, label: t(`config.templates.${id}`) }))]}
          value=""
          onChange={(e) => useTemplate(e.currentTarget.value)}
          data-testid="config-template"
        />
        {configPath !== undefined && (
          <Button variant="default" onClick={() => void loadFromDevice()} loading={remote.load.busy} data-testid="config-load">
            {t('config.load')}
          </Button>
        )}
        <FileButton onChange={(f) => void openFile(f)}>
          {(props) => (
            <Button variant="default" {...props} data-testid="config-open-file">
              {t('config.openFile')}
            </Button>
          )}
        </FileButton>
      </Group>
      {configPath === undefined && (
        <Alert color="gray" data-testid="config-no-path">
          {t('config.noConfigPath', { instance })}
        </Alert>
      )}
      {remote.file && (
        <Text size="xs" c="dimmed" data-testid="config-loaded" data-path={remote.file.path}>
          {t('config.loaded', { path: remote.file.path, bytes: remote.file.sizeBytes })}
        </Text>
      )}
      {remote.load.error && <ErrorAlert error={remote.load.error} title={t('config.loadFailed')} testId="config-load-error" />}
      <IssueList check={check} onGoToLine={goToLine} />
      <SegmentedControl<View>
        value={view}
        onChange={setView}
        data={[
          { value: 'form', label: t('config.view.form') },
          { value: 'raw', label: t('config.view.raw') },
          { value: 'diff', label: `${t('config.view.diff')} (${diff.filter((d) => d.kind !== 'same').length})` },
        ]}
        data-testid="config-view"
      />
      {view === 'form' && <PtpConfForm text={text} model={check.model} release={release} onChange={setText} />}
      {view === 'raw' && <RawEditor ref={editor} text={text} issues={check.issues} onChange={setText} />}
      {view === 'diff' && <DiffView lines={diff} title={remote.file ? t('config.diff.againstDevice') : t('config.diff.againstStart')} />}
      <PushFlow deviceId={device.id} deviceName={device.name} instance={instance} file={remote.file} text={text} check={check} onPushed={() => {
        setPushes((n) => n + 1);
        void remote.read();
      }} />
      <Divider />
      <AuditList deviceId={device.id} refresh={pushes} />
    </Stack>
  );
}
