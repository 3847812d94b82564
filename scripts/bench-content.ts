/**
 * Synthetic but schema-valid content for the build benchmark (`npm run bench`).
 *
 * Entries are spread over the four collections editors will grow fastest:
 * roles, guides, glossary terms and comparisons. They cite the real sources,
 * link the real glossary and reference one another the way real pages do, so
 * the build exercises the same lookups (related roles, "compare", "guides",
 * citations, the sources index) that it does for the real handbook. Output is
 * deterministic for a given size, so two runs build the same site.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { COLLECTION_DEFS, idFromFileName } from '../src/schemas/collections.ts';
import { COLLECTIONS, SETTINGS } from '../src/schemas/common.ts';
import { CAREER_STAGES } from '../src/schemas/role.ts';

/** Small, fast, seedable PRNG: the same size always yields the same site. */
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A working vocabulary of the trade; prose built from it gives the search index realistic, repeated words.
const WORDS = (
  'signal microphone console preamp gain fader channel bus aux send return monitor wedge speaker amplifier cable ' +
  'connector patch bay stage box snake splitter phantom power condenser dynamic ribbon capsule diaphragm polar ' +
  'pattern cardioid omni figure proximity effect equaliser filter shelf notch compressor limiter gate expander ' +
  'threshold ratio attack release knee makeup headroom clipping distortion noise floor hum ground loop hiss ' +
  'feedback ringing room acoustics reverb delay echo early reflections absorption diffusion treatment isolation ' +
  'booth control session artist producer engineer assistant technician crew venue tour rider load schedule ' +
  'soundcheck rehearsal show broadcast studio recording overdub take comping editing mixing mastering stems ' +
  'loudness meter level peak average metering timecode sync clock latency buffer interface converter sample rate ' +
  'bit depth file format backup archive label document notes safety lifting rigging power distribution circuit ' +
  'breaker extension adapter battery radio frequency wireless transmitter receiver antenna coordination spectrum ' +
  'intercom headset cue playback track click count film dialogue foley effects ambience dubbing theatre podcast ' +
  'game engine middleware spatial surround stereo mono panning imaging depth width balance tone colour warmth ' +
  'clarity presence intelligibility speech music drums bass guitar keys vocals strings brass choir orchestra ' +
  'budget invoice contract freelance union rate overtime travel training course certificate degree apprentice ' +
  'mentor portfolio credit reference network listening practice troubleshooting maintenance repair calibration'
).split(/\s+/);

const SENTENCE_MIN = 8;
const SENTENCE_MAX = 18;

interface Context {
  rand: () => number;
  sources: string[];
  realTerms: string[];
  /** WORDS without any word of a real glossary term or alias, so prose never names a term it does not link. */
  words: string[];
}

/**
 * The vocabulary minus every word that appears in a glossary term or alias.
 * Real editors link the terms they use (the validator warns otherwise); prose
 * that mentioned them unlinked would make the benchmark time thousands of
 * warnings no real page produces.
 */
function unlinkedVocabulary(glossaryDir: string, files: string[]): string[] {
  const taken = new Set<string>();
  for (const file of files) {
    const entry = loadYaml(readFileSync(join(glossaryDir, file), 'utf8').replace(/^\uFEFF/, ''), { schema: CORE_SCHEMA }) as {
      term?: string;
      aliases?: string[];
    };
    for (const phrase of [entry.term ?? '', ...(entry.aliases ?? [])]) {
      for (const word of phrase.toLowerCase().split(/[^a-z0-9]+/)) if (word) taken.add(word);
    }
  }
  return WORDS.filter((w) => !taken.has(w));
}

const pad = (n: number) => String(n).padStart(5, '0');
const pick = <T>(c: Context, list: readonly T[]): T => list[Math.floor(c.rand() * list.length)]!;
const between = (c: Context, lo: number, hi: number) => lo + Math.floor(c.rand() * (hi - lo + 1));

