import { describe, expect, it } from 'vitest';
import { issueText } from './issue';
import { validatePtpConf } from './validate';

const found = (text: string, release: '3.1' | '4.4' = '4.4') => validatePtpConf(text, { release }).issues.map((i) => `${i.line} ${i.severity} ${issueText(i, 'en').message}`);

describe('cross-field rules', () => {
  it('BMCA noop needs serverOnly on the port or clientOnly', () => {
    expect(found('[global]\nBMCA noop\n')).toEqual(['2 error Line 2: BMCA noop on [global] needs serverOnly 1 on that port or clientOnly 1.']);
    expect(found('[global]\nBMCA noop\nclientOnly 1\n')).toEqual([]);
    expect(found('[global]\n[eth0]\nBMCA noop\nserverOnly 1\n[eth1]\nBMCA noop\n')).toEqual(['6 error Line 6: BMCA noop on [eth1] needs serverOnly 1 on that port or clientOnly 1.']);
    // 3.1 spells them slaveOnly / masterOnly.
    expect(found('[global]\nBMCA noop\nslaveOnly 1\n', '3.1')).toEqual([]);
  });

  it('one-step needs hardware time stamping', () => {
    expect(found('[global]\ntwoStepFlag 0\ntime_stamping software\n')).toEqual(['2 error Line 2: one-step (twoStepFlag 0) needs hardware time stamping, but time_stamping is software.']);
    expect(found('[global]\ntwoStepFlag 0\n')).toEqual([]);
    expect(found('[global]\ntime_stamping p2p1step\ndelay_mechanism E2E\n')).toEqual(['2 error Line 2: time_stamping p2p1step needs delay_mechanism P2P, but [global] uses E2E.']);
  });

  it('inhibit_delay_req needs asCapable true; clientOnly cannot meet gmCapable 0; hybrid_e2e needs E2E', () => {
    expect(found('[global]\n[eth0]\ninhibit_delay_req 1\n')).toEqual(['3 error Line 3: inhibit_delay_req on [eth0] needs asCapable true.']);
    expect(found('[global]\nclientOnly 1\ngmCapable 0\n')).toEqual(['2 error Line 2: clientOnly 1 cannot be combined with gmCapable 0.']);
    expect(found('[global]\nhybrid_e2e 1\ndelay_mechanism P2P\n')).toEqual(['2 error Line 2: hybrid_e2e on [global] works only with delay_mechanism E2E, not P2P.']);
  });

  it('transparent clocks need the matching delay mechanism on every port', () => {
    expect(found('[global]\nclock_type P2P_TC\n[eth0]\n[eth1]\ndelay_mechanism P2P\n')).toEqual(['2 error Line 2: clock_type P2P_TC needs delay_mechanism P2P on every port, but [global] uses E2E.']);
    expect(found('[global]\nclock_type E2E_TC\n[eth1]\ndelay_mechanism P2P\n')).toEqual(['4 error Line 4: clock_type E2E_TC needs delay_mechanism E2E on every port, but [eth1] uses P2P.']);
  });

  it('gPTP needs L2, P2P and transportSpecific 1 on every port', () => {
    expect(found('[global]\ntransportSpecific 0x1\nnetwork_transport L2\ndelay_mechanism P2P\n[eth1]\nnetwork_transport UDPv4\n')).toEqual([
      '6 error Line 6: gPTP (802.1AS) on [eth1] needs network_transport L2, not UDPv4.',
    ]);
    expect(found('[global]\nfollow_up_info 1\n')).toEqual([
      '1 error Line 1: gPTP (802.1AS) on [global] needs network_transport L2, not UDPv4.',
      '1 error Line 1: gPTP (802.1AS) on [global] needs delay_mechanism P2P, not E2E.',
      '1 error Line 1: gPTP (802.1AS) on [global] needs transportSpecific 1, not 0.',
    ]);
  });

  it('G.8275.1: L2 multicast to a telecom address, E2E, domain 24–43, its rates and priority1 128', () => {
    const g1 = '[global]\ndataset_comparison G.8275.x\nnetwork_transport L2\nptp_dst_mac 01:00:5E:00:01:81\ndomainNumber 4\npriority1 100\n';
    expect(found(g1)).toEqual([
      '4 error Line 4: G.8275.1 on [global] needs ptp_dst_mac 01:1B:19:00:00:00 / 01:80:C2:00:00:0E, not 01:00:5E:00:01:81.',
      '5 warning Line 5: domainNumber 4 is outside the G.8275.1 range 24 to 43.',
      '6 warning Line 6: G.8275.1 expects priority1 128, not 100.',
      '1 warning Line 1: G.8275.1 expects logSyncInterval -4, not 0.',
      '1 warning Line 1: G.8275.1 expects logAnnounceInterval -3, not 1.',
    ].sort((a, b) => parseInt(a) - parseInt(b)));
    expect(found('[global]\ndomainNumber 24\nnetwork_transport L2\n')).toEqual(['2 warning Line 2: G.8275.1 expects dataset_comparison G.8275.x, not ieee1588.']);
  });

  it('G.8275.2: unicast, domain 44–63', () => {
    expect(found('[global]\ndataset_comparison G.8275.x\ndomainNumber 44\n')).toEqual(['2 warning Line 2: G.8275.2 is unicast, but no port sets unicast_listen 1 or a unicast_master_table.']);
    expect(found('[global]\ndataset_comparison G.8275.x\ndomainNumber 70\n[unicast_master_table]\ntable_id 1\nUDPv4 192.0.2.1\n[eth0]\nunicast_master_table 1\n')).toEqual(['3 warning Line 3: domainNumber 70 is outside the G.8275.2 range 44 to 63.']);
  });

  it('ts2phc holdover needs a servo lock threshold', () => {
    expect(found('[global]\n[eth0]\nts2phc.holdover 60\n')).toEqual(['3 warning Line 3: ts2phc.holdover needs servo_offset_threshold above 0.']);
    expect(found('[global]\nservo_offset_threshold 100\n[eth0]\nts2phc.holdover 60\n')).toEqual([]);
  });
});
