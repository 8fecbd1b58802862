// The classifier's start-up cache in IndexedDB: one record, the bytes of
// voile.exportCache() with the key they were made for (voile.cacheInfo()).
// What it holds is never trusted: voile.restoreCache checks the build and
// the checksum, and uses the compiled lists only for the very bundles they
// were compiled from. Any failure here means starting without a cache.

const DB = 'voile-classifier';
const STORE = 'cache';
const RECORD = 'engine';

export class IdbCache {
  constructor(indexedDB = globalThis.indexedDB) {
    this.idb = indexedDB;
    this.db = null;
    this.early = null;
  }

  /**
   * Takes a read of the record begun elsewhere (start-worker.js): the
   * next get() answers with it.
   */
  prefetch(early) {
    this.early = early;
    this.early.catch(() => {});
  }

  #open() {
    if (!this.db) {
      this.db = new Promise((resolve, reject) => {
        const req = this.idb.open(DB, 1);
        req.onupgradeneeded = () => req.result.createObjectStore(STORE);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
        req.onblocked = () => reject(new Error('the cache database is blocked'));
      });
      this.db.catch(() => { this.db = null; });
    }
    return this.db;
  }

  async #run(mode, f) {
    const db = await this.#open();
    return new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = f(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = tx.onabort = () => reject(tx.error || new Error('cache transaction aborted'));
    });
  }

  /** @returns {Promise<{key: string, bytes: Uint8Array}|null>} */
  get() {
    const early = this.early;
    this.early = null;
    return early ?? this.#read();
  }

  async #read() {
    if (!this.idb) return null;
    const r = await this.#run('readonly', s => s.get(RECORD));
    if (!r || typeof r.key !== 'string' || !(r.bytes instanceof Uint8Array || r.bytes instanceof ArrayBuffer)) return null;
    return { key: r.key, bytes: r.bytes instanceof Uint8Array ? r.bytes : new Uint8Array(r.bytes) };
  }

  /** Replaces the record. */
  async put({ key, bytes }) {
    if (!this.idb) return;
    await this.#run('readwrite', s => s.put({ key, bytes, saved: Date.now() }, RECORD));
  }

  async clear() {
    if (!this.idb) return;
    await this.#run('readwrite', s => s.delete(RECORD));
  }
}
