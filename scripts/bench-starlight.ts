/**
 * `npm run bench -- --vs-starlight`: the handbook's build side by side with a
 * plain Starlight site's, on the same machine, in the same run, interleaved.
 *
 * The Starlight site is made on the fly in a temporary folder: a package.json
 * asking for `@astrojs/starlight@^0.42` and the handbook's exact Astro version,
 * installed with npm from the registry, and the few files of Starlight's
 * starter (config, content collection, a home page, one guide, one reference
 * page). It is never committed. Both sites then get the same generated pages
 * (scripts/bench-content.ts `plainPages`: about 520 words each, four h2
 * sections, two links), as handbook guides and as Starlight docs pages, and are
 * built clean (no dist/, no Astro or Vite cache, no social-image cache) under
 * /usr/bin/time: wall time, user + system CPU time and peak resident memory.
 * The handbook is then built clean once more with only its social-image cache
 * kept from that build ("handbook, images cached"): what CI does with the cache
 * it restores (src/lib/social-image-cache.ts), where only new or retitled pages'
 * images are drawn.
 *
 * Sizes run one after another; within a size the two sites alternate, and with
 * --repeat the order flips each round (A B, B A, ...) so drift in the machine's
 * load falls on both. Each build also records the load average before it and
 * the CPU the rest of the machine used while it ran.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { plainPages, plainVocabulary, type PlainPage } from './bench-content.ts';
import { buildCommand, buildPhases, makeSite, ROOT, timed, walkSize, type TimedRun } from './bench-run.ts';

export const STARLIGHT_RANGE = '^0.42';
type Site = 'handbook' | 'handbook, images cached' | 'starlight';
const CACHED: Site = 'handbook, images cached';

export interface VsOptions {
  sizes: string;
  repeat: number;
  keep: boolean;
  out: string;
  /** The handbook checkout to build (default: this one), e.g. main's, to measure before and after a change. */
  handbook?: string | undefined;
}

interface VsBuild {
  site: Site;
  size: number;
  round: number;
  pages: number;
  wallSeconds: number;
  cpuSeconds: number | null;
  peakRssMB: number | null;
  loadAverageBefore: number;
  otherCpuSeconds: number | null;
  phases: Record<string, number>;
}

