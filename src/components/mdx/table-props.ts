/**
 * Props of the <Table>, <Row> and <Cell> components: the route for tables that
 * Markdown cannot express (merged cells, several lines in a cell). MDX hands
 * attribute values over as strings, so spans are coerced from text and bounded,
 * which keeps a typo such as colspan="200" from producing a page-wide cell.
 */
import { z } from 'astro/zod';

const span = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a whole number such as "2"` })
    .int({ error: `${name} must be a whole number such as "2"` })
    .min(1, { error: `${name} must be at least 1` })
    .max(12, { error: `${name} can merge at most 12 cells; split the table instead` });

export const tablePropsSchema = z.strictObject({
  /** What the table shows, read out by screen readers and shown above it. */
  caption: z.string({ error: 'caption is required: say in a few words what the table shows' }).trim().min(3).max(200),
});

export const rowPropsSchema = z.strictObject({
  /** true for a row of column headings at the top of the table. */
  head: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional(),
});

export const cellPropsSchema = z.strictObject({
  /** "col" for a column heading, "row" for a row heading; leave out for a data cell. */
  header: z.enum(['col', 'row'], { error: 'header must be "col" (a column heading) or "row" (a row heading)' }).optional(),
  /** How many columns the cell spans. */
  colspan: span('colspan').optional(),
  /** How many rows the cell spans. */
  rowspan: span('rowspan').optional(),
  /** "right" for numbers, "center" for short marks; left is the default. */
  align: z.enum(['left', 'right', 'center'], { error: 'align must be left, right or center' }).optional(),
});

export type TableProps = z.infer<typeof tablePropsSchema>;
export type RowProps = z.infer<typeof rowPropsSchema>;
export type CellProps = z.infer<typeof cellPropsSchema>;
