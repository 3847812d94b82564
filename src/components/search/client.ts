/**
 * The search interface in the browser, on Pagefind's own JavaScript API
 * (/pagefind/pagefind.js). The inline loader (SearchLoader.astro) imports it
 * only when the reader asks for search; the build bundles and minifies it into
 * /pagefind/search-ui.js (src/integrations/search-ui.ts). It is a few kilobytes,
 * where Pagefind's Component UI was 33 KB compressed, because it draws only
 * what the handbook uses: a text box, three filters, a list of results with
 * their headings, and arrow-key movement between them.
 *
 * The markup comes from the page (SearchUi.astro, inside a <template>); this
 * module stamps it, fills in filters and results, and keeps /search/?q= in
 * step with the query on the search page.
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: { title: string; url: string; excerpt: string }[];
}
interface PagefindSearch {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(o: object): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string, o?: { filters?: Record<string, string[]> }): Promise<PagefindSearch | null>;
}

/** Filters in the order readers see them, with their labels. */
const FILTERS = [
  ['type', 'Type'],
  ['role', 'Role'],
  ['setting', 'Setting'],
] as const;
/** Results drawn per step: each one fetches its own fragment, so a first search stays small. */
const PAGE = 8;
/** Headings shown under a result. */
const SUB_RESULTS = 2;
/** Milliseconds without a keystroke before searching. */
const TYPING_PAUSE = 150;

const d = document;
let pagefind: Promise<Pagefind> | undefined;
/** Bumped by every search, so a slow answer never overwrites a newer one. */
let generation = 0;

function api(): Promise<Pagefind> {
  return (pagefind ??= (async () => {
    // Pagefind's API sits beside this file in dist/pagefind/; a variable keeps bundlers and type checks off it.
    const url = '/pagefind/pagefind.js';
    const pf = (await import(url)) as Pagefind;
    // The index is small enough to query on the page itself: no worker script to fetch.
    // Ranking: see SearchLoader.astro's comment for why names and aliases outrank titles.
    await pf.options({ noWorker: true, ranking: { metaWeights: { name: 10, aliases: 5, title: 3, role: 0 } } });
    // Searches report filter counts only once the filter index is loaded.
    await pf.filters();
    return pf;
  })());
}

