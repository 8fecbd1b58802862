// What travels from the classifier to a page for each post: only what the
// page needs to blur it and to record a correction. A post that is not
// flagged (nor cleared by a correction) travels as null, which keeps the
// messages for a thousand-post page small.

/**
 * Compacts a voile.classify Verdict: {flagged, category, score,
 * fingerprint, allowed, rules: ["publisher/list/rule"], why}, or null.
 * rules are the rules whose matches counted (a frame's predicate rule,
 * "publisher/list/model" for a model), for "never this rule": two
 * publishers may both have a list of the same id, so a rule is named with
 * its publisher. why is the rule or frame that weighed most (the model
 * only when no rule or frame counted): {kind: 'rule', rule}, {kind:
 * 'frame', class, rule} or {kind: 'model', p}, each with the list and
 * its publisher (list, publisher), which the veil's "Why?" names.
 */
const rank = r => (r.kind === 'model' ? 0 : 1);

export function compactVerdict(v) {
  if (!v || (!v.flagged && !v.allowed)) return null;
  const rules = [];
  let top = null;
  for (const r of v.reasons || []) {
    if (r.context) continue; // cancelled: a negation, a quotation, …
    const ref = `${r.publisher}/${r.list}/${r.rule}`; // the model's is "publisher/list/model"
    if (!rules.includes(ref)) rules.push(ref);
    // A rule or a frame says why better than the model's confidence: the
    // model is the reason only when nothing else counted.
    if (!top || rank(r) > rank(top) || (rank(r) === rank(top) && r.weight > top.weight)) top = r;
  }
  let why = null;
  if (top?.kind === 'frame') why = { kind: 'frame', class: top.class, rule: `${top.list}/${top.rule}` };
  else if (top?.kind === 'model') why = { kind: 'model', p: Math.round(top.weight * 100) / 100 };
  else if (top) why = { kind: 'rule', rule: `${top.list}/${top.rule}` };
  if (why) Object.assign(why, { list: String(top.list || ''), publisher: String(top.publisher || '') });
  return {
    flagged: !!v.flagged,
    category: v.category || '',
    score: typeof v.score === 'number' ? Math.round(v.score * 1000) / 1000 : 0,
    fingerprint: String(v.fingerprint || ''),
    allowed: !!v.allowed,
    rules,
    why,
  };
}
