// Draws the ScamSentinel shield icon (a blue shield with a white check) as PNGs.
// Run once: node scripts/make-icons.mjs — output is committed in assets/public/icons.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function shield(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / size, v = (y + 0.5) / size;
      // Shield: flat top band, sides curving to a point at the bottom.
      const half = v < 0.55 ? 0.4 : 0.4 * Math.sqrt(Math.max(0, 1 - ((v - 0.55) / 0.4) ** 2));
      const inside = v > 0.08 && v < 0.95 && Math.abs(u - 0.5) < half;
      // Check mark: two thick strokes.
      const d1 = Math.abs((v - 0.52) - (u - 0.3)) / Math.SQRT2; // down-right stroke
      const d2 = Math.abs((v - 0.62) + (u - 0.42)) / Math.SQRT2; // up-right stroke
      const onCheck = (d1 < 0.06 && u > 0.28 && u < 0.44) || (d2 < 0.06 && u > 0.4 && u < 0.72);
      const px = !inside ? [0, 0, 0, 0] : onCheck ? [255, 255, 255, 255] : [0x1d, 0x4e, 0xd8, 255];
      row.push(...px);
    }
    rows.push(Buffer.from(row));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('assets/public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`assets/public/icons/${size}.png`, shield(size));
console.log('icons written');
