/**
 * Static JSON endpoints (/data/<collection>.json) and their JSON Schemas
 * (/data/<collection>.schema.json), both generated from the same collections
 * and zod schemas as the pages.
 */
import { COLLECTIONS, REGISTRY, type CollectionName } from '../schemas/registry.ts';
import { HANDBOOK_LICENCE, licenceName, licenceUrl, SHARE_ALIKE_LICENCE, type LicenceId } from '../schemas/licences.ts';
import type { Source } from '../schemas/source.ts';
import { citedSourceIds, getFrameworks, getSources, publishedEntries } from './content.ts';
import { jsonSchemaFor } from './json-schema.ts';
import { entryUrl } from './routes.ts';
import { SITE_NAME } from './site.ts';

/** Every collection is published as open data. */
export const OPEN_DATA: readonly CollectionName[] = COLLECTIONS;
export type OpenDataCollection = CollectionName;

const HANDBOOK_CREDIT = `${licenceName(HANDBOOK_LICENCE)} (${licenceUrl(HANDBOOK_LICENCE)}), credit "${SITE_NAME}"`;

export interface Credit {
  id: string;
  title: string;
  licence: LicenceId;
  attribution?: string | undefined;
}

/** A part of the open data: its own terms, and the openly licensed or public-domain sources it draws on. */
export interface PartLicence {
  terms: string;
  credits: Credit[];
}

const creditLine = (c: Credit) => `${c.title} — ${licenceName(c.licence)}.${c.attribution ? ` ${c.attribution}` : ''}`;

/** The openly licensed or public-domain sources the entries cite; all-rights-reserved ones are cited, never reused. */
function creditsFor(entries: readonly { data: object; body?: string | undefined }[], sources: ReadonlyMap<string, Source>): Credit[] {
  const ids = new Set(entries.flatMap((e) => citedSourceIds(e.data, e.body)));
  return [...ids].flatMap((id) => {
    const s = sources.get(id);
    return s && s.licence !== 'all-rights-reserved' ? [{ id, title: s.title, licence: s.licence, attribution: s.attribution }] : [];
  });
}

/**
 * The terms of /data/<collection>.json, from the typed licences: the handbook's own text is CC BY 4.0, pages that
 * adapt share-alike text are CC BY-SA 4.0, and a framework keeps the terms of the export it restates.
 */
export async function partLicence(collection: OpenDataCollection): Promise<PartLicence> {
  const sources = new Map((await getSources()).map((s) => [s.id, s.data]));
  if (collection === 'sources') {
    return {
      terms: `The records are ${HANDBOOK_CREDIT}. The license each record names is that of the document it describes, not of the record: the handbook cites those documents, it does not republish them.`,
      credits: [],
    };
  }
  if (collection === 'frameworks') {
    const origins = (await getFrameworks()).map((f) => {
      const source = f.data.handbook ? sources.get(f.data.handbook.source) : undefined;
      if (!source) return `${f.id}: ${f.data.attribution ?? 'the export names no license'}; not licensed by the handbook.`;
      const terms =
        source.licence === 'all-rights-reserved'
          ? "all rights reserved by its publisher, so not covered by the handbook's license"
          : licenceName(source.licence);
      return `${f.id} restates ${source.title} (${source.publisher}): ${terms}.${source.attribution ? ` ${source.attribution}` : ''}`;
    });
    return { terms: `Competency frameworks keep the terms of the exports they restate. ${origins.join(' ')}`, credits: [] };
  }
  const entries: readonly { data: object; body?: string | undefined }[] = await publishedEntries(collection);
  const shareAlike = entries.filter((e) => (e.data as { licence?: string }).licence === SHARE_ALIKE_LICENCE).length;
  const terms =
    shareAlike > 0
      ? `${HANDBOOK_CREDIT}, except the ${shareAlike} item(s) licensed ${SHARE_ALIKE_LICENCE}: they adapt share-alike text (named in adaptedFrom) and are ${licenceName(SHARE_ALIKE_LICENCE)} (${licenceUrl(SHARE_ALIKE_LICENCE)}).`
      : `${HANDBOOK_CREDIT}.`;
  return { terms: `${REGISTRY[collection].plural} written by the handbook: ${terms}`, credits: creditsFor(entries, sources) };
}

/** The part's terms as one statement, for the `licence` field of its file. */
export async function dataLicence(collection: OpenDataCollection): Promise<string> {
  const { terms, credits } = await partLicence(collection);
  if (credits.length === 0) return terms;
  return `${terms} Facts and figures come from the sources each item names, in the handbook's own words; these openly licensed or public-domain ones ask for credit or notice: ${credits.map(creditLine).join(' ')}`;
}

export const dataPath = (c: OpenDataCollection) => `/data/${c}.json`;
export const schemaPath = (c: OpenDataCollection) => `/data/${c}.schema.json`;

export async function dataPayload(collection: OpenDataCollection, site: URL) {
  const entries: readonly { id: string; data: object }[] = await publishedEntries(collection);
  return {
    $schema: new URL(schemaPath(collection), site).href,
    collection,
    description: `Every published ${REGISTRY[collection].noun} in the Sound Careers Handbook.`,
    licence: await dataLicence(collection),
    count: entries.length,
    items: entries.map((e) => ({ id: e.id, url: new URL(entryUrl(collection, e.id), site).href, ...e.data })),
  };
}

/** The endpoint's schema: the collection's generated item schema inside the envelope above. */
export function dataSchema(collection: OpenDataCollection, site: URL) {
  const { $schema, title, ...item } = jsonSchemaFor(collection, 'output');
  const itemProperties = (item.properties ?? {}) as Record<string, unknown>;
  return {
    $schema,
    $id: new URL(schemaPath(collection), site).href,
    title: `${String(title)} (open data)`,
    type: 'object',
    required: ['collection', 'licence', 'count', 'items'],
    properties: {
      $schema: { type: 'string' },
      collection: { const: collection },
      description: { type: 'string' },
      licence: { type: 'string' },
      count: { type: 'integer', minimum: 0 },
      items: {
        type: 'array',
        items: {
          ...item,
          properties: { id: { type: 'string' }, url: { type: 'string', format: 'uri' }, ...itemProperties },
          required: ['id', 'url', ...((item.required as string[] | undefined) ?? [])],
        },
      },
    },
    additionalProperties: false,
  };
}
