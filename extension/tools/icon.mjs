// The toolbar icon, drawn at build time: a rounded square with a veil
// drawn across it. Written as PNG with node's zlib, so no image files or
// tools are needed.
import { deflateSync } from 'node:zlib';
import { crc32 } from './zip.mjs';

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

export function iconPng(size) {
  const rows = [];
  const r = size * 0.22;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      // Distance outside the rounded corners, for a soft edge.
      const cx = Math.min(Math.max(x + 0.5, r), size - r);
      const cy = Math.min(Math.max(y + 0.5, r), size - r);
      const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) - r;
      const alpha = Math.max(0, Math.min(1, 0.5 - d));
      const v = (y + 0.5) / size;
      const wave = 0.42 + 0.08 * Math.sin(((x + 0.5) / size) * Math.PI * 2);
      const inVeil = v > wave && v < wave + 0.28;
      const [R, G, B] = inVeil ? [240, 242, 255] : [45, 58, 140];
      const o = 1 + x * 4;
      row[o] = R; row[o + 1] = G; row[o + 2] = B; row[o + 3] = Math.round(alpha * 255);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
