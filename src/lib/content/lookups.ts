/**
 * Entries by id and by the entries they name: references resolved (a draft
 * fails the build here), and the reverse indexes a page's "Supervises",
 * "Entry routes" and "Guides" lists need. Part of src/lib/content.ts.
 */
import { CLOCK_HOUR_TERM, CREDIT_UNITS } from '../../schemas/program-units.ts';
import { SECTORS, SETTING_SECTOR } from '../../schemas/common.ts';
import type { Reuse } from '../../schemas/licences.ts';
import { layoutCareerPath, type PathLayout } from '../career-path.ts';
import {
  getComparisons,
  getGlossary,
  getGuides,
  getPrograms,
  getRoles,
  getSources,
  type Comparison,
  type GlossaryEntry,
  type Guide,
  type Program,
  type Role,
  type SourceEntry,
} from './collections.ts';
import { byId, groupBy, once } from './memo.ts';

/**
 * Looks entries up by id and fails the build on an unknown one. Schemas already
 * check references, so this only trips if a referenced entry is a draft.
 */
function pick<T>(all: ReadonlyMap<string, T>, ids: readonly string[], what: string, from: string): T[] {
  return ids.map((id) => {
    const found = all.get(id);
    if (!found) throw new Error(`${from} refers to ${what} "${id}", which is missing or a draft; publish it or remove the reference`);
    return found;
  });
}

const rolesById = () => once('roles-by-id', async () => byId(await getRoles()));
const termsById = () => once('glossary-by-id', async () => byId(await getGlossary()));
const sourcesById = () => once('sources-by-id', async () => byId(await getSources()));

export async function rolesByIds(ids: readonly string[], from: string): Promise<Role[]> {
  return pick(await rolesById(), ids, 'role', from);
}

export async function termsByIds(ids: readonly string[], from: string): Promise<GlossaryEntry[]> {
  return pick(await termsById(), ids, 'glossary term', from);
}

export async function sourcesByIds(ids: readonly string[], from: string): Promise<SourceEntry[]> {
  return pick(await sourcesById(), ids, 'source', from);
}

/** When the handbook read each of these sources (`accessed`), for figures whose source shows no date. */
export async function accessedDates(ids: readonly string[], from: string): Promise<ReadonlyMap<string, string | undefined>> {
  return new Map((await sourcesByIds([...new Set(ids)], from)).map((s) => [s.id, s.data.accessed]));
}

/**
/**
 * A competency framework restates the export it comes from, so it carries that export's licence (the handbook
 * cannot relicense it), and its `handbook.adaptation` says how it was changed.
 */
export async function frameworkReuse(handbook: { source: string; adaptation: string }): Promise<Reuse> {
  const [source] = await sourcesByIds([handbook.source], 'A competency framework');
  return { licence: source!.data.licence, adaptedFrom: [{ source: handbook.source, changes: handbook.adaptation }] };
}

/**
 * Glossary entries that explain the units a program is stated in (clock hours,
 * its unit of credit), in that order; a missing term fails the build here.
 */
export async function programUnitTerms(d: Program['data'], from: string): Promise<GlossaryEntry[]> {
  const ids = [...(d.hours ? [CLOCK_HOUR_TERM] : []), ...(d.credits ? [CREDIT_UNITS[d.credits.unit].term] : [])];
  return termsByIds([...new Set(ids)], from);
}

const programsById = () => once('programs-by-id', async () => byId(await getPrograms()));
const comparisonsById = () => once('comparisons-by-id', async () => byId(await getComparisons()));

export async function programById(id: string, from: string): Promise<Program> {
  return pick(await programsById(), [id], 'training program', from)[0]!;
}

export async function comparisonById(id: string, from: string): Promise<Comparison> {
  return pick(await comparisonsById(), [id], 'comparison', from)[0]!;
}

export async function comparisonsForRole(id: string): Promise<readonly Comparison[]> {
  const index = await once('comparisons-by-role', async () => groupBy(await getComparisons(), (c) => c.data.roles));
  return index.get(id) ?? [];
}

export async function guidesForRole(id: string): Promise<readonly Guide[]> {
  const index = await once('guides-by-role', async () => groupBy(await getGuides(), (g) => g.data.roles));
  return index.get(id) ?? [];
}

export async function programsForRole(id: string): Promise<readonly Program[]> {
  const index = await once('programs-by-role', async () => groupBy(await getPrograms(), (p) => p.data.roles));
  return index.get(id) ?? [];
}

/** Roles that list `id` in their reportsTo, i.e. the people this role supervises. */
export async function rolesReportingTo(id: string): Promise<readonly Role[]> {
  const index = await once('roles-by-reports-to', async () => groupBy(await getRoles(), (r) => r.data.reportsTo));
  return index.get(id) ?? [];
}

/** Roles that list `id` in their progressesTo: the roles people usually come to this one from. */
export async function rolesProgressingTo(id: string): Promise<readonly Role[]> {
  const index = await once('roles-by-progresses-to', async () => groupBy(await getRoles(), (r) => r.data.progressesTo));
  return index.get(id) ?? [];
}

/**
 * The career path across sectors: every role but the occupation entries (which span every stage), each in the lane of
 * its most typical setting, laid out from `progressesTo`.
 */
export function getCareerPath(): Promise<PathLayout> {
  return once('career-path', async () =>
    layoutCareerPath(
      (await getRoles())
        .filter((r) => r.data.careerStage !== 'occupation')
        .map((r) => ({
          id: r.id,
          title: r.data.title,
          caption: r.data.pathLabel,
          lane: SETTING_SECTOR[r.data.settings[0]!],
          progressesTo: r.data.progressesTo,
        })),
      SECTORS,
    ),
  );
}

/** Roles whose `occupation` is `id`: the roles within an occupation. */
export async function rolesInOccupation(id: string): Promise<readonly Role[]> {
  const index = await once('roles-by-occupation', async () =>
    groupBy(await getRoles(), (r) => (r.data.occupation ? [r.data.occupation] : [])),
  );
  return index.get(id) ?? [];
}
