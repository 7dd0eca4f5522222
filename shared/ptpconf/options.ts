import type { OptionAlias, OptionEra, OptionScope, OptionType, PtpOption } from './option-spec';
import type { LinuxptpRelease } from './versions';

/*
 * ptp4l's options as data, after linuxptp's own `config_tab` (config.c): name, scope, type, default
 * and range. Sources: config.c on master after 4.4 (read in linuxptp's public source), the option
 * names in the 3.1.1 ptp4l binary of this machine (Debian 3.1.1-4) and its behaviour on bad files,
 * and a 2.0-era table (NXP openil fork). First releases other than 3.1 and "after 4.4" are inferred
 * from linuxptp's history and marked `sinceInferred`. phc2sys and ts2phc read the same table.
 */

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const UINT32_MAX = 4294967295;

interface Extra {
  since?: LinuxptpRelease;
  sinceInferred?: boolean;
  eras?: OptionEra[];
  valueSince?: Record<string, LinuxptpRelease>;
  acceptsAsap?: boolean;
}

function row(name: string, scope: OptionScope, type: OptionType, def: string, range: { min?: number; max?: number; values?: readonly string[] }, x: Extra): PtpOption {
  const since = x.since ?? '1.9';
  return {
    name,
    type,
    scope,
    default: def,
    ...range,
    since,
    ...(x.sinceInferred ?? since !== '3.1' ? { sinceInferred: true } : {}),
    ...(x.eras ? { eras: x.eras } : {}),
    ...(x.valueSince ? { valueSince: x.valueSince } : {}),
    ...(x.acceptsAsap ? { acceptsAsap: true } : {}),
  };
}

const int = (scope: OptionScope) => (name: string, def: number, min: number, max: number, x: Extra = {}) => row(name, scope, 'int', String(def), { min, max }, x);
const dbl = (scope: OptionScope) => (name: string, def: string, min: number, max: number, x: Extra = {}) => row(name, scope, 'double', def, { min, max }, x);
const enu = (scope: OptionScope) => (name: string, values: readonly string[], x: Extra = {}) => row(name, scope, 'enum', values[0] ?? '', { values }, x);
const str = (scope: OptionScope, type: OptionType = 'string') => (name: string, def: string, x: Extra = {}) => row(name, scope, type, def, {}, x);

const gInt = int('global');
const pInt = int('port');
const gDbl = dbl('global');
const gEnu = enu('global');
const pEnu = enu('port');
const gStr = str('global');
const pStr = str('port');
const bool = (scope: OptionScope) => (name: string, def: 0 | 1, x: Extra = {}) => int(scope)(name, def, 0, 1, x);
const gBool = bool('global');
const pBool = bool('port');
const i8 = (name: string, def: number, x: Extra = {}) => pInt(name, def, -128, 127, x);

const v2: Extra = { since: '2.0' };
const v3: Extra = { since: '3.0' };
const v31: Extra = { since: '3.1', sinceInferred: false };
const v40: Extra = { since: '4.0' };
const v42: Extra = { since: '4.2' };
const v43: Extra = { since: '4.3' };
const v44: Extra = { since: '4.4' };

