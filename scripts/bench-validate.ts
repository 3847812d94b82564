/**
 * `npm run bench -- --validator`: times `npm run validate` on its own, without
 * building. It copies content/ into a temporary folder, tops it up to
 * `--files` entries with the build benchmark's synthetic entries, and runs the
 * validator's command line there (Node start-up included) under
 * /usr/bin/time, alternating, `--runs` times: on every core and on one thread
 * without the cache (a first run, or CI), and on every core with the cache an
 * earlier run left (an editor's next run).
 * With `--cases` it also times the validator on each bad-content case by
 * itself (YAML alias bombs, deep nesting, huge files), the "no run
 * over 5 seconds". `--handbook <checkout>` times another checkout's validator
 * on the same files (before/after a change). Figures are printed and written
 * to bench/results/validator.{json,md}; nothing here fails on a time.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCases, makeSite as makeCaseSite } from '../tests/support/bad-content.ts';
import { countEntries, generateContent } from './bench-content.ts';
import { ROOT, timed, type TimedRun } from './bench-run.ts';

interface Figure {
  label: string;
  wallSeconds: number;
  cpuSeconds: number | null;
  peakRssMB: number | null;
  loadAverageBefore: number;
  otherCpuSeconds: number | null;
}

export async function benchValidator(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      validator: { type: 'boolean' },
      files: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '3' },
      cases: { type: 'boolean', default: false },
      handbook: { type: 'string' },
      out: { type: 'string', default: join(ROOT, 'bench/results') },
    },
  });
  const size = Number(values.files);
  const site = mkdtempSync(join(tmpdir(), 'handbook-validate-'));
  const figures: Figure[] = [];
  const slowestCases: { name: string; wallSeconds: number; cpuSeconds: number | null }[] = [];
  try {
    cpSync(join(ROOT, 'content'), join(site, 'content'), { recursive: true });
    const real = countEntries(join(site, 'content'));
    generateContent(join(site, 'content'), Math.max(0, size - real));
    console.log(`▶ validator on ${size} entries (${real} real) in ${site}`);
    const cli = validateCommand(ROOT);
    const validators: [string, string[]][] = [
      ['every core, no cache', [...cli, '--no-cache']],
      ['one thread, no cache', [...cli, '--threads', '1', '--no-cache']],
      ['every core, cache of an earlier run', cli],
    ];
    // Fills the cache for the runs that use it; untimed.
    await timed([...cli, '--root', site], site, join(site, 'validate.log'));
    if (values.handbook) validators.push([`${values.handbook}`, validateCommand(resolve(values.handbook))]);
    for (let run = 0; run < Number(values.runs); run++) {
      for (const [label, args] of validators) {
        const result = await timed([...args, '--root', site], site, join(site, 'validate.log'));
        // Another checkout's schemas may reject today's real entries (exit 1); it still checked every file.
        if (result.code !== 0 && !(label === values.handbook && result.code === 1))
          throw new Error(`${label}: the validator failed (exit ${result.code}):\n${result.output.slice(-2000)}`);
        figures.push(figure(label, result));
        console.log(`  ${line(figures[figures.length - 1]!)}`);
      }
    }
    if (values.cases) {
      for (const c of loadCases()) {
        const dir = makeCaseSite([c]);
        const result = await timed([...validateCommand(ROOT), '--no-cache', '--root', dir], dir, join(dir, 'validate.log'));
        slowestCases.push({ name: c.name, wallSeconds: result.wallSeconds, cpuSeconds: result.cpuSeconds });
        rmSync(dir, { recursive: true, force: true });
      }
      slowestCases.sort((a, b) => b.wallSeconds - a.wallSeconds);
      console.log(`  bad-content cases: ${slowestCases.length}, slowest:`);
      for (const c of slowestCases.slice(0, 5)) console.log(`    ${c.name}: ${c.wallSeconds} s wall, ${c.cpuSeconds ?? 'n/a'} s CPU`);
    }
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
  mkdirSync(values.out!, { recursive: true });
  const recorded = {
    date: new Date().toISOString(),
    files: size,
    loadAverage: loadavg()[0],
    figures,
    slowestCases: slowestCases.slice(0, 10),
  };
  writeFileSync(join(values.out!, 'validator.json'), `${JSON.stringify(recorded, null, 2)}\n`);
  const md = [
    `Validator at ${size} entries, ${recorded.date}`,
    '',
    '| Validator | Wall | CPU | Peak memory | Load before | Other CPU meanwhile |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...figures.map(
      (f) =>
        `| ${f.label} | ${f.wallSeconds} s | ${f.cpuSeconds ?? 'n/a'} s | ${f.peakRssMB ?? 'n/a'} MB | ${f.loadAverageBefore} | ${f.otherCpuSeconds ?? 'n/a'} s |`,
    ),
    ...(slowestCases.length
      ? [
          '',
          'Slowest bad-content cases:',
          '',
          ...slowestCases.slice(0, 10).map((c) => `- ${c.name}: ${c.wallSeconds} s wall, ${c.cpuSeconds} s CPU`),
        ]
      : []),
  ];
  writeFileSync(join(values.out!, 'validator.md'), `${md.join('\n')}\n`);
}

/**
 * A checkout's `npm run validate` as its package.json writes it (Node's flags included: the young generation's size
 * changes the run's CPU time), run by this Node rather than through npm, whose own start-up would be timed too.
 */
function validateCommand(checkout: string): string[] {
  const script = (JSON.parse(readFileSync(join(checkout, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts[
    'validate'
  ];
  const words = script?.split(/\s+/) ?? [];
  if (words[0] !== 'node' || !words.some((w) => w.endsWith('.ts')))
    throw new Error(`${checkout}: package.json's validate script is not "node … <script>.ts"`);
  return [process.execPath, ...words.slice(1).map((w) => (w.endsWith('.ts') ? join(checkout, w) : w))];
}

const figure = (label: string, r: TimedRun): Figure => ({
  label,
  wallSeconds: r.wallSeconds,
  cpuSeconds: r.cpuSeconds,
  peakRssMB: r.peakRssMB,
  loadAverageBefore: r.loadAverageBefore,
  otherCpuSeconds: r.otherCpuSeconds,
});

const line = (f: Figure) =>
  `${f.label}: ${f.wallSeconds} s wall, ${f.cpuSeconds ?? 'n/a'} s CPU, ${f.peakRssMB ?? 'n/a'} MB (load ${f.loadAverageBefore}, others used ${f.otherCpuSeconds ?? 'n/a'} s CPU meanwhile)`;
