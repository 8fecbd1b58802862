// Names shared by the extension's parts for their messages.

/** The runtime port a page opens to the classifier host. */
export const PORT_NAME = 'voile-classify';

/** Who a runtime message is for: extension messages reach every listener. */
export const Target = Object.freeze({ background: 'background', host: 'host', page: 'page' });

/** Background requests a content script may make; the rest need an extension page. */
export const FROM_PAGES = Object.freeze(['wake', 'correction', 'stats']);

/**
 * Whether a runtime message of this type from this sender is allowed:
 * content scripts (whose sender.url is the page's) only ask to wake the
 * classifier and record corrections and counts; trusting a key, changing
 * the server or reporting host events takes one of the extension's pages.
 */
export function allowedSender(type, sender, extensionId, extensionOrigin) {
  if (!sender || sender.id !== extensionId) return false;
  if (FROM_PAGES.includes(type)) return true;
  return typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}
