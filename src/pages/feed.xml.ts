import type { APIRoute } from 'astro';
import { atomFeed } from '../lib/feed.ts';
import { allPages } from '../lib/page-meta.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(atomFeed(await allPages(), site!), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
