import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import Cell from '../../src/components/mdx/Cell.astro';
import Row from '../../src/components/mdx/Row.astro';
import Table from '../../src/components/mdx/Table.astro';
import { cellPropsSchema, tablePropsSchema } from '../../src/components/mdx/table-props.ts';

/** The messages of a failed parse, as "path: message". */
function errors(schema: typeof cellPropsSchema | typeof tablePropsSchema, data: unknown): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('<Table>, <Row> and <Cell> props', () => {
  it('turns MDX string attributes into numbers and accepts headings', () => {
    expect(cellPropsSchema.parse({ header: 'col', colspan: '2', rowspan: '3' })).toEqual({ header: 'col', colspan: 2, rowspan: 3 });
  });

  it('names the attribute and the fix for spans that are not whole numbers, too large, or zero', () => {
    expect(errors(cellPropsSchema, { colspan: 'two' })).toEqual(['colspan: colspan must be a whole number such as "2"']);
    expect(errors(cellPropsSchema, { rowspan: '1.5' })).toEqual(['rowspan: rowspan must be a whole number such as "2"']);
    expect(errors(cellPropsSchema, { colspan: '200' })).toEqual(['colspan: colspan can merge at most 12 cells; split the table instead']);
    expect(errors(cellPropsSchema, { colspan: '0' })).toEqual(['colspan: colspan must be at least 1']);
  });

  it('refuses unknown attributes and header values, and a table without a caption', () => {
    expect(errors(cellPropsSchema, { header: 'column' })).toEqual([
      'header: header must be "col" (a column heading) or "row" (a row heading)',
    ]);
    expect(errors(cellPropsSchema, { style: 'color:red' })[0]).toMatch(/style/);
    expect(errors(tablePropsSchema, {})).toEqual(['caption: caption is required: say in a few words what the table shows']);
  });
});

describe('<Table> renders merged cells as a real table', () => {
  it('writes th with scope, colspan and rowspan, inside a captioned scroll region', async () => {
    const container = await AstroContainer.create();
    const cell = await container.renderToString(Cell, { props: { header: 'col', colspan: '2' }, slots: { default: 'Saturday' } });
    expect(cell).toMatch(/<th scope="col" colspan="2"[^>]*>\s*Saturday\s*<\/th>/);
    const data = await container.renderToString(Cell, { props: { rowspan: '2', align: 'right' }, slots: { default: '42' } });
    expect(data).toMatch(/<td rowspan="2" class="align-right"[^>]*>\s*42\s*<\/td>/);
    const row = await container.renderToString(Row, { props: { head: true }, slots: { default: cell } });
    expect(row).toContain('<tr class="head-row">');
    const table = await container.renderToString(Table, { props: { caption: 'Shifts' }, slots: { default: row } });
    expect(table).toMatch(/<section class="table-scroll" tabindex="0" aria-label="Shifts">/);
    expect(table).toMatch(/<caption>Shifts<\/caption>\s*<tbody><tr class="head-row">/);
  });
});
