import type { APIRoute, GetStaticPaths } from 'astro';
import { dataSchema, OPEN_DATA, type OpenDataCollection } from '../../lib/open-data.ts';

export const getStaticPaths = (() => OPEN_DATA.map((collection) => ({ params: { collection } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) =>
  new Response(`${JSON.stringify(dataSchema(params.collection as OpenDataCollection, site!), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
