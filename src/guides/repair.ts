/**
 * Repair of "mojibake": UTF-8 text that was once decoded as Windows-1252 (or Latin-1), so that
 * "–" reads "â€“" and "£" reads "Â£".
 *
 * Each character is mapped back to the byte it came from; a UTF-8 lead byte followed by the right number
 * of continuation bytes is decoded back into the character it was. Sequences that lost a byte (cp1252 has
 * no character for 0x81, 0x8D, 0x8F, 0x90, 0x9D, so those bytes vanished) are dropped where the damage is
 * unmistakable. Every character outside a mojibake sequence is kept as it is.
 *
 * Passes repeat until nothing changes, so text mis-decoded twice ("ÃƒÂ©" → "é") is repaired too, and
 * repairing repaired text changes nothing.
 */

import { CP1252_HIGH } from "../text/decode.ts";

const BYTE_OF_SPECIAL = new Map<number, number>(CP1252_HIGH);

/**
 * The byte a character stands for when the text is read as Windows-1252 (or Latin-1 for the C1 controls),
 * or undefined for characters no single byte produces.
 */
function byteOf(ch: string): number | undefined {
  const cp = ch.codePointAt(0)!;
  if (cp <= 0xff) return cp;
  return BYTE_OF_SPECIAL.get(cp);
}

const isContByte = (b: number | undefined): b is number => b !== undefined && b >= 0x80 && b <= 0xbf;

/** How many continuation bytes a lead byte needs. */
function continuationsNeeded(lead: number): number {
  if (lead < 0xe0) return 1;
  if (lead < 0xf0) return 2;
  return 3;
}

/**
 * Whether the continuation byte `second` can follow a four-byte `lead` in well-formed UTF-8 (no overlongs,
 * nothing past U+10FFFF). Complete sequences are judged by the strict decoder; this is for sequences that lost
 * a byte, where only four-byte leads are ever dropped (see brokenAction).
 */