const astroVersion = () => JSON.parse(readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8')).version as string;

/** Starlight's starter, reduced to what builds without network or images: config, collection, three pages. */
const STARLIGHT_FILES: Record<string, string> = {
  'astro.config.mjs': `import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

export default defineConfig({
  integrations: [
    starlight({
      title: 'Bench docs',
      sidebar: [
        { label: 'Guides', items: [{ label: 'Example Guide', slug: 'guides/example' }] },
        { label: 'Reference', items: [{ autogenerate: { directory: 'reference' } }] },
      ],
    }),
  ],
});
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  'tsconfig.json': '{ "extends": "astro/tsconfigs/strict", "include": [".astro/types.d.ts", "**/*"], "exclude": ["dist"] }\n',
  'src/content/docs/index.mdx': `---
title: Welcome to Starlight
description: Get started building your docs site with Starlight.
template: splash
hero:
  tagline: Congrats on setting up a new Starlight project!
  actions:
    - text: Example Guide
      link: /guides/example/
---

import { Card, CardGrid } from '@astrojs/starlight/components';

## Next steps

<CardGrid stagger>
  <Card title="Update content" icon="pencil">Edit src/content/docs/index.mdx to see this page change.</Card>
  <Card title="Add new content" icon="add-document">Add Markdown or MDX files to src/content/docs to create new pages.</Card>
</CardGrid>
`,
  'src/content/docs/guides/example.md': `---
title: Example Guide
description: A guide in my new Starlight docs site.
---

Guides lead a user through a specific task they want to accomplish, often with a sequence of steps.
`,
  'src/content/docs/reference/example.md': `---
title: Example Reference
description: A reference page in my new Starlight docs site.
---

Reference pages are ideal for outlining how things work in terse and clear terms.
`,
};

/** Creates the Starlight site and installs it from the registry (once per run). */
function makeStarlight(): string {
  const dir = mkdtempSync(join(tmpdir(), 'starlight-bench-'));
  const pkg = {
    name: 'starlight-bench',
    private: true,
    type: 'module',
    scripts: { build: 'astro build' },
    dependencies: { '@astrojs/starlight': STARLIGHT_RANGE, astro: astroVersion() },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  for (const [file, text] of Object.entries(STARLIGHT_FILES)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  console.log(`Installing @astrojs/starlight@${STARLIGHT_RANGE} with astro@${pkg.dependencies.astro} in ${dir} (npm, from the registry)…`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  return dir;
}

const installed = (dir: string, name: string) =>
  JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version as string;

/** The handbook's social-image cache, relative to its root (SOCIAL_IMAGE_CACHE_DIR). */
const IMAGE_CACHE = 'node_modules/.cache/social-images';

/** Removes everything a previous build left, so each timed build starts clean; with `keepImages`, all but the image cache. */
function clean(dir: string, keepImages = false) {
  for (const p of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite', '.cache']) {
    rmSync(join(dir, p), { recursive: true, force: true });
  }
  const caches = join(dir, 'node_modules/.cache');
  let entries: string[] = [];
  try {
    entries = readdirSync(caches);
  } catch {
    return;
  }
  for (const e of entries)
    if (!(keepImages && join('node_modules/.cache', e) === IMAGE_CACHE)) rmSync(join(caches, e), { recursive: true, force: true });
}

const frontmatter = (fields: Record<string, string>) =>
  `---\n${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n\n`;

function writeHandbookPages(site: string, pages: PlainPage[]) {
  const source = readdirSync(join(site, 'content/sources'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()[0]!
    .replace(/\.yaml$/, '');
  for (const p of pages) {
    const head = frontmatter({
      title: JSON.stringify(p.title),
      description: JSON.stringify(p.description),
      published: '2025-03-01',
      updated: '2025-06-15',
      sources: `[${source}]`,
    });
    writeFileSync(join(site, 'content/guides', `${p.id}.mdx`), head + p.body);
  }
}

function writeStarlightPages(site: string, pages: PlainPage[]) {
  const dir = join(site, 'src/content/docs/bench');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const p of pages) {
    writeFileSync(
      join(dir, `${p.id}.mdx`),
      frontmatter({ title: JSON.stringify(p.title), description: JSON.stringify(p.description) }) + p.body,
    );
  }
}

async function buildOnce(site: Site, dir: string, size: number, round: number): Promise<VsBuild> {
  clean(dir, site === CACHED);
  const log = join(dir, `build-${size}-${round}.log`);
  // Each site's own build command: the handbook's `build` script, Starlight's plain `astro build`.
  const run: TimedRun = await timed(buildCommand(dir), dir, log);
  if (run.code !== 0) throw new Error(`${site}: astro build failed (exit ${run.code}); the log is ${log}:\n${run.output.slice(-3000)}`);
  const result: VsBuild = {
    site,
    size,
    round,
    pages: walkSize(join(dir, 'dist')).html,
    wallSeconds: run.wallSeconds,
    cpuSeconds: run.cpuSeconds,
    peakRssMB: run.peakRssMB,
    loadAverageBefore: run.loadAverageBefore,
    otherCpuSeconds: run.otherCpuSeconds,
    phases: site === 'starlight' ? {} : buildPhases(run.output),
  };
  console.log(
    `  ${site.padEnd(9)} +${size}: ${result.pages} pages, ${result.wallSeconds} s wall, ${result.cpuSeconds ?? 'n/a'} s CPU, ` +
      `peak ${result.peakRssMB ?? 'n/a'} MB (load before ${result.loadAverageBefore}, others used ${result.otherCpuSeconds ?? 'n/a'} s CPU meanwhile)`,
  );
  return result;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const num = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);

interface SiteSummary {
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMB: number;
  pages: number;
}
interface Ratio {
  wall: number;
  cpu: number;
  memory: number;
}
export interface VsSummary {
  size: number;
  handbook: SiteSummary;
  starlight: SiteSummary;
  ratio: Ratio;
  /** The handbook built clean but for the social-image cache of the build before (CI's restored cache). */
  handbookImagesCached?: SiteSummary;
  ratioImagesCached?: Ratio;
}

export function summarise(builds: VsBuild[]): VsSummary[] {
  const sizes = [...new Set(builds.map((b) => b.size))];
  return sizes.map((size) => {
    const of = (site: Site) => {
      const bs = builds.filter((b) => b.size === size && b.site === site);
      return {
        wallSeconds: median(bs.map((b) => b.wallSeconds)),
        cpuSeconds: median(num(bs.map((b) => b.cpuSeconds))),
        peakRssMB: median(num(bs.map((b) => b.peakRssMB))),
        pages: bs[0]!.pages,
      };
    };
    const handbook = of('handbook');
    const starlight = of('starlight');
    const r = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    const ratio = (h: SiteSummary): Ratio => ({
      wall: r(h.wallSeconds, starlight.wallSeconds),
      cpu: r(h.cpuSeconds, starlight.cpuSeconds),
      memory: r(h.peakRssMB, starlight.peakRssMB),
    });
    const summary: VsSummary = { size, handbook, starlight, ratio: ratio(handbook) };
    if (builds.some((b) => b.size === size && b.site === CACHED)) {
      summary.handbookImagesCached = of(CACHED);
      summary.ratioImagesCached = ratio(summary.handbookImagesCached);
    }
    return summary;
  });
}

function table(summary: VsSummary[]): string {
  const row = (size: number, name: string, x: SiteSummary) =>
    `| +${size} | ${name} | ${x.pages} | ${x.wallSeconds} s | ${x.cpuSeconds} s | ${x.peakRssMB} MB |`;
  const ratioRow = (size: number, name: string, x: Ratio) =>
    `| +${size} | **${name}** | | **${x.wall}×** | **${x.cpu}×** | **${x.memory}×** |`;
  const rows = summary.flatMap((s) => [
    row(s.size, 'Starlight', s.starlight),
    row(s.size, 'Handbook', s.handbook),
    ratioRow(s.size, 'Ratio', s.ratio),
    ...(s.handbookImagesCached && s.ratioImagesCached
      ? [row(s.size, 'Handbook, images cached', s.handbookImagesCached), ratioRow(s.size, 'Ratio, images cached', s.ratioImagesCached)]
      : []),
  ]);
  return ['| Pages added | Site | HTML pages | Wall | CPU | Peak memory |', '|---|---|--:|--:|--:|--:|', ...rows].join('\n');
}

export async function benchVsStarlight(options: VsOptions): Promise<void> {
  const sizes = options.sizes.split(',').map((s) => Number(s.trim()));
  const starlight = makeStarlight();
  const handbook = makeSite('handbook-vs-', options.handbook ? resolve(options.handbook) : ROOT);
  const versions = {
    astro: installed(handbook, 'astro'),
    starlightAstro: installed(starlight, 'astro'),
    starlight: installed(starlight, '@astrojs/starlight'),
  };
  if (versions.astro !== versions.starlightAstro)
    throw new Error(`Astro differs: handbook ${versions.astro}, Starlight site ${versions.starlightAstro}`);
  const words = plainVocabulary(join(handbook, 'content'));
  const builds: VsBuild[] = [];
  try {
    for (const size of sizes) {
      console.log(`\n▶ +${size} pages (handbook in ${handbook}, Starlight in ${starlight})`);
      // Each site's own pages are the same text, linking inside their own URL scheme.
      for (const f of readdirSync(join(handbook, 'content/guides'))) {
        if (f.startsWith('bench-page-')) rmSync(join(handbook, 'content/guides', f));
      }
      writeHandbookPages(
        handbook,
        plainPages(size, words, (id) => `/guides/${id}/`),
      );
      writeStarlightPages(
        starlight,
        plainPages(size, words, (id) => `/bench/${id}/`),
      );
      for (let round = 0; round < options.repeat; round++) {
        // The cached build reuses the images the cold one just drew, so the two stay together when the order flips.
        const order: [Site, string][][] = [
          [
            ['handbook', handbook],
            [CACHED, handbook],
          ],
          [['starlight', starlight]],
        ];
        if (round % 2 === 1) order.reverse();
        for (const [site, dir] of order.flat()) builds.push(await buildOnce(site, dir, size, round));
      }
    }
  } finally {
    if (options.keep) console.log(`kept ${handbook} and ${starlight}`);
    else for (const dir of [handbook, starlight]) rmSync(dir, { recursive: true, force: true });
  }

  const summary = summarise(builds);
  const machine = { cpus: cpus().length, memoryGB: Math.round(totalmem() / 1024 ** 3), node: process.version };
  const report = {
    date: new Date().toISOString(),
    machine,
    versions,
    handbookFrom: options.handbook ?? '.',
    repeat: options.repeat,
    summary,
    builds,
  };
  const outDir = resolve(ROOT, options.out);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'vs-starlight.json'), `${JSON.stringify(report, null, 2)}\n`);
  const md =
    `# Handbook vs Starlight\n\nRun ${report.date.slice(0, 16).replace('T', ' ')} UTC on ${machine.cpus} cores, ${machine.memoryGB} GB, Node ${machine.node}, ` +
    `Astro ${versions.astro}, @astrojs/starlight ${versions.starlight}; ${options.repeat} build(s) of each site per size (medians). ` +
    `Ratios are handbook ÷ Starlight; "images cached" is the handbook built clean again with only the social images of the build before kept, as CI restores them.\n\n${table(summary)}\n\nEach build:\n\n${builds
      .map(
        (b) =>
          `- +${b.size} ${b.site} (round ${b.round + 1}): ${b.wallSeconds} s wall, ${b.cpuSeconds} s CPU, ${b.peakRssMB} MB; ` +
          `load before ${b.loadAverageBefore}, other processes ${b.otherCpuSeconds} s CPU` +
          (Object.keys(b.phases).length
            ? `; phases: ${Object.entries(b.phases)
                .map(([k, v]) => `${k} ${v}`)
                .join(', ')}`
            : ''),
      )
      .join('\n')}\n`;
  writeFileSync(join(outDir, 'vs-starlight.md'), md);
  console.log(`\n${table(summary)}\n\nWritten to ${join(options.out, 'vs-starlight.json')} and vs-starlight.md`);
}
