// The LEB128 integers of the wasm binary format, for the build scripts that
// rewrite the release wasm (scripts/minify-glue.mjs, scripts/order-functions.mjs).

/** The unsigned LEB128 integer at `pos`: [value, position after it]. */
export function readLeb(buf, pos) {
  let value = 0, shift = 0, byte;
  do {
    byte = buf[pos++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, pos];
}

/** `value` as an unsigned LEB128 integer. */
export function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}
