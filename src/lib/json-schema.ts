/**
 * JSON Schema for each collection, generated from the zod schemas (never
 * written by hand). Used for the open-data endpoints and for editors' text
 * editors. References are checked by the validator, not by JSON Schema, so the
 * schemas are built with an open context.
 */
import { z } from 'astro/zod';
import { COLLECTION_DEFS } from '../schemas/collections.ts';
import { OPEN_CONTEXT, type CollectionName } from '../schemas/common.ts';

export function jsonSchemaFor(collection: CollectionName, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  const schema = COLLECTION_DEFS[collection].schema(OPEN_CONTEXT);
  const json = z.toJSONSchema(schema, {
    io,
    // Dates arrive as strings or YAML dates and refinements cannot be expressed; describe what can be.
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as Record<string, unknown>;
  return { ...json, title: `Sound Careers Handbook: ${COLLECTION_DEFS[collection].noun}` };
}
