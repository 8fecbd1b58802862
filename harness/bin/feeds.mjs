// Serves the fixture feeds for a person with a browser, for `make run`:
// http://ADDR/feeds/SITE (facebook, x, reddit, youtube, mastodon,
// generic) and an index at http://ADDR/.
//
//   node bin/feeds.mjs [--addr 127.0.0.1:8788]

import http from 'node:http';
import { SITES, renderFeed } from '../lib/feeds.js';

const i = process.argv.indexOf('--addr');
const [host, port] = (i > 0 ? process.argv[i + 1] : '127.0.0.1:8788').split(':');

const index = `<!doctype html><meta charset="utf-8"><title>Voile demo feeds</title>
<h1>Voile demo feeds</h1><ul>${Object.keys(SITES).map(s => `<li><a href="/feeds/${s}">${s}</a></li>`).join('')}</ul>`;

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const m = /^\/feeds\/([a-z]+)\/?$/.exec(url.pathname);
  let body = null;
  if (url.pathname === '/') body = index;
  else if (m && SITES[m[1]]) body = renderFeed(m[1]);
  res.writeHead(body === null ? 404 : 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body ?? 'not a demo feed');
});
server.listen(Number(port), host, () => console.log(`demo feeds: http://${host}:${port}/`));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
