// Bundle bytes are kept in extension storage as base64 text: Chromium's
// storage.local stores JSON, where a Uint8Array would not survive.
//
// The browsers' own conversions (Uint8Array.fromBase64 and toBase64:
// Chromium 140, Firefox 133) are used where they exist: the host decodes
// every stored list at each start, a megabyte of base64 for the starter
// lists, which the loop below took 15-20 ms to do (node 20, which has
// neither, runs the loops).

export function bytesToBase64(bytes) {
  if (typeof bytes.toBase64 === 'function') return bytes.toBase64();
  let s = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    s += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK));
  }
  return btoa(s);
}

export function base64ToBytes(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
