// Names shared by the extension's parts for their messages.

/** The runtime port a page opens to the classifier host. */
export const PORT_NAME = 'voile-classify';

/** Who a runtime message is for: extension messages reach every listener. */
export const Target = Object.freeze({ background: 'background', host: 'host', page: 'page' });
