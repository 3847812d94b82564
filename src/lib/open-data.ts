/**
 * Static JSON endpoints (/data/<collection>.json) and their JSON Schemas
 * (/data/<collection>.schema.json), both generated from the same collections
 * and zod schemas as the pages.
 */
import { COLLECTIONS, REGISTRY, type CollectionName } from '../schemas/registry.ts';
import { publishedEntries } from './content.ts';
import { jsonSchemaFor } from './json-schema.ts';
import { entryUrl } from './routes.ts';

/** Every collection is published as open data. */
export const OPEN_DATA: readonly CollectionName[] = COLLECTIONS;
export type OpenDataCollection = CollectionName;

export const DATA_LICENCE =
  'Handbook text and data: CC BY 4.0, credit "Sound Careers Handbook". Each item names its sources; figures from the U.S. Bureau of Labor Statistics are in the public domain. Includes information from the O*NET 30.2 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), used under CC BY 4.0 and modified by the handbook; O*NET® is a trademark of USDOL/ETA. The competency framework is adapted from a framework © EBSCOed.';

export const dataPath = (c: OpenDataCollection) => `/data/${c}.json`;
export const schemaPath = (c: OpenDataCollection) => `/data/${c}.schema.json`;

export async function dataPayload(collection: OpenDataCollection, site: URL) {
  const entries: readonly { id: string; data: object }[] = await publishedEntries(collection);
  return {
    $schema: new URL(schemaPath(collection), site).href,
    collection,
    description: `Every published ${REGISTRY[collection].noun} in the Sound Careers Handbook.`,
    licence: DATA_LICENCE,
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