function sentence(c: Context, min = SENTENCE_MIN, max = SENTENCE_MAX): string {
  const words = Array.from({ length: between(c, min, max) }, () => pick(c, c.words));
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** A sentence of at most `max` characters, for fields with length caps. */
const short = (c: Context, max: number) => {
  const s = sentence(c, 6, 12);
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}.`;
};

/** A description inside the 70–150 characters the validator recommends (the schema allows 50–160). */
function description(c: Context, lead: string): string {
  let text = `${lead}: ${sentence(c, 6, 10)}`;
  while (text.length < 80) text += ` ${pick(c, c.words)}`;
  return text.length <= 155 ? text : `${text.slice(0, 154).trimEnd()}.`;
}

const yamlString = (s: string) => JSON.stringify(s);

function cited(c: Context, indent: string, key: string, count: number): string {
  if (count === 0) return '';
  const items = Array.from(
    { length: count },
    () => `${indent}  - text: ${yamlString(short(c, 200))}\n${indent}    source: ${pick(c, c.sources)}\n`,
  );
  return `${indent}${key}:\n${items.join('')}`;
}

/** With `sources`, the text cites each of them in turn, as a guide cites exactly the sources it lists. */
function body(c: Context, links: { roles: string[]; terms: string[]; sources?: string[] }, sections: number): string {
  const parts: string[] = [];
  for (let s = 0; s < sections; s++) {
    parts.push(`## ${short(c, 50).replace(/\.$/, '')}\n`);
    for (let p = 0; p < 2; p++) {
      const term = pick(c, links.terms);
      const role = links.roles.length ? pick(c, links.roles) : undefined;
      parts.push(
        [
          sentence(c),
          `${sentence(c)}<Cite source="${links.sources ? links.sources[(s * 2 + p) % links.sources.length] : pick(c, c.sources)}" />`,
          `Read about <Term id="${term}">${pick(c, c.words)} ${pick(c, c.words)}</Term> in the [glossary](/glossary/#${term}).`,
          role ? `See the [related role](/roles/${role}/).` : '',
          sentence(c),
        ]
          .filter(Boolean)
          .join(' ') + '\n',
      );
    }
  }
  return parts.join('\n');
}

export interface GeneratedCounts {
  roles: number;
  guides: number;
  glossary: number;
  comparisons: number;
}

/** Counts the entries already in a content folder (every collection, real files only). */
export function countEntries(contentDir: string): number {
  let n = 0;
  for (const name of COLLECTIONS) {
    const def = COLLECTION_DEFS[name];
    try {
      n += readdirSync(join(contentDir, def.dir)).filter((f) => f.endsWith(def.extension)).length;
    } catch {
      // An absent folder holds no entries.
    }
  }
  return n;
}

/**
 * Adds `count` synthetic entries to `contentDir`, split across roles, guides,
 * glossary terms and comparisons. Real sources and glossary terms in the folder
 * are cited and linked, so the real content must already be there.
 */
