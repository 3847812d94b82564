/**
 * The one registry of components MDX content may use: name, props schema,
 * what it takes between its tags, and the description editors read on
 * /contribute/components/. The validator checks every tag against it, the
 * components map (index.ts) must provide exactly these names, and the
 * contribute page documents them from it.
 *
 * Props are literal strings only (content may not run code, so no {…} values);
 * each schema receives the ids on disk, so an unknown id fails at the tag.
 */
import { z } from 'astro/zod';
import { choice, ref, type SchemaContext } from '../../schemas/common.ts';
import { cellPropsSchema, rowPropsSchema, tablePropsSchema } from './table-props.ts';

export const CALLOUT_TYPES = ['note', 'tip', 'warning'] as const;

const text = (name: string) =>
  z
    .string({ error: `${name} must be text in quotes` })
    .trim()
    .min(1, { error: `${name} must not be empty` });

export interface MdxComponentSpec {
  /** One sentence for editors. */
  summary: string;
  /** Each attribute with what it is, in the order editors write them. */
  attributes: [name: string, what: string][];
  props: (ctx: SchemaContext) => z.ZodType;
  /**
   * What may sit between the tags: nothing (the tag ends in />), text (inline
   * Markdown), blocks (paragraphs, lists), or only the named child component.
   */
  children: 'none' | 'text' | 'blocks' | { only: string; min: number };
  /** A component that only makes sense inside another one. */
  parent?: string;
  /** The example in src/components/mdx/examples/, shown on /contribute/components/. */
  example?: string;
}

export const MDX_COMPONENTS = {
  Cite: {
    summary:
      'An inline citation by source id. It shows the source’s note number; the numbered notes are listed under “Sources for this page” at the end.',
    attributes: [['source', 'required: the id of a source in content/sources/']],
    props: (ctx) => z.strictObject({ source: ref(ctx, 'sources') }),
    children: 'none',
    example: 'cite',
  },
  Term: {
    summary: 'Links words in the text to their glossary entry. Link the first use of each glossary term on a page.',
    attributes: [['id', 'required: the id of a glossary term in content/glossary/']],
    props: (ctx) => z.strictObject({ id: ref(ctx, 'glossary') }),
    children: 'text',
    example: 'term',
  },
  Callout: {
    summary: 'A boxed aside for a tip, a caveat or a warning, set apart from the running text.',
    attributes: [
      ['type', 'optional: note (the default), tip or warning'],
      ['title', 'optional: a heading for the box; without one it reads Note, Tip or Warning'],
    ],
    props: () => z.strictObject({ type: choice(CALLOUT_TYPES).optional(), title: text('title').optional() }),
    children: 'blocks',
    example: 'callout',
  },
  SourcesDisagree: {
    summary:
      'Shows where sources disagree, each position with its citation and no verdict, at the point in the text where it matters. Each side is a <Position> inside it.',
    attributes: [
      ['topic', 'required: the question the sources answer differently'],
      ['note', 'optional: how to read the disagreement (not a verdict)'],
    ],
    props: () => z.strictObject({ topic: text('topic'), note: text('note').optional() }),
    children: { only: 'Position', min: 2 },
    example: 'sources-disagree',
  },
  Position: {
    summary: 'One side of a <SourcesDisagree>: the claim in the handbook’s words, between the tags, and the source that makes it.',
    attributes: [['source', 'required: the id of the source that makes the claim']],
    props: (ctx) => z.strictObject({ source: ref(ctx, 'sources') }),
    children: 'text',
    parent: 'SourcesDisagree',
  },
  HoursChart: {
    summary: 'A training program’s clock hours as a bar, with the split by kind and a citation for the hours.',
    attributes: [['program', 'required: the id of a program in content/programs/']],
    props: (ctx) => z.strictObject({ program: ref(ctx, 'programs') }),
    children: 'none',
    example: 'hours-chart',
  },
  ComparisonTable: {
    summary: 'The side-by-side table of a comparison, every cell cited, for use on another page.',
    attributes: [['comparison', 'required: the id of a comparison in content/comparisons/']],
    props: (ctx) => z.strictObject({ comparison: ref(ctx, 'comparisons') }),
    children: 'none',
    example: 'comparison-table',
  },
  Table: {
    summary:
      'A table that Markdown cannot write: cells merged across columns or rows, or several lines in one cell. Build it from <Row> and <Cell>; end a line inside a cell with a backslash to start a new one. Use a Markdown table whenever you can.',
    attributes: [['caption', 'required: what the table shows']],
    props: () => tablePropsSchema,
    children: { only: 'Row', min: 1 },
    example: 'table',
  },
  Row: {
    summary: 'One row of a <Table>, holding its <Cell>s.',
    attributes: [['head', 'optional: marks the row of column headings']],
    props: () => rowPropsSchema,
    children: { only: 'Cell', min: 1 },
    parent: 'Table',
  },
  Cell: {
    summary: 'One cell of a <Row>: text, or several lines ended with a backslash.',
    attributes: [
      ['header', 'optional: col for a column heading, row for a row heading'],
      ['colspan, rowspan', 'optional: how many columns or rows the cell covers, from 1 to 12, e.g. colspan="2"'],
      ['align', 'optional: right for numbers, center for short marks'],
    ],
    props: () => cellPropsSchema,
    children: 'blocks',
    parent: 'Row',
  },
} as const satisfies Record<string, MdxComponentSpec>;

export type MdxComponentName = keyof typeof MDX_COMPONENTS;
export const MDX_COMPONENT_NAMES = Object.keys(MDX_COMPONENTS) as MdxComponentName[];
export const isMdxComponent = (name: string): name is MdxComponentName => Object.hasOwn(MDX_COMPONENTS, name);
/** Components an editor places directly in the text (Position only inside SourcesDisagree). */
export const TOP_LEVEL_COMPONENTS = MDX_COMPONENT_NAMES.filter((n) => !('parent' in MDX_COMPONENTS[n]));
