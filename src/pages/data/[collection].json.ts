import type { APIRoute, GetStaticPaths } from 'astro';
import { dataPayload, OPEN_DATA, type OpenDataCollection } from '../../lib/open-data.ts';

export const getStaticPaths = (() => OPEN_DATA.map((collection) => ({ params: { collection } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) =>
  new Response(`${JSON.stringify(await dataPayload(params.collection as OpenDataCollection, site!), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
