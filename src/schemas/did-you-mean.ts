/**
 * Suggests the closest known value for a mistyped id or enum value.
 * Editors mostly make one- or two-letter slips ("sound-enginer"), so plain edit
 * distance with a length-relative cut-off is enough and needs no dependency.
 */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

export function didYouMean(input: string, known: Iterable<string>): string | undefined {
  const candidates = [...known];
  // A truncated id ("blog" for "blog-post") is far in edit distance but obvious to a reader.
  const lower = input.toLowerCase();
  const prefixed = lower.length >= 3 ? candidates.filter((c) => c.toLowerCase().startsWith(lower)) : [];
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestScore = Infinity;
  let bestExact = Infinity;
  for (const candidate of candidates) {
    const score = editDistance(lower, candidate.toLowerCase());
    // Ties go to the candidate closer in case too, so "gain-stagin" suggests gain-staging, not a stray Gain-Staging.
    const exact = score <= bestScore ? editDistance(input, candidate) : Infinity;
    if (score < bestScore || (score === bestScore && exact < bestExact)) {
      best = candidate;
      bestScore = score;
      bestExact = exact;
    }
  }
  // Beyond roughly a third of the word, a suggestion is more confusing than helpful.
  return best !== undefined && bestScore <= Math.max(2, Math.ceil(input.length / 3)) ? best : undefined;
}
