/**
 * Lighthouse over one page of each main template, on mobile and desktop, in
 * Debian's Chromium. Prints a Markdown table of the five category scores and,
 * for any score under 100, the audits that cost it; exits 1 unless every cell
 * is 100. Too slow for `npm test` (about 10 s a run, 30 runs), so it is its own
 * command; docs/lighthouse.md records the latest table.
 *
 *   npm run audit                            (builds first)
 *   npm run audit -- --runs 1                (one run per page: quicker, noisier)
 *   node_modules/.bin/node scripts/audit.ts  (audits the existing dist/; the project's Node 24)
 *
 * The site is served as a static host would serve it: dist/_headers applied
 * (so best practices see the real CSP) and text compressed.
 *
 * Each page is audited three times (`--runs N` to change) and the run with the
 * median performance score is reported, as Lighthouse's own guidance on
 * variance recommends: on a busy two-core machine one run can lose points to
 * other processes, not to the page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse, { desktopConfig } from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/support/browser.ts';
import { DIST, pageType, sitePages } from '../tests/e2e/support/pages.ts';
import { startStaticServer } from '../tests/e2e/support/static-server.ts';

const CATEGORIES = [
  ['performance', 'Performance'],
  ['accessibility', 'Accessibility'],
  ['best-practices', 'Best practices'],
  ['seo', 'SEO'],
  ['agentic-browsing', 'Agentic browsing'],
] as const;

/** Home, then the first page of each template the issue names; ids are looked up so renamed content still works. */
function pagesToAudit(): { label: string; path: string }[] {
  const pages = sitePages();
  const first = (type: string, label: string) => {
    const path = pages.find((p) => pageType(p) === type);
    if (!path) throw new Error(`no page of type ${type} in the build`);
    return { label, path };
  };
  return [
    { label: 'Home', path: '/' },
    first('/roles/*/', 'Role'),
    first('/compare/*/', 'Comparison'),
    first('/programs/*/', 'Program'),
    first('/competencies/*/', 'Competency matrix'),
  ];
}

/** Chromium with a DevTools port for Lighthouse; port 0 and DevToolsActivePort avoid racing for a free port. */
async function launchChromium(): Promise<{ port: number; stop: () => void }> {
  const profile = mkdtempSync(join(tmpdir(), 'lighthouse-chromium-'));
  const child: ChildProcess = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_ARGS, '--headless', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    {
      stdio: 'ignore',
    },
  );
  const portFile = join(profile, 'DevToolsActivePort');
  const deadline = Date.now() + 30_000;
  while (!existsSync(portFile) || !readFileSync(portFile, 'utf8').includes('\n')) {
    if (child.exitCode !== null) throw new Error(`Chromium exited with code ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('Chromium did not open a DevTools port within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  const port = Number(readFileSync(portFile, 'utf8').split('\n')[0]);
  return {
    port,
    stop: () => {
      child.kill('SIGTERM');
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * One Lighthouse run. A trace occasionally comes back without a navigation start
 * (NO_NAVSTART) when the machine is busy; that says nothing about the page, so
 * it is retried once.
 */
async function audit(url: string, port: number, formFactor: 'mobile' | 'desktop') {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(
      url,
      { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES.map(([id]) => id) },
      formFactor === 'desktop' ? desktopConfig : undefined,
    );
    const lhr = result?.lhr;
    if (lhr && !lhr.runtimeError) return lhr;
    const why = lhr?.runtimeError ? `${lhr.runtimeError.code} ${lhr.runtimeError.message}` : 'no result';
    if (attempt === 2) throw new Error(`${url} (${formFactor}): ${why}`);
    console.error(`  ${url} (${formFactor}): ${why}; retrying`);
  }
}

interface Row {
  label: string;
  path: string;
  formFactor: 'mobile' | 'desktop';
  scores: Record<string, number | null>;
  /** "category: audit title (score)" for every weighted audit under 100. */
  losses: string[];
}

async function main(runs: number): Promise<number> {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('dist/ is missing: run `npm run build` (or `npm run audit`, which builds first)');
  const server = await startStaticServer(DIST);
  const chromium = await launchChromium();
  const rows: Row[] = [];
  try {
    for (const { label, path } of pagesToAudit()) {
      for (const formFactor of ['mobile', 'desktop'] as const) {
        const started = Date.now();
        const lhrs = [];
        for (let run = 0; run < runs; run++) lhrs.push(await audit(`${server.url}${path}`, chromium.port, formFactor));
        const byPerformance = lhrs.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
        const lhr = byPerformance[Math.floor((byPerformance.length - 1) / 2)]!;
        const scores: Row['scores'] = {};
        const losses: string[] = [];
        for (const [id] of CATEGORIES) {
          const category = lhr.categories[id];
          scores[id] = category?.score == null ? null : Math.round(category.score * 100);
          if (scores[id] === 100) continue;
          for (const ref of category?.auditRefs ?? []) {
            const audit = lhr.audits[ref.id];
            if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
              losses.push(`${id}: ${audit.title} ${audit.displayValue ? `${audit.displayValue} ` : ''}(${Math.round(audit.score * 100)})`);
            }
          }
        }
        rows.push({ label, path, formFactor, scores, losses });
        const all =
          runs > 1
            ? ` (performance in each run: ${lhrs.map((l) => Math.round((l.categories.performance?.score ?? 0) * 100)).join(', ')})`
            : '';
        console.error(
          `  ${path} ${formFactor}: ${CATEGORIES.map(([id]) => scores[id] ?? '–').join(' / ')}${all}, ${Math.round((Date.now() - started) / 1000)} s`,
        );
      }
    }
  } finally {
    chromium.stop();
    await server.close();
  }

  const cell = (n: number | null) => (n === null ? '–' : String(n));
  console.log(`| Page | Form factor | ${CATEGORIES.map(([, title]) => title).join(' | ')} |`);
  console.log(`| --- | --- | ${CATEGORIES.map(() => '---:').join(' | ')} |`);
  for (const r of rows)
    console.log(`| ${r.label} (\`${r.path}\`) | ${r.formFactor} | ${CATEGORIES.map(([id]) => cell(r.scores[id] ?? null)).join(' | ')} |`);
  const below = rows.filter((r) => CATEGORIES.some(([id]) => r.scores[id] !== 100));
  if (below.length === 0) {
    console.log('\nEvery cell is 100.');
    return 0;
  }
  console.log('\nBelow 100, and the audits that cost the points:');
  for (const r of below) console.log(`- ${r.path} ${r.formFactor}: ${r.losses.join('; ') || 'no weighted audit below 100'}`);
  return 1;
}

if (import.meta.main) {
  const i = process.argv.indexOf('--runs');
  const runs = i > 0 ? Number(process.argv[i + 1]) : 3;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of runs per page, e.g. --runs 1');
  process.exitCode = await main(runs);
}