function el(tag: string, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElement {
  const node = Object.assign(d.createElement(tag), props);
  node.append(...children);
  return node;
}

/** One mounted interface: the dialog's or the search page's. */
class SearchUi {
  readonly input: HTMLInputElement;
  readonly status: HTMLElement;
  readonly list: HTMLOListElement;
  readonly filterBox: HTMLElement;
  readonly more: HTMLButtonElement;
  #chosen = new Map<string, Set<string>>();
  #results: PagefindSearch['results'] = [];
  #shown = 0;

  readonly onQuery: ((q: string) => void) | undefined;

  constructor(root: HTMLElement, onQuery?: (q: string) => void) {
    this.onQuery = onQuery;
    const q = <T extends Element>(s: string) => root.querySelector<T>(s)!;
    this.input = q('input[type="search"]');
    this.status = q('.search-status');
    this.list = q('.search-results');
    this.filterBox = q('.search-filters');
    this.more = q('.search-more');
    // A search per keystroke would fetch index chunks for every prefix typed; wait for a pause in typing.
    let typing: ReturnType<typeof setTimeout> | undefined;
    this.input.addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(() => void this.run(), TYPING_PAUSE);
    });
    this.more.addEventListener('click', () => void this.draw(PAGE));
    this.filterBox.addEventListener('change', (e) => {
      const box = e.target as HTMLInputElement;
      const set = this.#chosen.get(box.name) ?? new Set();
      if (box.checked) set.add(box.value);
      else set.delete(box.value);
      this.#chosen.set(box.name, set);
      void this.run();
    });
    root.addEventListener('keydown', (e) => this.#arrows(e));
  }

  /** Up and down move between the text box and the result links; Enter follows a link as links do. */
  #arrows(e: KeyboardEvent) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const stops = [this.input, ...this.list.querySelectorAll<HTMLAnchorElement>('a')];
    const at = stops.indexOf(d.activeElement as HTMLInputElement);
    if (at < 0) return;
    e.preventDefault();
    stops[Math.min(stops.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))]!.focus();
  }

  async run() {
    const term = this.input.value.trim();
    this.onQuery?.(term);
    const mine = ++generation;
    if (!term) {
      this.#show(mine, null, term);
      return;
    }
    const filters = Object.fromEntries([...this.#chosen].filter(([, v]) => v.size).map(([k, v]) => [k, [...v]]));
    const found = await (await api()).search(term, { filters });
    if (found) this.#show(mine, found, term);
  }

  #show(mine: number, found: PagefindSearch | null, term: string) {
    if (mine !== generation) return;
    this.#results = found?.results ?? [];
    this.#shown = 0;
    this.list.replaceChildren();
    const n = this.#results.length;
    this.status.textContent = found ? `${n} result${n === 1 ? '' : 's'} for “${term}”` : '';
    this.#drawFilters(found);
    void this.draw(PAGE);
  }

  #drawFilters(found: PagefindSearch | null) {
    const open = new Set([...this.filterBox.querySelectorAll('details[open]')].map((x) => x.getAttribute('data-filter')));
    const groups = FILTERS.flatMap(([key, label]) => {
      const total = found?.totalFilters[key] ?? {};
      const chosen = this.#chosen.get(key) ?? new Set();
      const values = Object.keys(total)
        .filter((v) => total[v]! > 0 || chosen.has(v))
        .sort((a, b) => a.localeCompare(b));
      if (!values.length) return [];
      const boxes = values.map((value) =>
        el(
          'label',
          {},
          el('input', { type: 'checkbox', name: key, value, checked: chosen.has(value) }),
          ` ${value} `,
          el('span', { className: 'search-count' }, `(${found?.filters[key]?.[value] ?? 0})`),
        ),
      );
      const details = el(
        'details',
        { open: open.has(key) },
        el('summary', {}, label),
        el('fieldset', {}, el('legend', { className: 'sr-only' }, label), ...boxes),
      );
      details.dataset['filter'] = key;
      return [details];
    });
    this.filterBox.replaceChildren(...groups);
    this.filterBox.hidden = groups.length === 0;
  }

  /** Draws the next `count` results, each as soon as its fragment arrives, in order. */
  async draw(count: number) {
    const mine = generation;
    const batch = this.#results.slice(this.#shown, this.#shown + count);
    this.#shown += batch.length;
    this.more.hidden = this.#shown >= this.#results.length;
    const slots = batch.map(() => this.list.appendChild(el('li', { className: 'search-loading' })));
    await Promise.all(
      batch.map(async (result, i) => {
        const data = await result.data();
        if (mine === generation) slots[i]!.replaceWith(this.#item(data));
      }),
    );
  }

  #item(data: PagefindResultData): HTMLElement {
    const excerpt = (html: string) => {
      const p = el('p', { className: 'search-excerpt' });
      // Pagefind escapes the page text and adds only <mark> around matches.
      p.innerHTML = html;
      return p;
    };
    const meta = [data.meta['type'], data.meta['role']].filter(Boolean).join(' · ');
    const subs = (data.sub_results ?? []).filter((s) => s.url !== data.url && s.url.includes('#')).slice(0, SUB_RESULTS);
    return el(
      'li',
      {},
      el('a', { href: data.url, className: 'search-result-link' }, data.meta['title'] ?? data.url),
      ...(meta ? [el('p', { className: 'search-meta' }, meta)] : []),
      excerpt(data.excerpt),
      ...(subs.length ? [el('ul', {}, ...subs.map((s) => el('li', {}, el('a', { href: s.url }, s.title), excerpt(s.excerpt))))] : []),
    );
  }
}

/** Stamps each waiting <template data-search-ui> into the page. */
function stamp() {
  for (const t of d.querySelectorAll<HTMLTemplateElement>('template[data-search-ui]')) t.replaceWith(t.content);
}

let dialog: { ui: SearchUi; box: HTMLDialogElement } | undefined;
let returnTo: HTMLElement | null = null;

/** Prepares search on this page; on /search/ it lays search out and runs ?q= from the address. */
export function mount(): void {
  stamp();
  void api();
  const panel = d.querySelector<HTMLElement>('[data-search-page]');
  if (panel) {
    const ui = new SearchUi(panel, (q) => history.replaceState(null, '', q ? `/search/?q=${encodeURIComponent(q)}` : '/search/'));
    const q = new URLSearchParams(location.search).get('q');
    if (q) {
      ui.input.value = q;
      void ui.run();
    }
  }
  const box = d.querySelector<HTMLDialogElement>('dialog.search-dialog');
  if (box) {
    dialog = { ui: new SearchUi(box), box };
    // A click on the backdrop (outside the dialog's box) closes it.
    box.addEventListener('click', (e) => e.target === box && box.close());
    box.addEventListener('close', () => returnTo?.focus());
  }
}

/** Opens the dialog, or, on the search page, moves to its text box. */
export function open(): void {
  if (!dialog) {
    d.querySelector<HTMLInputElement>('[data-search-page] input[type="search"]')?.focus();
    return;
  }
  returnTo = d.activeElement instanceof HTMLElement && d.activeElement !== d.body ? d.activeElement : null;
  if (!dialog.box.open) dialog.box.showModal();
  dialog.ui.input.focus();
  dialog.ui.input.select();
}
