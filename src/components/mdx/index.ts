/**
 * The components MDX content may use. They are passed to every rendered entry,
 * so content files never import anything (the validator forbids imports).
 * Keep this list in step with MDX_COMPONENTS in src/lib/content-validator.ts.
 * The lowercase entries replace HTML elements that Markdown produces; content
 * cannot name them.
 */
import Callout from './Callout.astro';
import Cite from './Cite.astro';
import ComparisonTable from './ComparisonTable.astro';
import HoursChart from './HoursChart.astro';
import SourcesDisagree from './SourcesDisagree.astro';
import Td from './Td.astro';
import Term from './Term.astro';
import Th from './Th.astro';

export const mdxComponents = { Callout, Cite, ComparisonTable, HoursChart, SourcesDisagree, Term, th: Th, td: Td };
