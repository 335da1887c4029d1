/** Tokens at rest: AES-256-GCM with a random IV per value, bound to its row, with a key id for rotation. */
import { createCipheriv } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyIdOf, SealedValueError, TokenCipher } from "../../src/store/token-cipher.ts";

const KEY_A = Buffer.alloc(32, 1);
const KEY_B = Buffer.alloc(32, 2);
const TOKEN = "xoxb-1111-2222-ZQXJsecretvalue";

describe("TokenCipher", () => {
  it("derives the key id from the key (sha256 of a label and the key; computed with sha256sum)", () => {
    expect(keyIdOf(KEY_A)).toBe("b44a34facb82550b");
    expect(new TokenCipher(KEY_A).keyId).toBe("b44a34facb82550b");
  });

  it("seals and opens; the sealed text holds no part of the token; a new IV every time", () => {
    const cipher = new TokenCipher(KEY_A);
    const first = cipher.seal(TOKEN, "T1");
    const second = cipher.seal(TOKEN, "T1");
    expect(first).not.toBe(second);
    expect(first).not.toContain("ZQXJ");
    expect(first).not.toContain(Buffer.from(TOKEN).toString("base64url").slice(0, 12));
    expect(first.split(".").slice(0, 2)).toEqual(["v1", "b44a34facb82550b"]);
    // 12-byte IV and 16-byte tag, base64url: 16 and 22 characters.
    expect(first.split(".")[2]).toHaveLength(16);
    expect(first.split(".")[3]).toHaveLength(22);
    expect(cipher.open(first, "T1")).toEqual({ plain: TOKEN, stale: false, keyId: "b44a34facb82550b" });
  });

  it("opens a value sealed by hand with node:crypto in the documented format", () => {
    const iv = Buffer.alloc(12, 7);
    const c = createCipheriv("aes-256-gcm", KEY_A, iv);
    c.setAAD(Buffer.from("v1.b44a34facb82550b.E42"));
    const body = Buffer.concat([c.update("hello", "utf8"), c.final()]);
    const sealed = [
      "v1",
      "b44a34facb82550b",
      iv.toString("base64url"),
      c.getAuthTag().toString("base64url"),
      body.toString("base64url"),
    ].join(".");
    expect(new TokenCipher(KEY_A).open(sealed, "E42").plain).toBe("hello");
  });

  it("refuses a value moved to another row, an altered byte, another key, and garbage", () => {
    const cipher = new TokenCipher(KEY_A);
    const sealed = cipher.seal(TOKEN, "T1");
    expect(() => cipher.open(sealed, "T2")).toThrow(SealedValueError);
    const parts = sealed.split(".");
    const body = Buffer.from(parts[4] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    parts[4] = body.toString("base64url");
    expect(() => cipher.open(parts.join("."), "T1")).toThrow(/failed authentication/);
    expect(() => new TokenCipher(KEY_B).open(sealed, "T1")).toThrow(
      /sealed with key b44a34facb82550b, which is neither INSTALL_ENCRYPTION_KEY/,
    );
    expect(() => cipher.open(TOKEN, "T1")).toThrow(/not a sealed value/);
  });

  it("rotation: the previous key still opens (stale), the new key seals; error messages hold no key or token", () => {
    const old = new TokenCipher(KEY_A).seal(TOKEN, "T1");
    const rotated = new TokenCipher(KEY_B, KEY_A);
    const opened = rotated.open(old, "T1");
    expect(opened).toEqual({ plain: TOKEN, stale: true, keyId: "b44a34facb82550b" });
    const resealed = rotated.seal(opened.plain, "T1");
    expect(resealed.split(".")[1]).toBe(keyIdOf(KEY_B));
    expect(new TokenCipher(KEY_B).open(resealed, "T1").stale).toBe(false);
    let message = "";
    try {
      new TokenCipher(KEY_B).open(old, "T1");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^sealed with key/);
    expect(message).not.toContain("ZQXJ");
    expect(message).not.toContain(KEY_A.toString("base64"));
  });

  it("refuses a key that is not 32 bytes", () => {
    expect(() => new TokenCipher(Buffer.alloc(16))).toThrow(/32 bytes, not 16/);
  });
});
