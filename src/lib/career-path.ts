/**
 * Lays out the career path from the roles' `progressesTo` references: each
 * role's step is the length of the longest chain of moves leading to it, so
 * entry roles come first however the files are ordered.
 */
export interface PathRole {
  id: string;
  title: string;
  /** Optional short caption under the title, e.g. "Entry level, supports the lead engineer". */
  caption?: string | undefined;
  progressesTo: readonly string[];
}

export interface PathLayout {
  /** Roles grouped by step, first step first. */
  steps: PathRole[][];
  /** Moves between roles that both appear on the path. */
  edges: { from: string; to: string }[];
}

export function layoutCareerPath(roles: readonly PathRole[]): PathLayout {
  const byId = new Map(roles.map((r) => [r.id, r]));
  const edges = roles.flatMap((r) => r.progressesTo.filter((to) => byId.has(to)).map((to) => ({ from: r.id, to })));
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
  return { steps: steps.filter(Boolean), edges };
}
