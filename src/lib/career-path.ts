/**
 * Lays out the career path from the roles' `progressesTo` references: each
 * role's step is the length of the longest chain of moves leading to it, so
 * entry roles come first however the files are ordered. Roles are also placed
 * in lanes (the sectors), so moves between sectors show as moves across lanes
 * rather than being flattened into one ladder.
 */
export interface PathRole {
  id: string;
  title: string;
  /** Optional short caption under the title, e.g. "Entry level, supports the lead engineer". */
  caption?: string | undefined;
  /** The lane (sector) the role is drawn in; roles without one share a single lane. */
  lane?: string | undefined;
  progressesTo: readonly string[];
}

export interface PathLayout {
  /** Roles grouped by step, first step first. */
  steps: PathRole[][];
  /** Lanes that hold at least one role, in the order given (or of first appearance). */
  lanes: string[];
  /** Moves between roles that both appear on the path. */
  edges: { from: string; to: string; crossesLanes: boolean }[];
}

export function layoutCareerPath(roles: readonly PathRole[], laneOrder: readonly string[] = []): PathLayout {
  const byId = new Map(roles.map((r) => [r.id, r]));
  const laneOf = (r: PathRole) => r.lane ?? '';
  const edges = roles.flatMap((r) =>
    r.progressesTo.filter((to) => byId.has(to)).map((to) => ({ from: r.id, to, crossesLanes: laneOf(r) !== laneOf(byId.get(to)!) })),
  );
  // Looked up once per role; scanning every edge for each role made the layout quadratic in the number of roles.
  const parentsOf = new Map<string, string[]>();
  for (const e of edges) {
    const list = parentsOf.get(e.to);
    if (list) list.push(e.from);
    else parentsOf.set(e.to, [e.from]);
  }
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) throw new Error(`progressesTo forms a loop through "${id}"; a career path cannot lead back to itself`);
    visiting.add(id);
    const parents = (parentsOf.get(id) ?? []).map((from) => depthOf(from) + 1);
    visiting.delete(id);
    const d = Math.max(0, ...parents);
    depth.set(id, d);
    return d;
  };
  const steps: PathRole[][] = [];
  for (const role of roles) {
    const d = depthOf(role.id);
    (steps[d] ??= []).push(role);
  }
  const present = new Set(roles.map(laneOf));
  const lanes = [...laneOrder.filter((l) => present.has(l)), ...[...present].filter((l) => !laneOrder.includes(l))];
  return { steps: steps.filter(Boolean), lanes, edges };
}

export interface PlacedBox {
  id: string;
  x: number;
  y: number;
  title: string;
  caption?: string | undefined;
}

/**
 * Where each box of the path goes: one column per lane, one band per step. Roles that share a step and a lane sit side
 * by side, and the lane is as wide as its busiest step, so an arrow between neighbouring steps never runs through a box.
 */
export function placeBoxes(layout: PathLayout, box: { w: number; h: number; gapX: number; gapY: number; top: number }) {
  const laneIndex = new Map(layout.lanes.map((l, i) => [l, i]));
  const cells = layout.steps.map((step) => {
    const perLane = new Map<number, PathRole[]>();
    for (const role of step) {
      const i = laneIndex.get(role.lane ?? '') ?? 0;
      perLane.set(i, [...(perLane.get(i) ?? []), role]);
    }
    return perLane;
  });
  const laneSlots = layout.lanes.map((_, i) => Math.max(1, ...cells.map((perLane) => perLane.get(i)?.length ?? 0)));
  const laneX: number[] = [];
  let x = 0;
  for (const slots of laneSlots) {
    laneX.push(x);
    x += slots * box.w + (slots - 1) * box.gapX + box.gapX * 2;
  }
  const placed = new Map<string, PlacedBox>();
  cells.forEach((perLane, row) => {
    for (const [i, list] of perLane) {
      // Centre the step's roles in the lane, so a lone role sits under the lane's heading.
      const used = list.length * box.w + (list.length - 1) * box.gapX;
      const laneW = laneSlots[i]! * box.w + (laneSlots[i]! - 1) * box.gapX;
      list.forEach((role, k) => {
        placed.set(role.id, {
          id: role.id,
          x: laneX[i]! + (laneW - used) / 2 + k * (box.w + box.gapX),
          y: box.top + row * (box.h + box.gapY),
          title: role.title,
          caption: role.caption,
        });
      });
    }
  });
  const lanes = layout.lanes.map((lane, i) => ({
    lane,
    x: laneX[i]!,
    w: laneSlots[i]! * box.w + (laneSlots[i]! - 1) * box.gapX,
  }));
  return { boxes: placed, lanes, width: x - box.gapX * 2, height: box.top + layout.steps.length * (box.h + box.gapY) - box.gapY + 8 };
}
