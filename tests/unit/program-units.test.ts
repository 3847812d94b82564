/**
 * The unit registry points at glossary terms and cites conversions; the program
 * page explains each unit with its term, so every term must exist and cite a
 * source that contains it.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CREDIT_UNITS, DURATION_UNITS, UNIT_TERMS } from '../../src/schemas/program-units.ts';

const CONTENT = join(import.meta.dirname, '../../content');

describe('program units', () => {
  it('explains every unit with a glossary term that cites a source the handbook holds', () => {
    expect(UNIT_TERMS).toContain('clock-hour');
    for (const id of UNIT_TERMS) {
      const file = join(CONTENT, 'glossary', `${id}.yaml`);
      expect(existsSync(file), `content/glossary/${id}.yaml`).toBe(true);
      const term = parse(readFileSync(file, 'utf8')) as { source?: string };
      expect(term.source, `${id} needs a source`).toBeTruthy();
      expect(existsSync(join(CONTENT, 'sources', `${term.source}.yaml`)), `${term.source}`).toBe(true);
    }
  });

  it('states each conversion as a range with a basis, and never for units no source converts', () => {
    for (const [id, unit] of Object.entries(CREDIT_UNITS)) {
      const conversion = 'hoursOfStudy' in unit ? unit.hoursOfStudy : undefined;
      if (id === 'credit-hours' || id === 'units') expect(conversion, id).toBeUndefined();
      if (conversion) {
        expect(conversion.low, id).toBeLessThanOrEqual(conversion.high);
        expect(conversion.basis.length, id).toBeGreaterThan(10);
      }
    }
  });

  it('caps every length at ten years, whatever its unit', () => {
    expect(DURATION_UNITS.weeks.max / 52).toBeCloseTo(10, 0);
    expect(DURATION_UNITS.months.max / 12).toBe(10);
    expect(DURATION_UNITS.years.max).toBe(10);
  });
});
