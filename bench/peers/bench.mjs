// Voile's wasm through voile.js against the npm ahocorasick package with a
// word-boundary check, under node, on the lists and posts that the Go
// benchmark exports (go run . -export DIR). make bench-peers-wasm builds
// both first.
//
//   node bench.mjs [--rounds 6] [--seconds 0.5] [--warmup 2] [--only voile] [--list starter]
//
// Voile classifies batches of 100 posts, as the extension does; the peer
// lower-cases each post, searches it, and keeps the matches that stand
// between word boundaries. Each round runs both, in turn, for --seconds;
// a ratio is taken within each round and the median of the rounds is
// printed, from the process's CPU time and from the wall clock.
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import AhoCorasick from 'ahocorasick';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const wasmDir = path.resolve(root, process.env.VOILE_WASM_DIR || 'build/wasm');
const dataDir = path.resolve(root, process.env.VOILE_BENCH_DATA || 'build/bench-peers');

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const rounds = Number(arg('rounds', 6));
const seconds = Number(arg('seconds', 0.5));
const warmup = Number(arg('warmup', 2));
const only = arg('only', '');
const onlyList = arg('list', '');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// A letter, digit or underscore, as \w with Unicode letters.
const wordRe = /[\p{L}\p{N}_]/u;
const isWord = (s, i) => {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
  return wordRe.test(s[i]);
};

function peer(terms) {
  const ac = new AhoCorasick(terms);
  return (post) => {
    const s = post.toLowerCase();
    let n = 0;
    for (const [end, words] of ac.search(s)) {
      for (const w of words) {
        const start = end - w.length + 1;
        if (!isWord(s, start - 1) && !isWord(s, end + 1)) n++;
      }
    }
    return n;
  };
}

// measure runs batch after batch for the given time and returns posts per
// second of CPU time and of wall time.
function measure(run, batches, secs) {
  let n = 0;
  let sink = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let t = t0;
  for (let b = 0; t - t0 < secs * 1000; b = (b + 1) % batches.length) {
    sink += run(batches[b]);
    n += batches[b].length;
    t = performance.now();
  }
  const cpu = process.cpuUsage(cpu0);
  if (sink < 0) console.log(sink);
  return { cpu: n / ((cpu.user + cpu.system) / 1e6), wall: n / ((t - t0) / 1000) };
}

async function main() {
  await import(pathToFileURL(path.join(wasmDir, 'wasm_exec.js')));
  const { loadVoile } = await import(pathToFileURL(path.join(wasmDir, 'voile.js')));
  const wasm = await readFile(path.join(wasmDir, 'voile.wasm'));
  const manifest = JSON.parse(await readFile(path.join(dataDir, 'manifest.json'), 'utf8'));
  const posts = JSON.parse(await readFile(path.join(dataDir, manifest.posts), 'utf8'));
  const batches = [];
  for (let i = 0; i + 100 <= posts.length; i += 100) batches.push(posts.slice(i, i + 100));

  console.log(`${posts.length} posts of 280 characters, node ${process.version}, ${rounds} rounds of ${seconds} s each, medians; ratio = Voile's rate / the peer's`);
  for (const l of manifest.lists) {
    if (onlyList && l.name !== onlyList) continue;
    const v = await loadVoile(wasm);
    v.trust(manifest.publisher, manifest.key);
    for (const b of l.bundles) v.loadBundle(new Uint8Array(await readFile(path.join(dataDir, b))));
    const terms = JSON.parse(await readFile(path.join(dataDir, l.terms), 'utf8'));
    const p = peer(terms);
    let contestants = [
      { name: 'voile (wasm)', run: (batch) => v.classify(batch, { sensitivity: 0.5 }).length },
      { name: 'ahocorasick+\\b', run: (batch) => { let n = 0; for (const s of batch) n += p(s); return n; } },
    ];
    if (only) contestants = contestants.filter((c) => c.name.startsWith(only));
    // Warm-up: V8 runs code unoptimised at first and optimises what runs
    // often in the background, the wasm module's as the peer's; Voile's
    // first call also compiles the lists. Measured from the start, the
    // first rounds met that (make bench-wasm: 24,700 posts/s in the first
    // second, 34,900 after).
    for (const c of contestants) measure(c.run, batches, warmup);
    const samples = contestants.map(() => []);
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < contestants.length; k++) {
        const i = (k + r) % contestants.length;
        samples[i].push(measure(contestants[i].run, batches, seconds));
      }
    }
    console.log(`\n${l.name} (${terms.length} literal terms for the peer)`);
    console.log(`  ${''.padEnd(16)} ${'posts/s (cpu)'.padStart(14)} ${'posts/s (wall)'.padStart(14)} ${'voile × (cpu)'.padStart(14)} ${'voile × (wall)'.padStart(14)}`);
    contestants.forEach((c, i) => {
      const cpu = median(samples[i].map((s) => s.cpu));
      const wall = median(samples[i].map((s) => s.wall));
      let rc = '';
      let rw = '';
      if (i > 0 && contestants[0].name.startsWith('voile')) {
        rc = `${median(samples[i].map((s, r) => samples[0][r].cpu / s.cpu)).toFixed(2)}×`;
        rw = `${median(samples[i].map((s, r) => samples[0][r].wall / s.wall)).toFixed(2)}×`;
      }
      console.log(`  ${c.name.padEnd(16)} ${cpu.toFixed(0).padStart(14)} ${wall.toFixed(0).padStart(14)} ${rc.padStart(14)} ${rw.padStart(14)}`);
    });
  }
  process.exit(0);
}

await main();
