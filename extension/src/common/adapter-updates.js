// Adapter updates: a site changes its markup, and a fix ships as data, not
// as a new extension release. An update is the adapter document signed by
// an adapter key: the project's own, shipped in the build
// (adapter-keys.json), separate from the keys of list publishers. A list
// publisher the reader trusts decides what its lists hide, never which
// parts of pages are checked. So no server, network or list publisher can
// make Voile skip parts of pages. The classifier host checks the
// signature with voile.verifyAdapters (Go's bundle.VerifyAdapters, the
// extension's one implementation of signatures) and passes on only a
// verified document:
//
//   {"publisher": "voile", "document": "<base64 of the document's UTF-8 JSON>"}
//
// Even then an update cannot weaken the built-in adapters
// (weakeningProblems in adapters.js), and applies to the build it names
// only.

import { adapterProblems, weakeningProblems } from './adapters.js';
import { base64ToBytes } from './base64.js';

/**
 * Reads an adapter update whose signature the classifier host verified
 * ({publisher, document}), and checks it against the build's built-in
 * adapters. Returns the adapter document, with signedBy naming its
 * publisher; throws an Error that says what failed. isSelector checks
 * selectors (see adapterProblems).
 */
export function readAdapterUpdate(verified, isSelector, builtin) {
  if (!verified || typeof verified !== 'object') throw new Error('adapter update: not an object');
  const doc = base64ToBytes(String(verified.document || ''));
  let parsed;
  try {
    parsed = JSON.parse(new TextDecoder().decode(doc));
  } catch (err) {
    throw new Error(`adapter update: document is not JSON: ${err.message}`);
  }
  const problems = adapterProblems(parsed, isSelector);
  if (!problems.length) problems.push(...weakeningProblems(parsed, builtin));
  if (problems.length) throw new Error(`adapter update refused: ${problems.join('; ')}`);
  return { ...parsed, signedBy: String(verified.publisher) };
}
