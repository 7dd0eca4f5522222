import { benchAlarmEval } from './alarm-eval.bench';
import { benchCollectionCpu } from './collection-cpu.bench';
import { benchHistoryBytes } from './history-bytes.bench';
import { benchHistoryIngest } from './history-ingest.bench';
import { benchHistoryQuery } from './history-query.bench';
import { benchHistoryExport } from './history-export.bench';
import { benchLogImport } from './log-import.bench';
import { benchLogParse } from './log-parse.bench';
import { benchPmcParse } from './pmc-parse.bench';
import { benchPollTransport, type BenchResult } from './poll-transport.bench';
import { benchPtpConf } from './ptpconf.bench';
import { benchSerialConsole } from './serial-console.bench';
import { benchSeriesWrites } from './series-writes.bench';
import { benchTimingAnalysis } from './timing-analysis.bench';
import { benchTsnCollect } from './tsn-collect.bench';

// `npm run bench`: each benchmark prints its numbers next to a baseline measured in the same run.
async function main(): Promise<void> {
  const results: BenchResult[] = [benchPmcParse(), await benchLogParse(), await benchLogImport(), benchSeriesWrites(), benchHistoryBytes(), benchHistoryIngest(), benchHistoryQuery(), benchTimingAnalysis(), benchPtpConf(), await benchTsnCollect(), await benchHistoryExport(), await benchPollTransport(), await benchCollectionCpu(), await benchSerialConsole(), await benchAlarmEval()];
  for (const r of results) {
    console.log(`\n${r.name}`);
    for (const l of r.lines) console.log(`  ${l}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
