import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEthtoolStats } from './ethtool-stats';
import { queueCounterName } from './ethtool-queue-names';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const q = (file: string) =>
  parseEthtoolStats(fixture(file))
    .queues.map((c) => `${c.direction}${c.queue}.${c.counter}=${c.value}`)
    .sort();

describe('ethtool -S per-queue counters', () => {
  it('normalizes every driver naming scheme to {queue, direction, counter} and keeps the raw name', () => {
    expect(q('ethtool-igc-S.txt')).toEqual(['rx0.alloc_failed=0', 'rx0.bytes=1024000', 'rx0.csum_err=0', 'rx0.drops=4', 'rx0.packets=8123', 'tx0.bytes=800000', 'tx0.packets=6000', 'tx0.restart=0', 'tx1.bytes=100100', 'tx1.packets=1001', 'tx1.restart=0']);
    expect(q('ethtool-stmmac-S.txt')).toEqual(['rx0.normal_irq_n=300', 'rx0.packets=7000', 'tx0.irq_n=120', 'tx0.packets=3500', 'tx1.irq_n=20', 'tx1.packets=500']);
    expect(q('ethtool-i40e-S.txt')).toEqual(['rx0.bytes=700000', 'rx0.packets=5000', 'tx0.bytes=450000', 'tx0.packets=3000', 'tx1.bytes=150000', 'tx1.packets=1000']);
    expect(q('ethtool-mlx5-S.txt')).toEqual(['rx0.bytes=12000', 'rx0.packets=120', 'rx0.xdp_drop=0', 'tx0.bytes=40000', 'tx0.drops=2', 'tx0.packets=400', 'tx1.bytes=5600', 'tx1.packets=56']);
    expect(q('ethtool-enetc-S.txt')).toEqual(['rx0.alloc_errors=0', 'rx0.packets=500', 'tx0.packets=300', 'tx0.window_drops=7', 'tx0.xdp_drops=0', 'tx0.xdp_frames=0', 'tx1.packets=20', 'tx1.window_drops=0', 'tx1.xdp_drops=0', 'tx1.xdp_frames=0']);
    expect(q('ethtool-virtio-net-S.txt')).toEqual(['rx0.bytes=9000', 'rx0.drops=0', 'rx0.kicks=2', 'rx0.packets=70', 'tx0.bytes=7000', 'tx0.kicks=55', 'tx0.packets=60', 'tx0.xdp_tx=0']);
    const enetc = parseEthtoolStats(fixture('ethtool-enetc-S.txt'));
    expect(enetc.queues.find((c) => c.counter === 'window_drops' && c.queue === 0)?.raw).toBe('Tx window drop  0 frames');
    expect(enetc.device).toEqual({ 'SI rx octets': 8000, 'SI tx octets': 6000 });
  });

  it('keeps names that are not per queue as device counters', () => {
    const s = parseEthtoolStats(fixture('ethtool-stmmac-S.txt'));
    expect(s.device).toEqual({ mmc_tx_octetcount_gb: 5120000, mmc_tx_framecount_gb: 4000, mtl_tx_status_fifo_full: 0, mtl_tx_fifo_not_empty: 12, mmc_rx_fpe_fragment_cntr: 0 });
    expect(parseEthtoolStats(fixture('ethtool-mlx5-S.txt')).device).toEqual({ rx_packets: 123, tx_packets: 456, tx_pci_signal_integrity: 0 });
    expect(queueCounterName('tx_timeout_count')).toBeNull();
  });

  it('reads the real veth printout of this machine (4 queues each way)', () => {
    const s = parseEthtoolStats(fixture('ethtool-6.1-veth-S.txt'));
    expect(s.problems).toEqual([]);
    expect(s.device).toEqual({ peer_ifindex: 2 });
    expect(new Set(s.queues.map((c) => `${c.direction}${c.queue}`))).toEqual(new Set(['rx0', 'rx1', 'rx2', 'rx3', 'tx0', 'tx1', 'tx2', 'tx3']));
    expect(s.queues.find((c) => c.raw === 'rx_queue_0_xdp_packets')).toMatchObject({ queue: 0, direction: 'rx', counter: 'xdp_packets' });
  });

  it('reads the standard groups of --json -S --groups, histograms included', () => {
    const s = parseEthtoolStats(fixture('ethtool-S-groups.json'));
    expect(s.iface).toBe('eth0');
    expect(s.device).toEqual({
      'eth-mac.FramesTransmittedOK': 1200,
      'eth-mac.FramesReceivedOK': 1100,
      'eth-mac.FrameCheckSequenceErrors': 0,
      'eth-ctrl.MACControlFramesTransmitted': 0,
      'rmon.etherStatsUndersizePkts': 1,
      'rmon.rx-pkts0to64': 1,
      'rmon.rx-pkts65to127': 20,
    });
    const veth = parseEthtoolStats(fixture('ethtool-6.1-veth-S-all-groups.json'));
    expect(veth).toMatchObject({ iface: 'v0', device: {}, queues: [], problems: [] });
  });

  it('says what the tool said when it refused, never throws', () => {
    const s = parseEthtoolStats(fixture('ethtool-6.1-json-S-refused.txt'));
    expect(s.problems[0]).toMatchObject({ messageId: 'tsn.tool-failed' });
    expect(s.problems[0]?.message).toContain('bad command line argument');
    expect(parseEthtoolStats('[{"ifname":').problems[0]?.messageId).toBe('tsn.not-json');
    expect(parseEthtoolStats('').problems[0]?.messageId).toBe('tsn.no-entries');
  });
});