/** Every ptp4l.conf option linuxptp knows, alphabetical as in config.c. */
export const PTP_OPTIONS: readonly PtpOption[] = [
  row('active_key_id', 'port', 'uint', '0', { min: 0, max: UINT32_MAX }, v42),
  pInt('allow_unauth', 0, 0, 2, v42),
  pInt('allowedLostResponses', 3, 1, 255, v40),
  pInt('announceReceiptTimeout', 3, 2, 255),
  pEnu('asCapable', ['auto', 'true'], v3),
  gBool('assume_two_step', 0),
  pBool('boundary_clock_jbod', 0),
  pEnu('BMCA', ['ptp', 'noop'], v3),
  gBool('check_fup_sync', 0),
  gBool('clientOnly', 0, v40),
  gInt('clockAccuracy', 0xfe, 0, 255),
  gInt('clockClass', 248, 0, 255),
  str('global', 'clock-identity')('clockIdentity', '000000.0000.000000'),
  gInt('clock_class_threshold', 248, 6, 248, v40),
  gEnu('clock_servo', ['pi', 'linreg', 'ntpshm', 'nullf', 'refclock_sock'], { valueSince: { refclock_sock: '4.2' } }),
  gEnu('clock_type', ['OC', 'BC', 'P2P_TC', 'E2E_TC'], v2),
  pStr('cmlds.client_address', '/var/run/cmlds_client', v43),
  pInt('cmlds.domainNumber', 0, 0, 255, v43),
  pInt('cmlds.majorSdoId', 2, 0, 0x0f, v43),
  pInt('cmlds.port', 0, 0, 65535, v43),
  pStr('cmlds.server_address', '/var/run/cmlds_server', v43),
  gEnu('dataset_comparison', ['ieee1588', 'G.8275.x'], v2),
  pInt('delayAsymmetry', 0, INT_MIN, INT_MAX),
  pEnu('delay_filter', ['moving_median', 'moving_average']),
  pInt('delay_filter_length', 10, 1, INT_MAX),
  pEnu('delay_mechanism', ['E2E', 'P2P', 'Auto', 'COMMON_P2P', 'NONE'], { valueSince: { COMMON_P2P: '4.3', NONE: '4.0' } }),
  pInt('delay_response_timeout', 0, 0, 255, v43),
  gInt('dscp_event', 0, 0, 63),
  gInt('dscp_general', 0, 0, 63),
  gInt('domainNumber', 0, 0, 255, { eras: [{ before: '4.0', max: 127 }] }),
  pInt('egressLatency', 0, INT_MIN, INT_MAX),
  pInt('fault_badpeernet_interval', 16, INT_MIN, INT_MAX, { acceptsAsap: true }),
  pInt('fault_reset_interval', 4, -128, 127, { acceptsAsap: true }),
  gDbl('first_step_threshold', '0.00002', 0, Number.MAX_VALUE),
  pBool('follow_up_info', 0),
  gBool('free_running', 0),
  pInt('freq_est_interval', 1, INT_MIN, INT_MAX, { eras: [{ before: '4.0', min: 0 }] }),
  gInt('G.8275.defaultDS.localPriority', 128, 1, 255, v2),
  pInt('G.8275.portDS.localPriority', 128, 1, 255, v2),
  gBool('gmCapable', 1),
  gEnu('hwts_filter', ['normal', 'check', 'full'], v2),
  pBool('hybrid_e2e', 0, v2),
  pBool('ignore_source_id', 0, v3),
  pBool('ignore_transport_specific', 0, v2),
  pInt('ingressLatency', 0, INT_MIN, INT_MAX),
  pBool('inhibit_announce', 0, v3),
  pBool('inhibit_delay_req', 0, v3),
  pBool('inhibit_multicast_service', 0, v2),
  gInt('initial_delay', 0, 0, INT_MAX, v3),
  pBool('interface_rate_tlv', 0, v40),
  gBool('kernel_leap', 1),
  gStr('leapfile', '', v31),
  i8('logAnnounceInterval', 1),
  i8('logMinDelayReqInterval', 0),
  i8('logMinPdelayReqInterval', 0),
  i8('logSyncInterval', 0),
  gInt('logging_level', 6, 0, 7),
  pBool('masterOnly', 0),
  gInt('maxStepsRemoved', 255, 2, 255, v2),
  gStr('message_tag', '', v2),
  str('global', 'oui')('manufacturerIdentity', '00:00:00'),
  gInt('max_frequency', 900000000, 0, INT_MAX),
  pInt('min_neighbor_prop_delay', -20000000, INT_MIN, -1),
  pBool('msg_interval_request', 0, v3),
  pInt('neighborPropDelayThresh', 20000000, 0, INT_MAX),
  pBool('net_sync_monitor', 0, v2),
  pEnu('network_transport', ['UDPv4', 'UDPv6', 'L2']),
  gInt('ntpshm_segment', 0, INT_MIN, INT_MAX),
  gInt('offsetScaledLogVariance', 0xffff, 0, 65535),
  i8('operLogPdelayReqInterval', 0, v3),
  i8('operLogSyncInterval', 0, v3),
  str('port', 'ipv4')('p2p_dst_ipv4', '224.0.0.107', v43),
  str('port', 'ipv6')('p2p_dst_ipv6', 'FF02:0:0:0:0:0:0:6B', v43),
  str('port', 'mac')('p2p_dst_mac', '01:80:C2:00:00:0E'),
  pBool('path_trace_enabled', 0),
  pInt('phc_index', -1, -1, INT_MAX, v40),
  gDbl('pi_integral_const', '0.0', 0, Number.MAX_VALUE),
  gDbl('pi_integral_exponent', '0.4', -Number.MAX_VALUE, Number.MAX_VALUE),
  gDbl('pi_integral_norm_max', '0.3', Number.MIN_VALUE, 2),
  gDbl('pi_integral_scale', '0.0', 0, Number.MAX_VALUE),
  gDbl('pi_proportional_const', '0.0', 0, Number.MAX_VALUE),
  gDbl('pi_proportional_exponent', '-0.3', -Number.MAX_VALUE, Number.MAX_VALUE),
  gDbl('pi_proportional_norm_max', '0.7', Number.MIN_VALUE, 1),
  gDbl('pi_proportional_scale', '0.0', 0, Number.MAX_VALUE),
  pEnu('power_profile.version', ['none', '2011', '2017'], v40),
  pInt('power_profile.2011.grandmasterTimeInaccuracy', -1, -1, INT_MAX, v40),
  pInt('power_profile.2011.networkTimeInaccuracy', -1, -1, INT_MAX, v40),
  pInt('power_profile.2017.totalTimeInaccuracy', -1, -1, INT_MAX, v40),
  pInt('power_profile.grandmasterID', 0, 0, 0xffff, v40),
  gInt('priority1', 128, 0, 255),
  gInt('priority2', 128, 0, 255),
  gStr('productDescription', ';;'),
  str('port', 'ipv4')('ptp_dst_ipv4', '224.0.1.129', v43),
  str('port', 'ipv6')('ptp_dst_ipv6', 'FF0E:0:0:0:0:0:0:181', v43),
  str('port', 'mac')('ptp_dst_mac', '01:1B:19:00:00:00'),
  gBool('ptp_minor_version', 1, v40),
  gStr('refclock_sock_address', '/var/run/refclock.ptp.sock', v42),
  gStr('revisionData', ';;'),
  gStr('sa_file', '', v42),
  gInt('sanity_freq_limit', 200000000, 0, INT_MAX),
  pBool('serverOnly', 0, v40),
  gInt('servo_num_offset_values', 10, 0, INT_MAX, v2),
  gInt('servo_offset_threshold', 0, 0, INT_MAX, v2),
  gStr('slave_event_monitor', '', v3),
  gBool('slaveOnly', 0),
  gInt('socket_priority', 0, 0, 15, v3),
  pInt('spp', -1, -1, 255, v42),
  gDbl('step_threshold', '0.0', 0, Number.MAX_VALUE),
  gInt('step_window', 0, 0, INT_MAX, v40),
  gInt('summary_interval', 0, INT_MIN, INT_MAX),
  pInt('syncReceiptTimeout', 0, 0, 255),
  gBool('tc_spanning_tree', 0, v2),
  gInt('timeSource', 0xa0, 0x10, 0xfe),
  gEnu('time_stamping', ['hardware', 'software', 'legacy', 'onestep', 'p2p1step'], { valueSince: { onestep: '2.0', p2p1step: '2.0' } }),
  pInt('transportSpecific', 0, 0, 0x0f),
  pInt('ts2phc.channel', 0, 0, INT_MAX, v3),
  pInt('ts2phc.extts_correction', 0, INT_MIN, INT_MAX, v3),
  pEnu('ts2phc.extts_polarity', ['rising', 'falling', 'both'], v3),
  pInt('ts2phc.holdover', 0, 0, INT_MAX, v40),
  pBool('ts2phc.master', 0, v3),
  pInt('ts2phc.nmea_baudrate', 9600, 300, INT_MAX, v40),
  pInt('ts2phc.nmea_delay', 0, INT_MIN, INT_MAX, v44),
  gStr('ts2phc.nmea_remote_host', '', v3),
  gStr('ts2phc.nmea_remote_port', '', v3),
  gStr('ts2phc.nmea_serialport', '/dev/ttyS0', v3),
  pInt('ts2phc.perout_phase', -1, 0, 999999999, v40),
  pInt('ts2phc.pin_index', 0, 0, INT_MAX, v3),
  gInt('ts2phc.pulsewidth', 500000000, 1000000, 999000000, v3),
  gStr('ts2phc.tod_source', 'generic', v40),
  pEnu('tsproc_mode', ['filter', 'raw', 'filter_weight', 'raw_weight']),
  gBool('twoStepFlag', 1),
  gInt('tx_timestamp_timeout', 10, 1, INT_MAX, { eras: [{ before: '4.0', default: '1' }] }),
  pInt('udp_ttl', 1, 1, 255, v2),
  pInt('udp6_scope', 0x0e, 0, 0x0f),
  gStr('uds_address', '/var/run/ptp4l'),
  pInt('uds_file_mode', 0o660, 0, 0o777, v40),
  gStr('uds_ro_address', '/var/run/ptp4lro', v40),
  pInt('uds_ro_file_mode', 0o666, 0, 0o777, v40),
  pBool('unicast_listen', 0, v2),
  pInt('unicast_master_table', 0, 0, INT_MAX, v2),
  pInt('unicast_req_duration', 3600, 10, INT_MAX, v2),
  gBool('use_syslog', 1),
  gStr('userDescription', ''),
  gInt('utc_offset', 37, 0, INT_MAX),
  gBool('verbose', 0),
  gBool('write_phase_mode', 0, v31),
];

/**
 * Deprecated names ptp4l still reads as another option, printing "option X is deprecated, please use
 * Y instead". Before 4.0 masterOnly and slaveOnly were the options themselves (rows above).
 */
export const OPTION_ALIASES: readonly OptionAlias[] = [
  { alias: 'pi_offset_const', option: 'step_threshold', since: '1.9' },
  { alias: 'pi_f_offset_const', option: 'first_step_threshold', since: '1.9' },
  { alias: 'pi_max_frequency', option: 'max_frequency', since: '1.9' },
  { alias: 'masterOnly', option: 'serverOnly', since: '4.0' },
  { alias: 'slaveOnly', option: 'clientOnly', since: '4.0' },
];

const BY_NAME = new Map(PTP_OPTIONS.map((o) => [o.name, o]));

/** The option of that exact name (ptp4l's names are case-sensitive). */
export function optionNamed(name: string): PtpOption | undefined {
  return BY_NAME.get(name);
}
