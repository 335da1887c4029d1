/**
 * Encryption at rest for the workspaces' tokens: AES-256-GCM (node:crypto), a random 12-byte IV per value and the
 * 16-byte authentication tag, so a value that was altered, or moved to another installation's row, does not
 * decrypt.
 *
 * A sealed value is text: `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url pieces). The key id is derived from the
 * key itself (the first 8 bytes of SHA-256 over a label and the key, in hex), so rotating needs no extra
 * variable: values sealed under INSTALL_ENCRYPTION_KEY_PREVIOUS are still read, and sealed again under the
 * current key (`decrypt` says when a value is stale).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const VERSION = "v1";
const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** A value that cannot be opened: unknown key, altered bytes, or not a sealed value at all. Never holds a secret. */
export class SealedValueError extends Error {
  override readonly name = "SealedValueError";
}

/** The public id of a key: safe to store and to log. */
export function keyIdOf(key: Buffer): string {
  return createHash("sha256").update("compbot installation key\0").update(key).digest("hex").slice(0, 16);
}

export interface Opened {
  plain: string;
  /** Sealed under the previous key: seal it again under the current one. */
  stale: boolean;
  keyId: string;
}

export class TokenCipher {
  readonly keyId: string;
  private readonly keys = new Map<string, Buffer>();

  /** `current` seals and opens; `previous` (a key being rotated out) only opens. */
  constructor(current: Buffer, previous?: Buffer) {
    for (const key of [current, previous]) {
      if (key !== undefined && key.length !== KEY_BYTES) {
        throw new RangeError(`an installation key must be ${KEY_BYTES} bytes, not ${key.length}`);
      }
    }
    this.keyId = keyIdOf(current);
    this.keys.set(this.keyId, current);
    if (previous !== undefined) {
      const id = keyIdOf(previous);
      if (!this.keys.has(id)) this.keys.set(id, previous);
    }
  }

  /** Seal `plain` for the row `context` (the installation's id): it only opens with the same context. */
  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.keyFor(this.keyId), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(`${VERSION}.${this.keyId}.${context}`, "utf8"));
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      VERSION,
      this.keyId,
      iv.toString("base64url"),
      tag.toString("base64url"),
      body.toString("base64url"),
    ].join(".");
  }

  open(sealed: string, context: string): Opened {
    const parts = sealed.split(".");
    if (parts.length !== 5 || parts[0] !== VERSION) {
      throw new SealedValueError("not a sealed value (expected v1.<key id>.<iv>.<tag>.<data>)");
    }
    const [, keyId = "", ivText = "", tagText = "", bodyText = ""] = parts;
    const key = this.keys.get(keyId);
    if (key === undefined) {
      throw new SealedValueError(
        `sealed with key ${keyId}, which is neither INSTALL_ENCRYPTION_KEY (${this.keyId}) nor INSTALL_ENCRYPTION_KEY_PREVIOUS`,
      );
    }
    const iv = Buffer.from(ivText, "base64url");
    const tag = Buffer.from(tagText, "base64url");
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES)
      throw new SealedValueError("malformed sealed value");
    try {
      const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(`${VERSION}.${keyId}.${context}`, "utf8"));
      decipher.setAuthTag(tag);
      const plain = Buffer.concat([decipher.update(Buffer.from(bodyText, "base64url")), decipher.final()]);
      return { plain: plain.toString("utf8"), stale: keyId !== this.keyId, keyId };
    } catch {
      throw new SealedValueError(
        `sealed value under key ${keyId} failed authentication (altered, or another row's)`,
      );
    }
  }

  private keyFor(id: string): Buffer {
    const key = this.keys.get(id);
    if (key === undefined) throw new SealedValueError(`no key ${id}`);
    return key;
  }
}
