/**
 * `kmsbench report DIR [DIR …]`: render result directories (conformance results.json, load
 * load.json, plan.json, kmsbench diff's diff.json) into index.html, report.md and junit.xml.
 * Several directories are several targets, compared side by side.
 *
 * @module
 */
import { toolVersion } from '../harness/conformance/tool-version.js';
import { readRuns, reportDeltas } from '../harness/gate/index.js';
import { readResultFolder, writeFiles } from '../harness/results/result-folder.js';
import { renderReport, type ReportInput } from '../reports/index.js';
import { EXIT } from '../common/exit-codes.js';
import { parse, UsageError } from './args.js';

export const reportUsage = `kmsbench report DIR [DIR …] [options]
  Reads every results.json (conformance), load.json (load), plan.json (kmsbench plan --json) and
  diff.json (kmsbench diff) in each DIR (and up to three levels below) and writes index.html —
  one self-contained file —, report.md (for pull-request comments) and junit.xml. Several DIRs
  are several targets (e.g. the reference server, an emulator, real AWS), compared side by side.

  --out DIR          where the report goes (default: the first DIR)
  --label NAME       a target's name, in the order of the DIRs (default: the directory's name)
  --title TEXT       the report's title
  --baseline FILE    show load results against a baseline (kmsbench gate --save-baseline), a
                     load.json or a directory of them, with noise bands`;

export async function report(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      out: { type: 'string' },
      label: { type: 'string', multiple: true },
      title: { type: 'string' },
      baseline: { type: 'string' },
    },
    true,
  );
  if (values.help) {
    console.log(reportUsage);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('at least one result directory is required');
  const labels = values.label ?? [];
  if (labels.length > positionals.length) throw new UsageError(`${labels.length} --label for ${positionals.length} directories`);
  // Unreadable or invalid inputs throw: main prints the message, exit EXIT_FAILED.
  const targets = positionals.map((dir, i) => readResultFolder(dir, labels[i]));
  const input: ReportInput = {
    ...(values.title ? { title: values.title } : {}),
    generatedAt: new Date().toISOString(),
    toolVersion: toolVersion(),
    targets,
    ...(values.baseline ? { deltas: reportDeltas({ source: values.baseline, runs: readRuns(values.baseline) }, targets) } : {}),
  };
  const paths = writeFiles(values.out ?? positionals[0]!, renderReport(input));
  console.log(`wrote ${paths['report.md']}`);
  console.log(`wrote ${paths['junit.xml']}`);
  console.log(paths['index.html']);
  return EXIT.ok;
}
