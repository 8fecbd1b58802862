// What travels from the classifier to a page for each post: only what the
// page needs to blur it and to record a correction. A post that is not
// flagged (nor cleared by a correction) travels as null, which keeps the
// messages for a thousand-post page small.

/**
 * Compacts a voile.classify Verdict: {flagged, category, score,
 * fingerprint, allowed, rules: ["list/rule"]}, or null.
 */
export function compactVerdict(v) {
  if (!v || (!v.flagged && !v.allowed)) return null;
  const rules = [];
  for (const r of v.reasons || []) {
    const ref = `${r.list}/${r.rule}`;
    if (!rules.includes(ref)) rules.push(ref);
  }
  return {
    flagged: !!v.flagged,
    category: v.category || '',
    score: typeof v.score === 'number' ? Math.round(v.score * 1000) / 1000 : 0,
    fingerprint: String(v.fingerprint || ''),
    allowed: !!v.allowed,
    rules,
  };
}