export function generateContent(contentDir: string, count: number, seed = 42): GeneratedCounts {
  const ids = (dir: string, ext: string) =>
    readdirSync(join(contentDir, dir))
      .filter((f) => f.endsWith(ext))
      .map(idFromFileName)
      .sort();
  const glossaryFiles = readdirSync(join(contentDir, 'glossary')).filter((f) => f.endsWith('.yaml'));
  const c: Context = {
    rand: mulberry32(seed),
    sources: ids('sources', '.yaml'),
    realTerms: ids('glossary', '.yaml'),
    words: unlinkedVocabulary(join(contentDir, 'glossary'), glossaryFiles),
  };

  // Comparisons need two roles each, so roles take the remainder; the rest split evenly.
  const quarter = Math.floor(count / 4);
  const counts: GeneratedCounts = { roles: count - 3 * quarter, guides: quarter, glossary: quarter, comparisons: quarter };
  if (counts.comparisons > 0 && counts.roles < 2) throw new Error('generateContent needs at least 8 entries to make a comparison');

  const roleId = (i: number) => `bench-role-${pad(i)}`;
  const termId = (i: number) => `bench-term-${pad(i)}`;
  const allTerms = [...c.realTerms, ...Array.from({ length: counts.glossary }, (_, i) => termId(i))];
  const someTerms = (n: number) => [...new Set(Array.from({ length: n }, () => pick(c, allTerms)))];
  const someRoles = (n: number) =>
    counts.roles === 0 ? [] : [...new Set(Array.from({ length: n }, () => roleId(Math.floor(c.rand() * counts.roles))))];

  for (const dir of ['roles', 'guides', 'glossary', 'comparisons']) mkdirSync(join(contentDir, dir), { recursive: true });
  const published = '2025-03-01';
  const updated = '2025-06-15';

  for (let i = 0; i < counts.roles; i++) {
    // Roles come in ladders of four (entry → senior) so the career path has real steps and "reports to" has a target.
    const rung = i % 4;
    const top = i - rung + 3;
    const stage = CAREER_STAGES[rung]!;
    const next = rung < 3 && i + 1 < counts.roles ? [roleId(i + 1)] : [];
    const reportsTo = rung < 3 && top < counts.roles ? [roleId(top)] : [];
    const related = someRoles(2).filter((r) => r !== roleId(i) && !reportsTo.includes(r) && !next.includes(r));
    const settings = [...new Set([pick(c, SETTINGS), pick(c, SETTINGS)])];
    const terms = someTerms(3);
    const title = `Bench role ${pad(i)} ${pick(c, c.words)} ${pick(c, c.words)}`;
    const payCount = between(c, 1, 2);
    const pay = Array.from(
      { length: payCount },
      (_, k) =>
        `  - amount: ${between(c, 28_000, 120_000)}\n    per: year\n    basis: ${k === 0 ? 'median' : 'average'}\n    asOf: 2024-0${between(c, 1, 9)}\n` +
        `    region: United States\n    occupation: ${yamlString(`Bench occupation ${i % 50}`)}\n    source: ${pick(c, c.sources)}\n`,
    ).join('');
    const outlook =
      c.rand() < 0.5
        ? `outlook:\n  - percent: ${between(c, -5, 12)}\n    from: 2024\n    to: 2034\n    region: United States\n    occupation: ${yamlString(`Bench occupation ${i % 50}`)}\n    source: ${pick(c, c.sources)}\n`
        : '';
    const disagreements =
      c.rand() < 0.3
        ? `disagreements:\n  - topic: ${yamlString(short(c, 110))}\n    positions:\n` +
          `      - claim: ${yamlString(short(c, 200))}\n        source: ${pick(c, c.sources)}\n` +
          `      - claim: ${yamlString(short(c, 200))}\n        source: ${pick(c, c.sources)}\n`
        : '';
    const text =
      `---\ntitle: ${yamlString(title)}\ndescription: ${yamlString(description(c, title))}\npublished: ${published}\nupdated: ${updated}\n` +
      (i % 10 === 0 ? 'occupation: sound-engineering-technicians\n' : '') +
      `careerStage: ${stage}\nsettings: [${settings.join(', ')}]\n` +
      (reportsTo.length ? `reportsTo: [${reportsTo.join(', ')}]\n` : '') +
      (next.length ? `progressesTo: [${next.join(', ')}]\n` : '') +
      (related.length ? `related: [${related.join(', ')}]\n` : '') +
      cited(c, '', 'responsibilities', between(c, 3, 6)) +
      cited(c, '', 'skills', between(c, 2, 4)) +
      cited(c, '', 'education', between(c, 1, 2)) +
      `pay:\n${pay}${outlook}${disagreements}terms: [${terms.join(', ')}]\n---\n\n` +
      body(c, { roles: related, terms }, 2);
    writeFileSync(join(contentDir, 'roles', `${roleId(i)}.mdx`), text);
  }

  for (let i = 0; i < counts.glossary; i++) {
    const related = someTerms(2).filter((t) => t !== termId(i));
    const text =
      `term: ${yamlString(`Bench term ${pad(i)} ${pick(c, c.words)}`)}\n` +
      `definition: ${yamlString(`${sentence(c)} ${sentence(c)}`.slice(0, 480))}\n` +
      `aliases: [${yamlString(`bt${pad(i)}`)}]\n` +
      (related.length ? `related: [${related.join(', ')}]\n` : '') +
      (c.rand() < 0.5 ? `source: ${pick(c, c.sources)}\n` : '');
    writeFileSync(join(contentDir, 'glossary', `${termId(i)}.yaml`), text);
  }

  for (let i = 0; i < counts.guides; i++) {
    const roles = someRoles(3);
    const terms = someTerms(3);
    const sources = [...new Set([pick(c, c.sources), pick(c, c.sources)])];
    const title = `Bench guide ${pad(i)}: ${short(c, 60).replace(/\.$/, '')}`;
    const text =
      `---\ntitle: ${yamlString(title)}\ndescription: ${yamlString(description(c, `Bench guide ${pad(i)}`))}\n` +
      `published: ${published}\nupdated: ${updated}\n` +
      (roles.length ? `roles: [${roles.join(', ')}]\n` : '') +
      `sources: [${sources.join(', ')}]\nterms: [${terms.join(', ')}]\n---\n\n` +
      body(c, { roles, terms, sources }, 4);
    writeFileSync(join(contentDir, 'guides', `bench-guide-${pad(i)}.mdx`), text);
  }

  for (let i = 0; i < counts.comparisons; i++) {
    const a = i % counts.roles;
    const b = (i * 7 + 1) % counts.roles === a ? (a + 1) % counts.roles : (i * 7 + 1) % counts.roles;
    const terms = someTerms(2);
    const rows = Array.from({ length: between(c, 3, 5) }, () => {
      const cell = () => `        - text: ${yamlString(short(c, 200))}\n          source: ${pick(c, c.sources)}\n`;
      return `  - dimension: ${yamlString(short(c, 50).replace(/\.$/, ''))}\n    values:\n${cell()}${cell()}`;
    }).join('');
    const title = `Bench comparison ${pad(i)}: ${roleId(a)} vs ${roleId(b)}`;
    const text =
      `---\ntitle: ${yamlString(title)}\ndescription: ${yamlString(description(c, `Comparison ${pad(i)}`))}\n` +
      `published: ${published}\nupdated: ${updated}\nroles: [${roleId(a)}, ${roleId(b)}]\ndimensions:\n${rows}` +
      `terms: [${terms.join(', ')}]\n---\n\n` +
      body(c, { roles: [roleId(a), roleId(b)], terms }, 1);
    writeFileSync(join(contentDir, 'comparisons', `bench-comparison-${pad(i)}.mdx`), text);
  }

  return counts;
}

