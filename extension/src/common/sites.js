// Match patterns of the sites Voile guards: the supported sites (from the
// built-in adapters' hosts, in the manifest) and those the reader turned
// on, which the browser grants as optional host permissions.

/** Match patterns for host names: each host and its subdomains, http and https. */
export function hostsToMatches(hosts) {
  const out = [];
  for (const h of hosts) {
    if (h === '*') continue;
    out.push(`*://${h}/*`, `*://*.${h}/*`);
  }
  return [...new Set(out)];
}

/**
 * The granted origins that need the content script registered at run
 * time: not already covered by the manifest, and not the sync server's.
 * Non-web patterns (ws:, the extension's own) are left out.
 */
export function userSiteMatches(origins, manifestMatches, serverPatterns) {
  const fixed = new Set([...manifestMatches, ...[].concat(serverPatterns ?? [])]);
  return origins.filter(o => (o === '<all_urls>' || /^(\*|https?):\/\//.test(o)) && !fixed.has(o))
    .map(o => (o === '<all_urls>' ? '*://*/*' : o))
    .filter((o, i, a) => a.indexOf(o) === i);
}

/** The optional permission pattern that turns Voile on for one site. */
export function sitePattern(hostname) {
  return `*://${String(hostname).toLowerCase()}/*`;
}
