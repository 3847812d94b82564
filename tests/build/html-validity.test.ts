/**
 * Every built HTML file (the sitemap's pages and 404.html) passes the W3C Nu
 * validator and html-validate (recommended rules, .htmlvalidate.json). vnu runs
 * once over all files: a JVM start per file would cost seconds each.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { DIST, ROOT } from '../e2e/support/pages.ts';

const VNU_JAR = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

const files = htmlFiles(DIST).sort();

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  lastColumn?: number;
  message: string;
}

/** Errors (and fatal errors) only: vnu's warnings are advice such as "consider adding lang", not validity. */
function vnuErrors(paths: string[]): { errors: string[]; raw: VnuMessage[] } {
  // Java's own start-up is the slow part; --errors-only and JSON keep the output small and parseable.
  const run = spawnSync('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...paths], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error)
    throw new Error(`could not run java (${run.error.message}); vnu needs a Java runtime: apt-get install default-jre-headless`);
  const { messages } = JSON.parse(run.stderr || run.stdout) as { messages: VnuMessage[] };
  const errors = messages
    .filter((m) => m.type === 'error' || (m.type === 'non-document-error' && m.subType !== 'warning'))
    .map((m) => `${relative(DIST, decodeURI(m.url.replace(/^file:(\/\/)?/, '')))}:${m.lastLine ?? 0}:${m.lastColumn ?? 0} ${m.message}`);
  return { errors, raw: messages };
}

// A page that both validators must reject, checked alongside the site so a broken setup (no config found,
// java printing nothing) cannot pass silently.
const BROKEN =
  '<!doctype html><html lang="en"><head><title>t</title></head><body><p><div>block in p</div></p><span id="x"></span><span id="x"></span></body></html>';

describe('HTML validity', () => {
  const brokenFile = join(mkdtempSync(join(tmpdir(), 'invalid-')), 'broken.html');
  writeFileSync(brokenFile, BROKEN);
  // The project's config for every file, wherever it lives; a file outside the repository would otherwise get none.
  const validator = new HtmlValidate(new StaticConfigLoader(JSON.parse(readFileSync(join(ROOT, '.htmlvalidate.json'), 'utf8'))));

  it('finds the built pages', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('the Nu validator (vnu) reports no errors', { timeout: 120_000 }, () => {
    const { errors } = vnuErrors([...files, brokenFile]);
    const own = errors.filter((e) => !e.includes('broken.html'));
    console.log(`vnu: ${files.length} files, ${own.length} error(s)`);
    expect(errors.length - own.length, 'vnu did not flag the deliberately broken page').toBeGreaterThan(0);
    expect(own).toEqual([]);
  });

  it('html-validate reports no errors', { timeout: 60_000 }, async () => {
    expect((await validator.validateString(BROKEN, brokenFile)).valid, 'html-validate did not flag the deliberately broken page').toBe(
      false,
    );
    const problems: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${relative(DIST, file)}:${m.line}:${m.column} [${m.ruleId}] ${m.message}`);
      }
    }
    console.log(`html-validate: ${files.length} files, ${problems.length} problem(s)`);
    expect(problems).toEqual([]);
  });
});