function validFourByteStart(lead: number, second: number): boolean {
  if (lead === 0xf0) return second >= 0x90;
  if (lead === 0xf4) return second <= 0x8f;
  return true;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes a complete lead+continuation sequence, or returns null when it is not valid UTF-8. */
function decodeSequence(bytes: number[]): string | null {
  try {
    return utf8.decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
}

const RIGHT_DOUBLE_QUOTE = "\u201d";

export interface RepairResult {
  text: string;
  /** Mojibake sequences decoded back into the character they were. */
  repaired: number;
  /** Broken sequences (a byte was lost) removed from the text. */
  dropped: number;
}

/** Quick pre-filter: without a lead-byte character there is nothing to repair. */
const ANY_LEAD = /[\u00c2-\u00f4]/;

/**
 * Passes are repeated until the text is stable, so text mis-decoded twice ("ÃƒÂ©") comes back too. Each
 * pass that changes something shortens the text; the cap only bounds contrived input.
 */
const MAX_PASSES = 16;

/**
 * What to do with a lead followed by too few continuations (a byte was lost): a four-byte lead (an emoji) had
 * one or two, a three-byte lead exactly one.
 */
function brokenAction(lead: number, second: number, next: string | undefined): "drop" | "quote" | "leave" {
  if (lead >= 0xf0) return validFourByteStart(lead, second) ? "drop" : "leave"; // "ðŸ…": an emoji that lost a byte
  if (lead === 0xe2 && second === 0x80) {
    // "â€" + a lost 0x9D is a closing double quote, unless inside an emoji sequence (a lost ZWJ, 0x8D).
    return next === undefined || /^[\s!-/:-@[-`{-~]$/.test(next) ? "quote" : "drop";
  }
  // "ï¸": a variation selector that lost its 0x8F; "â" + one byte: a symbol that lost one. Other leads
  // (é, è, à…) followed by one "continuation" are usually real text such as "Nestlé’s": left alone.
  if (lead === 0xe2 || lead === 0xef) return "drop";
  return "leave";
}

/** Finds the next lead-byte character; everything between leads is copied as it is. */
const NEXT_LEAD = /[\u00c2-\u00f4]/g;

/**
 * One left-to-right pass over the text. Works on UTF-16 code units: every character that stands for a
 * byte is in the BMP, and surrogate halves never do, so astral characters pass through untouched.
 */
function repairPass(text: string): RepairResult {
  const byteAt = (k: number): number | undefined => (k < text.length ? byteOf(text[k]!) : undefined);
  let out = "";
  let copiedTo = 0;
  let repaired = 0;
  let dropped = 0;
  NEXT_LEAD.lastIndex = 0;
  for (let m = NEXT_LEAD.exec(text); m !== null; m = NEXT_LEAD.exec(text)) {
    const i = m.index;
    const lead = text.charCodeAt(i);
    const need = continuationsNeeded(lead);
    let j = i + 1;
    while (j - i - 1 < need && isContByte(byteAt(j))) j++;
    const conts = j - i - 1;
    if (conts === 0) continue;

    let replacement: string | null = null;
    let end = j;
    if (conts === need) {
      const bytes: number[] = [lead];
      for (let k = i + 1; k < j; k++) bytes.push(byteAt(k)!);
      replacement = decodeSequence(bytes);
      if (replacement !== null) repaired++;
    } else {
      const action = brokenAction(lead, byteAt(i + 1)!, text[j]);
      if (action === "quote") {
        replacement = RIGHT_DOUBLE_QUOTE;
        repaired++;
      } else if (action === "drop") {
        replacement = "";
        dropped++;
        const before = i > copiedTo ? text[i - 1] : out[out.length - 1];
        const atGap = before === undefined || before === " " || before === "\t" || before === "\n";
        // "### ðŸ—ï¸ AI" → "### AI": no double space (or leading space) where the emoji was.
        if (atGap && text[j] === " ") end = j + 1;
      }
    }
    if (replacement === null) continue;
    out += text.slice(copiedTo, i) + replacement;
    copiedTo = end;
    NEXT_LEAD.lastIndex = end;
  }
  return { text: out + text.slice(copiedTo), repaired, dropped };
}

/**
 * Repairs UTF-8-read-as-Windows-1252 mojibake. Never throws. Repairing the result again changes nothing
 * (for anything short of 16 nested mis-decodings, which only contrived input has).
 */
export function repairMojibake(text: string): RepairResult {
  let current = text;
  let repaired = 0;
  let dropped = 0;
  for (let pass = 0; pass < MAX_PASSES && ANY_LEAD.test(current); pass++) {
    const r = repairPass(current);
    if (r.repaired + r.dropped === 0) break;
    current = r.text;
    repaired += r.repaired;
    dropped += r.dropped;
  }
  // U+FFFD stands for a character an earlier decoder could not read: nothing is left to restore, so it is
  // dropped like any other character lost to mojibake.
  const before = current.length;
  current = current.replace(REPLACEMENTS, "");
  dropped += before - current.length;
  return { text: current, repaired, dropped };
}

const REPLACEMENTS = /\ufffd/g;

/** Characters that stand for a UTF-8 continuation byte when read as Windows-1252 / Latin-1. */
const CONT_CLASS = (() => {
  let cls = "\\u0080-\\u00bf";
  for (const [cp, byte] of CP1252_HIGH) {
    if (byte >= 0x80 && byte <= 0xbf) cls += `\\u${cp.toString(16).padStart(4, "0")}`;
  }
  return cls;
})();

const MOJIBAKE_MARKERS = new RegExp(`â€|Â[${CONT_CLASS}]|Ã[${CONT_CLASS}]|ðŸ|ï¸|\\ufffd`);

/** Whether the text shows the usual signs of mojibake ("â€", "Â£", "Ã©", "ðŸ", "ï¸"…) or a U+FFFD "�". */
export function hasMojibake(text: string): boolean {
  return MOJIBAKE_MARKERS.test(text);
}