/** A page of plain prose, the same for every site the side-by-side benchmark builds. */
export interface PlainPage {
  id: string;
  title: string;
  description: string;
  /** Markdown body (valid MDX): an opening paragraph and four h2 sections, about 520 words, two links. */
  body: string;
}

/** The benchmark vocabulary minus the handbook's glossary words (see unlinkedVocabulary). */
export function plainVocabulary(contentDir: string): string[] {
  const glossaryDir = join(contentDir, 'glossary');
  return unlinkedVocabulary(
    glossaryDir,
    readdirSync(glossaryDir).filter((f) => f.endsWith('.yaml')),
  );
}

/**
 * `count` pages of plain Markdown prose for the side-by-side benchmark
 * (`npm run bench -- --vs-starlight`): about 520 words each in an opening
 * paragraph and four h2 sections, linking the next and the previous page
 * through `href`. Deterministic, so both sites get exactly the same text.
 */
export function plainPages(count: number, words: string[], href: (id: string) => string, seed = 7): PlainPage[] {
  const c: Context = { rand: mulberry32(seed), sources: [], realTerms: [], words };
  const id = (i: number) => `bench-page-${pad(i)}`;
  const paragraph = (sentences = 3) => Array.from({ length: sentences }, () => sentence(c)).join(' ');
  return Array.from({ length: count }, (_, i) => {
    const next = id((i + 1) % count);
    const previous = id((i + count - 1) % count);
    const sections = Array.from({ length: 4 }, (_, s) => {
      const link = s === 3 ? ` Go back to [the previous page](${href(previous)}).` : '';
      return `## ${short(c, 50).replace(/\.$/, '')}\n\n${paragraph()}\n\n${paragraph()}\n\n${paragraph(s === 0 ? 2 : 3)}${link}\n`;
    });
    return {
      id: id(i),
      title: `Bench page ${pad(i)} ${pick(c, c.words)} ${pick(c, c.words)}`,
      description: description(c, `Bench page ${pad(i)}`),
      body: `${paragraph(2)} Read on in [the next page](${href(next)}).\n\n${sections.join('\n')}`,
    };
  });
}
