/**
 * A tile server on loopback for tests of maps with a background (tests run offline): any
 * `/{z}/{x}/{y}.png` is answered with the same small PNG, light green with a grid and a
 * road, so a screenshot shows a map background. It counts the requests it answered.
 */
import { createServer } from 'node:http';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A 256×256 RGB PNG: the fake tile. */
export function tilePng(size = 256) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const grid = x % 64 === 0 || y % 64 === 0;
      const road = Math.abs(x - y) < 4 || Math.abs(x + y - size) < 3;
      const [r, g, b] = road ? [250, 250, 250] : grid ? [190, 205, 185] : [222, 234, 214];
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Starts the tile server on a free loopback port: `{ template, origin, requests, close }`. */
export async function startTileServer() {
  const png = tilePng();
  const state = { requests: [] };
  const server = createServer((req, res) => {
    if (!/^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) {
      res.writeHead(404).end();
      return;
    }
    state.requests.push(req.url);
    // As OpenStreetMap's: <welfare-map> asks for its tiles with CORS (crossorigin).
    res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': png.length, 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' }).end(png);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    template: `${origin}/{z}/{x}/{y}.png`,
    get requests() {
      return state.requests;
    },
    close: () => new Promise((ok) => server.close(ok)),
  };
}
