import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import { attr, byTag, parseHtml, textOf } from '../../src/lib/html.ts';
import { salaryDistributions, serializeJsonLd } from '../../src/lib/structured-data.ts';

const hostile = 'Mixing </script><script>alert(1)</script> <!-- & more \u2028';

describe('JSON-LD escaping', () => {
  it('leaves no sequence that could end a <script> element or open a comment', () => {
    const out = serializeJsonLd({ '@type': 'Thing', name: hostile });
    expect(out).not.toMatch(/<\/script|<!--|<|>|&/i);
    expect(out).not.toContain('\u2028');
  });

  it('round-trips to the same data', () => {
    expect(JSON.parse(serializeJsonLd({ name: hostile }))).toEqual({ name: hostile });
  });

  it('keeps a hostile title inside its script element when a page renders', async () => {
    const container = await AstroContainer.create({ astroConfig: { site: 'https://sound-careers-handbook.example' } });
    const { default: BaseLayout } = await import('../../src/components/layout/BaseLayout.astro');
    const html = await container.renderToString(BaseLayout, {
      props: { title: hostile, description: 'A description long enough to be a real one for this test page.' },
      request: new Request('https://sound-careers-handbook.example/roles/x/'),
    });
    // Every JSON-LD block must parse whole and still contain the hostile title, so nothing broke out of it.
    const scripts = byTag(parseHtml(html), 'script');
    const blocks = scripts.filter((s) => attr(s, 'type') === 'application/ld+json').map((s) => JSON.parse(textOf(s)));
    expect(blocks.length).toBeGreaterThan(0);
    expect(JSON.stringify(blocks)).toContain(JSON.stringify(hostile).slice(1, -1));
    // Read as a browser reads it: no script element other than the JSON-LD holds the payload.
    expect(scripts.filter((s) => attr(s, 'type') !== 'application/ld+json' && textOf(s).includes('alert(1)'))).toEqual([]);
  });
});

describe('salary distributions', () => {
  const base = {
    currency: 'USD' as const,
    region: 'United States',
    occupation: 'Group',
    source: 's',
    per: 'year' as const,
    asOf: '2024-05',
  };
  it('merges a median and its percentiles into one distribution and leaves averages out', () => {
    const out = salaryDistributions([
      { ...base, amount: 56600, basis: 'median' },
      { ...base, amount: 33980, basis: 'percentile-10' },
      { ...base, amount: 104610, basis: 'percentile-90' },
      { ...base, amount: 44000, basis: 'average', asOf: '2020' },
      { ...base, amount: 25075, basis: 'median', currency: 'GBP', region: 'United Kingdom', asOf: undefined, undated: true },
    ]);
    expect(out).toEqual([
      expect.objectContaining({ currency: 'USD', duration: 'P1Y', median: 56600, percentile10: 33980, percentile90: 104610 }),
    ]);
  });
});
