/**
 * The one drafts rule. An entry with `draft: true` is checked like any other,
 * shown by `npm run dev`, and never published; a published page may not link
 * to it or show it (the validator reports that at the link's line).
 */
export const isDraft = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && (data as { draft?: unknown }).draft === true;

/** Whether the site shows an entry: drafts only in the editing server. */
export const isPublished = (data: unknown, dev: boolean): boolean => dev || !isDraft(data);
