// Publisher keys as the reader sees them, and the opt-in report of
// corrections for a list's publisher.

/**
 * A short, comparable form of a public key: the first 16 bytes of its
 * SHA-256, in hex groups of four ("a1b2 c3d4 ...").
 */
export async function keyFingerprint(keyText) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(String(keyText))));
  const hex = [...digest.slice(0, 16)].map(b => b.toString(16).padStart(2, '0')).join('');
  return hex.match(/.{4}/g).join(' ');
}

/**
 * The report a reader may send a publisher, by their own means: which of
 * the publisher's rules they turned off, per list, and how many posts they
 * marked as not hate. It holds no post text, fingerprint or address.
 */
export function prepareReport(allow, lists) {
  const byList = {};
  for (const ref of allow.rules) {
    // "publisher/list/rule"; "list/rule" from an older version, not yet
    // migrated, says no publisher.
    const parts = ref.split('/');
    const [publisher, list, rule] = parts.length === 3 ? parts : ['', ...parts];
    const info = lists.find(l => l.id === list && (!publisher || l.publisher === publisher));
    const pub = publisher || info?.publisher || '';
    const key = `${pub}/${list}`;
    (byList[key] ||= { list, publisher: pub, version: info?.version || 0, rulesTurnedOff: [] }).rulesTurnedOff.push(rule);
  }
  return {
    kind: 'voile-corrections-report',
    version: 1,
    lists: Object.values(byList),
    postsMarkedNotHate: allow.posts.length,
  };
}
