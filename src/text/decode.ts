/**
 * Bytes of a guide file -> text. UTF-8 when the bytes are valid UTF-8 (a byte-order mark is kept, as Buffer#toString keeps it);
 * otherwise the file was saved in a legacy single-byte encoding (Latin-1 or Windows-1252, which agree on
 * every printable Latin-1 byte) and is read as Windows-1252, so "Z\xfcrich" is "Zürich", never "Z�rich".
 * The caller reports the legacy encoding (see parse-file.ts), so the file can be saved again as UTF-8.
 */

export type GuideEncoding = "utf-8" | "windows-1252";

export interface DecodedText {
  text: string;
  encoding: GuideEncoding;
}

/** Windows-1252 characters for the bytes 0x80–0x9F (undefined bytes are absent). */
export const CP1252_HIGH: ReadonlyArray<readonly [number, number]> = [
  [0x20ac, 0x80],
  [0x201a, 0x82],
  [0x0192, 0x83],
  [0x201e, 0x84],
  [0x2026, 0x85],
  [0x2020, 0x86],
  [0x2021, 0x87],
  [0x02c6, 0x88],
  [0x2030, 0x89],
  [0x0160, 0x8a],
  [0x2039, 0x8b],
  [0x0152, 0x8c],
  [0x017d, 0x8e],
  [0x2018, 0x91],
  [0x2019, 0x92],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2022, 0x95],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x02dc, 0x98],
  [0x2122, 0x99],
  [0x0161, 0x9a],
  [0x203a, 0x9b],
  [0x0153, 0x9c],
  [0x017e, 0x9e],
  [0x0178, 0x9f],
];

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Byte 0x80–0x9F -> its Windows-1252 character; the five bytes it leaves undefined map to "" (dropped). */
const HIGH = (() => {
  const chars = new Array<string>(0x20).fill("");
  for (const [cp, byte] of CP1252_HIGH) chars[byte - 0x80] = String.fromCodePoint(cp);
  return chars;
})();

/**
 * Windows-1252 by table: Node's TextDecoder("windows-1252") reads 0x80–0x9F as Latin-1's C1 controls, so
 * "€" and "–" would be lost. Latin-1 gives every other byte; the 0x80–0x9F bytes go through HIGH.
 */
function decodeCp1252(bytes: Uint8Array): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80 || b > 0x9f) continue;
    out += Buffer.from(bytes.buffer, bytes.byteOffset + from, i - from).toString("latin1") + HIGH[b - 0x80];
    from = i + 1;
  }
  return out + Buffer.from(bytes.buffer, bytes.byteOffset + from, bytes.length - from).toString("latin1");
}

/** Decodes a guide file's bytes. Never throws. */
export function decodeGuideBytes(bytes: Uint8Array): DecodedText {
  try {
    return { text: utf8.decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeCp1252(bytes), encoding: "windows-1252" };
  }
}

/** The warning text for a file that was not UTF-8. */
export const LEGACY_ENCODING_MESSAGE =
  "the file is not valid UTF-8: it was read as Windows-1252 (Latin-1); save it as UTF-8 (guides:check --fix rewrites it)";
