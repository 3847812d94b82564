import { describe, expect, it } from 'vitest';
import { layoutCareerPath, placeBoxes } from '../../src/lib/career-path.ts';
import { buildMatrix } from '../../src/lib/competency-matrix.ts';

describe('career path layout', () => {
  it('orders steps by the longest chain of moves, not by file order', () => {
    const layout = layoutCareerPath([
      { id: 'engineer', title: 'Engineer', progressesTo: [] },
      { id: 'assistant', title: 'Assistant', progressesTo: ['engineer'] },
      { id: 'technician', title: 'Technician', progressesTo: ['assistant', 'engineer'] },
    ]);
    expect(layout.steps.map((step) => step.map((r) => r.id))).toEqual([['technician'], ['assistant'], ['engineer']]);
    expect(layout.edges).toHaveLength(3);
  });

  it('ignores moves to roles that are not on the path', () => {
    const layout = layoutCareerPath([{ id: 'a', title: 'A', progressesTo: ['elsewhere'] }]);
    expect(layout.edges).toEqual([]);
    expect(layout.steps).toHaveLength(1);
  });

  it('puts roles in lanes in the order given, and marks moves that change lane', () => {
    const layout = layoutCareerPath(
      [
        { id: 'mixer', title: 'Mixer', lane: 'studio', progressesTo: [] },
        { id: 'tech', title: 'Tech', lane: 'live', progressesTo: ['foh', 'mixer'] },
        { id: 'foh', title: 'FOH', lane: 'live', progressesTo: [] },
      ],
      ['live', 'studio', 'games'],
    );
    expect(layout.lanes).toEqual(['live', 'studio']);
    expect(layout.edges).toEqual([
      { from: 'tech', to: 'foh', crossesLanes: false },
      { from: 'tech', to: 'mixer', crossesLanes: true },
    ]);
    const { boxes, width } = placeBoxes(layout, { w: 100, h: 50, gapX: 10, gapY: 20, top: 30 });
    expect(width).toBe(220);
    expect(boxes.get('tech')).toMatchObject({ x: 0, y: 30 });
    expect(boxes.get('foh')).toMatchObject({ x: 0, y: 100 });
    expect(boxes.get('mixer')).toMatchObject({ x: 120, y: 100 });
  });

  it('sets roles that share a step and a lane side by side, widening the lane, so arrows never cross a box', () => {
    const layout = layoutCareerPath([
      { id: 'a', title: 'A', progressesTo: ['c'] },
      { id: 'b', title: 'B', progressesTo: [] },
      { id: 'c', title: 'C', progressesTo: [] },
    ]);
    const { boxes, width, height } = placeBoxes(layout, { w: 100, h: 50, gapX: 10, gapY: 20, top: 30 });
    expect([boxes.get('a')!.x, boxes.get('b')!.x]).toEqual([0, 110]);
    expect(boxes.get('c')).toMatchObject({ x: 55, y: 100 });
    expect(width).toBe(210);
    expect(height).toBe(158);
  });

  it('refuses a loop with a message naming the role', () => {
    expect(() =>
      layoutCareerPath([
        { id: 'a', title: 'A', progressesTo: ['b'] },
        { id: 'b', title: 'B', progressesTo: ['a'] },
      ]),
    ).toThrow(/progressesTo forms a loop through "a"/);
  });
});

describe('competency matrix', () => {
  const level = (label: string, statements: string[]) => ({ label, statements });
  const matrix = buildMatrix({
    emerging: level('Emerging', ['Setup — follows a checklist', 'Safety — wears ear protection']),
    developing: level('Developing', ['Setup — preps a session alone']),
    proficient: level('Proficient', ['Mixing — mixes a release', 'Setup — runs a complex session']),
    advanced: level('Advanced', ['setup — writes the studio standard', 'Setup — budgets for new gear']),
  });

  it('makes levels the columns and topics the rows, in order of first appearance', () => {
    expect(matrix.columns.map((c) => c.label)).toEqual(['Emerging', 'Developing', 'Proficient', 'Advanced']);
    expect(matrix.rows.map((r) => r.topic)).toEqual(['Setup', 'Safety', 'Mixing']);
  });

  it('matches topics case-insensitively and keeps several statements in one cell', () => {
    expect(matrix.rows[0]!.cells[3]).toEqual(['writes the studio standard', 'budgets for new gear']);
  });

  it('leaves a cell empty where a level says nothing on a topic', () => {
    expect(matrix.rows[1]!.cells).toEqual([['wears ear protection'], [], [], []]);
  });
});
