import type { APIRoute } from 'astro';
import { llmsIndex } from '../lib/llms.ts';
import { allPages } from '../lib/page-meta.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(llmsIndex(await allPages(), site!), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
