import { describe, expect, it } from "vitest";
import { decodeGuideBytes } from "./decode.ts";

describe("decodeGuideBytes", () => {
  it("reads valid UTF-8 as UTF-8", () => {
    expect(decodeGuideBytes(Buffer.from("Acme Zürich – £150K", "utf8"))).toEqual({
      text: "Acme Zürich – £150K",
      encoding: "utf-8",
    });
  });

  it("keeps a byte-order mark, as Buffer#toString does (the frontmatter reader decides about it)", () => {
    expect(decodeGuideBytes(Buffer.from("\ufeff---\n", "utf8")).text).toBe("\ufeff---\n");
  });

  it("reads Latin-1 bytes as Windows-1252", () => {
    // "Acme Zürich £" in Latin-1: ü = 0xFC, £ = 0xA3 (both invalid as UTF-8 here).
    const bytes = Uint8Array.from([
      0x41, 0x63, 0x6d, 0x65, 0x20, 0x5a, 0xfc, 0x72, 0x69, 0x63, 0x68, 0x20, 0xa3,
    ]);
    expect(decodeGuideBytes(bytes)).toEqual({ text: "Acme Zürich £", encoding: "windows-1252" });
  });

  it("reads the Windows-1252 punctuation bytes 0x80-0x9F as their characters, and drops the undefined ones", () => {
    // € (0x80), – (0x96), — (0x97), ’ (0x92), then 0x81 and 0x9D (undefined in Windows-1252).
    const bytes = Uint8Array.from([0x80, 0x31, 0x96, 0x32, 0x20, 0x97, 0x20, 0x92, 0x81, 0x9d, 0x78]);
    expect(decodeGuideBytes(bytes)).toEqual({ text: "€1–2 — ’x", encoding: "windows-1252" });
  });

  it("never yields U+FFFD for a truncated UTF-8 sequence", () => {
    const decoded = decodeGuideBytes(Uint8Array.from([0x61, 0xe2, 0x80]));
    expect(decoded.encoding).toBe("windows-1252");
    expect(decoded.text).toBe("aâ€");
    expect(decoded.text.includes("\ufffd")).toBe(false);
  });

  it("reads the bytes at the edges of 0x80-0x9F by the right table", () => {
    // 0x7F (DEL) is ASCII, 0x9F is "Ÿ" in Windows-1252, 0xA0 is a no-break space in Latin-1.
    const bytes = Uint8Array.from([0x41, 0x7f, 0x9f, 0xa0, 0x42]);
    expect(decodeGuideBytes(bytes)).toEqual({ text: "A\u007fŸ\u00a0B", encoding: "windows-1252" });
  });

  it("reads a slice of a larger buffer as its own bytes", () => {
    const whole = Uint8Array.from([0x78, 0x41, 0x80, 0x42, 0x79]);
    expect(decodeGuideBytes(whole.subarray(1, 4))).toEqual({ text: "A€B", encoding: "windows-1252" });
  });
});
