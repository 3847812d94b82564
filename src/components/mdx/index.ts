/**
 * The components MDX content may use. They are passed to every rendered entry,
 * so content files never import anything (the validator forbids imports).
 * Keep this list in step with MDX_COMPONENTS in src/lib/content-validator.ts.
 * The lowercase entries replace HTML elements that Markdown produces; content
 * cannot name them.
 */
import Callout from './Callout.astro';
import Cell from './Cell.astro';
import Cite from './Cite.astro';
import ComparisonTable from './ComparisonTable.astro';
import HoursChart from './HoursChart.astro';
import Row from './Row.astro';
import SourcesDisagree from './SourcesDisagree.astro';
import Table from './Table.astro';
import Td from './Td.astro';
import Term from './Term.astro';
import Th from './Th.astro';

export const mdxComponents = {
  Callout,
  Cell,
  Cite,
  ComparisonTable,
  HoursChart,
  Row,
  SourcesDisagree,
  Table,
  Term,
  th: Th,
  td: Td,
};
