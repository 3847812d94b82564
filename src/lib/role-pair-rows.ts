/**
 * The rows of a generated comparison (src/components/comparisons/RolePairTable.astro), from two roles' typed
 * fields. Kept apart from the template so the row list, and the order its citations are numbered in, are one thing.
 */
import type { Role } from './content.ts';
import { formatChange, formatMoney, formatPartialDate, latestPeriodFirst, newestFirst, scopeLabel } from './figures.ts';
import { entryUrl } from './routes.ts';
import { SETTING_LABELS } from '../schemas/common.ts';
import { PAY_BASIS_LABELS } from '../schemas/figures.ts';
import { CAREER_STAGE_LABELS } from '../schemas/role.ts';

export interface PairItem {
  text: string;
  source?: string | undefined;
  href?: string | undefined;
}
export interface PairCell {
  role: string;
  items: PairItem[];
  /** Items left out of a long list. */
  more: number;
}
export interface PairRow {
  label: string;
  cells: [PairCell, PairCell];
}

/** How many duties, skills or routes a cell shows before pointing to the profile. */
export const CELL_LIMIT = 3;

const cut = (role: Role, items: PairItem[], limit = CELL_LIMIT): PairCell => ({
  role: role.id,
  items: items.slice(0, limit),
  more: Math.max(0, items.length - limit),
});

function pay(role: Role): PairItem[] {
  const f = newestFirst(role.data.pay.filter((p) => p.basis === 'median' || p.basis === 'average'))[0] ?? newestFirst(role.data.pay)[0];
  if (!f) return [];
  const whose = `${scopeLabel(f, role.data).toLowerCase()}: ${f.occupation}`;
  return [
    {
      text: `${formatMoney(f.amount, f.currency, f.per, f.amountTo)} (${PAY_BASIS_LABELS[f.basis].toLowerCase()}, ${f.asOf ? formatPartialDate(f.asOf) : 'undated'}, ${f.region}; ${whose})`,
      source: f.source,
    },
  ];
}

function outlook(role: Role): PairItem[] {
  const f = latestPeriodFirst(role.data.outlook)[0];
  if (!f) return [];
  const whose = `${scopeLabel(f, role.data).toLowerCase()}: ${f.occupation}`;
  return [{ text: `${formatChange(f.percent)} over ${f.from}–${f.to} (${f.region}; ${whose})`, source: f.source }];
}

export function pairRows(roles: readonly [Role, Role], titles: ReadonlyMap<string, string>): PairRow[] {
  const links = (ids: readonly string[]) => ids.map((id) => ({ text: titles.get(id) ?? id, href: entryUrl('roles', id) }));
  const rows: { label: string; of: (r: Role) => PairCell }[] = [
    { label: 'Career stage', of: (r) => cut(r, [{ text: CAREER_STAGE_LABELS[r.data.careerStage] }]) },
    { label: 'Typical settings', of: (r) => cut(r, [{ text: r.data.settings.map((s) => SETTING_LABELS[s]).join(', ') }]) },
    { label: 'Main duties', of: (r) => cut(r, r.data.responsibilities) },
    { label: 'Skills', of: (r) => cut(r, r.data.skills) },
    { label: 'Education and training', of: (r) => cut(r, [...r.data.education, ...r.data.training]) },
    { label: 'Pay (newest)', of: (r) => cut(r, pay(r)) },
    { label: 'Job outlook (latest)', of: (r) => cut(r, outlook(r)) },
    { label: 'Reports to', of: (r) => cut(r, links(r.data.reportsTo), 10) },
    { label: 'Moves on to', of: (r) => cut(r, links(r.data.progressesTo), 10) },
  ];
  return rows
    .map(({ label, of }) => ({ label, cells: [of(roles[0]), of(roles[1])] as [PairCell, PairCell] }))
    .filter((row) => row.cells.some((c) => c.items.length > 0));
}

/** The sources the table cites, row by row, so note numbers rise down the table. */
export const pairCitations = (rows: readonly PairRow[]) => [
  ...new Set(rows.flatMap((row) => row.cells.flatMap((cell) => cell.items.flatMap((item) => (item.source ? [item.source] : []))))),
];
