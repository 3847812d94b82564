/**
 * Every built HTML file (the sitemap's pages and 404.html) passes html-validate
 * (recommended rules, .htmlvalidate.json), and a sample of them passes the W3C
 * Nu validator too: every page of a template with up to 12 pages, 6 of each
 * larger one (the axe sample, tests/e2e/support/pages.ts), and 404.html. The two
 * validators overlap: html-validate checks content models, attributes and ids
 * on every page, with stricter rules; vnu adds the HTML standard's own
 * conformance checks, which depend on a template's markup more than on the data
 * that fills it. vnu runs once over its files (a JVM start per file would cost
 * seconds each), at the same time as html-validate, which runs in this process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { type ConfigData, HtmlValidate, type ResolvedConfig, StaticConfigLoader } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { axeSample, DIST, pageFile, ROOT, sitePages } from '../e2e/support/pages.ts';

const VNU_JAR = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

const files = htmlFiles(DIST).sort();
const vnuFiles = [...axeSample(sitePages()).map((path) => pageFile(path)), join(DIST, '404.html')];

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  lastColumn?: number;
  message: string;
}

/**
 * The JVM flags cut vnu's CPU time to about a third (measured 10 s → 4 s for the site's pages): one short run
 * gains nothing from the optimizing compiler or a parallel collector. Compiled by the quick compiler only,
 * vnu's schema checker recurses deeper than its 512 KB minimum stack, hence 16 MB.
 */
const JAVA_FLAGS = ['-Xss16m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/** Errors (and fatal errors) only: vnu's warnings are advice such as "consider adding lang", not validity. */
function vnuErrors(paths: string[]): Promise<string[]> {
  // Started asynchronously, so the JVM works while html-validate runs in this process.
  const child = spawn('java', [...JAVA_FLAGS, '-jar', VNU_JAR, '--errors-only', '--format', 'json', ...paths], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => out.push(chunk));
  return new Promise((resolve, reject) => {
    child.on('error', (error) =>
      reject(new Error(`could not run java (${error.message}); vnu needs a Java runtime: apt-get install default-jre-headless`)),
    );
    child.on('close', () => {
      const text = Buffer.concat(out).toString('utf8');
      let messages: VnuMessage[];
      try {
        ({ messages } = JSON.parse(text) as { messages: VnuMessage[] });
      } catch {
        return reject(new Error(`vnu printed no report:\n${text.slice(0, 2000)}`));
      }
      resolve(
        messages
          .filter((m) => m.type === 'error' || (m.type === 'non-document-error' && m.subType !== 'warning'))
          .map(
            (m) => `${relative(DIST, decodeURI(m.url.replace(/^file:(\/\/)?/, '')))}:${m.lastLine ?? 0}:${m.lastColumn ?? 0} ${m.message}`,
          ),
      );
    });
  });
}

/**
 * html-validate's static loader resolves the configuration again for every file it validates (presets merged, the
 * element table rebuilt: about a third of its CPU time over the site), although one configuration serves them all.
 * This one resolves it once; a file validated with an override of its own still gets a fresh resolution.
 */
class ResolveOnceLoader extends StaticConfigLoader {
  #resolved: ResolvedConfig | Promise<ResolvedConfig> | undefined;
  override getConfigFor(handle: string, configOverride?: ConfigData): ResolvedConfig | Promise<ResolvedConfig> {
    if (configOverride) return super.getConfigFor(handle, configOverride);
    return (this.#resolved ??= super.getConfigFor(handle));
  }
}

// A page that both validators must reject, checked alongside the site so a broken setup (no config found,
// java printing nothing) cannot pass silently.
const BROKEN =
  '<!doctype html><html lang="en"><head><title>t</title></head><body><p><div>block in p</div></p><span id="x"></span><span id="x"></span></body></html>';

describe('HTML validity', () => {
  const brokenFile = join(mkdtempSync(join(tmpdir(), 'invalid-')), 'broken.html');
  writeFileSync(brokenFile, BROKEN);
  const vnu = vnuErrors([...vnuFiles, brokenFile]);
  // A rejection is reported by the vnu test; until then it must not count as unhandled.
  vnu.catch(() => {});
  // The project's config for every file, wherever it lives; a file outside the repository would otherwise get none.
  const validator = new HtmlValidate(new ResolveOnceLoader(JSON.parse(readFileSync(join(ROOT, '.htmlvalidate.json'), 'utf8'))));

  it('finds the built pages, and samples every template for vnu', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(vnuFiles.every((file) => files.includes(file))).toBe(true);
    // roles/sound-engineer/index.html belongs to "roles"; a one-off page (glossary/index.html, 404.html) is its own.
    const template = (file: string) => {
      const parts = relative(DIST, file).split('/');
      return parts.length > 2 ? parts[0] : parts.join('/');
    };
    expect(new Set(vnuFiles.map(template))).toEqual(new Set(files.map(template)));
  });

  it('html-validate reports no errors', { timeout: 300_000 }, async () => {
    const first = await validator.validateString(BROKEN, brokenFile);
    expect(first.valid, 'html-validate did not flag the deliberately broken page').toBe(false);
    const firstBroken = first.results.flatMap((r) => r.messages.map((m) => m.ruleId)).sort();
    const problems: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${relative(DIST, file)}:${m.line}:${m.column} [${m.ruleId}] ${m.message}`);
      }
    }
    console.log(`html-validate: ${files.length} files, ${problems.length} problem(s)`);
    expect(problems).toEqual([]);
    // The same configuration, shared by every file, still finds the broken page's errors after the whole site.
    const broken = await validator.validateString(BROKEN, brokenFile);
    expect(broken.results.flatMap((r) => r.messages.map((m) => m.ruleId)).sort()).toEqual(firstBroken);
  });

  // After html-validate, whose run overlaps with the JVM's (started when this file loads).
  it('the Nu validator (vnu) reports no errors', { timeout: 300_000 }, async () => {
    const errors = await vnu;
    const own = errors.filter((e) => !e.includes('broken.html'));
    console.log(`vnu: ${vnuFiles.length} of ${files.length} files, ${own.length} error(s)`);
    expect(errors.length - own.length, 'vnu did not flag the deliberately broken page').toBeGreaterThan(0);
    expect(own).toEqual([]);
  });
});
