/**
 * Runs `scripts/validate-content.ts` several times in one Node process, for
 * tests that check what the command prints and its exit code for many fixture
 * sites (tests/unit/validator-options.test.ts). Starting Node and loading the
 * validator cost about a second of CPU per run; here they are paid once, and
 * each job still runs the script itself: its module is evaluated afresh (a new
 * URL per job), with the job's arguments in process.argv and the job's site as
 * the working directory, and everything it writes to stdout is kept.
 *
 *   node tests/support/validate-cli-runner.ts <jobs.json> <results.json>
 *
 * jobs.json holds `[{ cwd, args }]`; results.json gets `[{ code, stdout }]` in
 * the same order, `code` being the exit code the script set. A script that ends
 * the process itself (process.exit, as on a usage error) ends the runner too,
 * so such cases are run with a spawn of their own.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Job {
  cwd: string;
  args: string[];
}

export interface JobResult {
  code: number;
  stdout: string;
}

export const SCRIPT = join(import.meta.dirname, '../../scripts/validate-content.ts');

if (import.meta.main) {
  const [jobsFile, resultsFile] = process.argv.slice(2) as [string, string];
  const jobs = JSON.parse(readFileSync(jobsFile, 'utf8')) as Job[];
  const results: JobResult[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const argv = process.argv;
  for (const [i, job] of jobs.entries()) {
    const out: string[] = [];
    process.stdout.write = ((chunk: string | Uint8Array) => {
      out.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as typeof process.stdout.write;
    process.argv = [argv[0]!, SCRIPT, ...job.args];
    process.chdir(job.cwd);
    process.exitCode = undefined;
    try {
      await import(`${pathToFileURL(SCRIPT).href}?job=${i}`);
    } finally {
      process.stdout.write = write;
    }
    results.push({ code: Number(process.exitCode ?? 0), stdout: out.join('') });
  }
  process.exitCode = 0;
  writeFileSync(resultsFile, JSON.stringify(results));
}
