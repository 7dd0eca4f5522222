/**
 * Starting points for a ptp4l.conf, after linuxptp's own configs/ (default.cfg, gPTP.cfg,
 * G.8275.1.cfg, G.8275.2.cfg) with the settings each profile needs written out (e.g. the G.8275
 * domains, which the shipped files leave at 0). Each validates clean for every release from 3.1 on
 * (tested). Options at their defaults are left out, as in linuxptp's profile files.
 */
export const PTPCONF_TEMPLATE_IDS = ['default-e2e', 'gptp', 'g8275-1', 'g8275-2'] as const;
export type PtpConfTemplateId = (typeof PTPCONF_TEMPLATE_IDS)[number];

export interface PtpConfTemplate {
  id: PtpConfTemplateId;
  /** The profile's own name (not translated). */
  name: string;
  text: string;
}

const lines = (...l: string[]) => `${l.join('\n')}\n`;

export const PTPCONF_TEMPLATES: Readonly<Record<PtpConfTemplateId, PtpConfTemplate>> = {
  'default-e2e': {
    id: 'default-e2e',
    name: 'IEEE 1588 default (E2E, UDPv4)',
    text: lines(
      '# IEEE 1588 default profile (Annex J): UDPv4 multicast, delay request-response (E2E).',
      '[global]',
      'domainNumber            0',
      'priority1               128',
      'priority2               128',
      'logAnnounceInterval     1',
      'logSyncInterval         0',
      'logMinDelayReqInterval  0',
      'announceReceiptTimeout  3',
      'network_transport       UDPv4',
      'delay_mechanism         E2E',
      'time_stamping           hardware',
    ),
  },
  gptp: {
    id: 'gptp',
    name: 'gPTP / IEEE 802.1AS',
    text: lines(
      '# IEEE 802.1AS (gPTP): L2, peer delay (P2P), transportSpecific 1. pmc needs -t 1.',
      '[global]',
      'gmCapable               1',
      'priority1               248',
      'priority2               248',
      'logAnnounceInterval     0',
      'logSyncInterval         -3',
      'syncReceiptTimeout      3',
      'neighborPropDelayThresh 800',
      'min_neighbor_prop_delay -20000000',
      'assume_two_step         1',
      'path_trace_enabled      1',
      'follow_up_info          1',
      'transportSpecific       0x1',
      'ptp_dst_mac             01:80:C2:00:00:0E',
      'network_transport       L2',
      'delay_mechanism         P2P',
      'time_stamping           hardware',
    ),
  },
  'g8275-1': {
    id: 'g8275-1',
    name: 'ITU-T G.8275.1 (full timing support)',
    text: lines(
      '# ITU-T G.8275.1: L2 multicast, E2E, Sync 16/s, Announce 8/s, domain 24 (24-43).',
      '[global]',
      'domainNumber                    24',
      'dataset_comparison              G.8275.x',
      'G.8275.defaultDS.localPriority  128',
      'maxStepsRemoved                 255',
      'logAnnounceInterval             -3',
      'logSyncInterval                 -4',
      'logMinDelayReqInterval          -4',
      'G.8275.portDS.localPriority     128',
      'ptp_dst_mac                     01:80:C2:00:00:0E',
      'network_transport               L2',
      'delay_mechanism                 E2E',
      'time_stamping                   hardware',
    ),
  },
  'g8275-2': {
    id: 'g8275-2',
    name: 'ITU-T G.8275.2 (partial timing support)',
    text: lines(
      '# ITU-T G.8275.2: unicast UDP, E2E, domain 44 (44-63). A client lists its masters',
      '# in a [unicast_master_table] and selects it with unicast_master_table N on its port.',
      '[global]',
      'domainNumber                    44',
      'dataset_comparison              G.8275.x',
      'G.8275.defaultDS.localPriority  128',
      'maxStepsRemoved                 255',
      'logAnnounceInterval             0',
      'G.8275.portDS.localPriority     128',
      'hybrid_e2e                      1',
      'inhibit_multicast_service       1',
      'unicast_listen                  1',
      'unicast_req_duration            60',
      'network_transport               UDPv4',
      'delay_mechanism                 E2E',
      'time_stamping                   hardware',
    ),
  },
};
