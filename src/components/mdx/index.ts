/**
 * The components MDX content may use, passed to every rendered entry, so
 * content files never import anything (the validator forbids imports). The
 * names come from the registry (registry.ts): the type below fails to compile
 * if a registered component has no implementation here, or the other way round.
 * The lowercase entries replace HTML elements that Markdown produces; content
 * cannot name them.
 */
import Callout from './Callout.astro';
import Cell from './Cell.astro';
import Cite from './Cite.astro';
import ComparisonTable from './ComparisonTable.astro';
import HoursChart from './HoursChart.astro';
import Img from './Img.astro';
import Position from './Position.astro';
import Row from './Row.astro';
import type { MdxComponentName } from './registry.ts';
import SourcesDisagree from './SourcesDisagree.astro';
import Table from './Table.astro';
import Td from './Td.astro';
import Term from './Term.astro';
import Th from './Th.astro';

const registered = { Callout, Cell, Cite, ComparisonTable, HoursChart, Position, Row, SourcesDisagree, Table, Term } satisfies Record<
  MdxComponentName,
  unknown
>;
// Every registered name, and no other capitalised one.
const exact: Record<keyof typeof registered, true> & Record<MdxComponentName, true> = {
  Callout: true,
  Cell: true,
  Cite: true,
  ComparisonTable: true,
  HoursChart: true,
  Position: true,
  Row: true,
  SourcesDisagree: true,
  Table: true,
  Term: true,
};
void exact;

export const mdxComponents = { ...registered, th: Th, td: Td, img: Img };
