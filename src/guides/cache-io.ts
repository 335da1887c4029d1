/**
 * The index cache file's bytes (cache.ts decides what they mean): its head, reading its records one at a time
 * and hashing them, copying records out of a cache file being replaced, and writing off this thread.
 * A cache file: MAGIC, the payload's sha256 in hex and a newline, then the payload: records, each a 4-byte
 * little-endian length and that many bytes (cache-record.ts), the first the header, the others chunks.
 */
import { createHash } from "node:crypto";
import { readSync } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import type { CacheSource } from "./cached-entries.ts";

export const MAGIC = "compbot-guide-cache\n";
export const HASH_HEX = 64;
/** Where the payload starts: after the magic line and the line holding its sha256. */
export const CACHE_PAYLOAD_AT = MAGIC.length + HASH_HEX + 1;

/** Bytes of the length that starts each record of the payload (unsigned, little-endian). */
export const LENGTH_BYTES = 4;
/** The first byte of v8 serializer output. */
const V8_VERSION_TAG = 0xff;

/** Bytes read at a time when a payload is hashed past its last good record. */
const DRAIN_BYTES = 1 << 20;

/**
 * Reads a cache file's payload one record at a time, into one buffer reused from record to record, and
 * hashes every byte of the payload as it goes. A record is a view of that buffer, valid until the next one is
 * read: whatever outlives it must be copied (deserializeRecord copies typed arrays out of it).
 * Reading a 34 MB cache whole into a new buffer took about 0.1 s on a 2-core VM, most of it the kernel
 * handing out fresh pages; a few hundred KB reused take a few milliseconds (README, Performance).
 */
export class PayloadReader {
  private buffer = Buffer.allocUnsafeSlow(64 * 1024);
  private at = CACHE_PAYLOAD_AT;
  private readonly hash = createHash("sha256");
  /** False once the records do not fill the payload exactly (a length past its end, a short read). */
  private wellFormed = true;
  /** The payload's first byte (V8_VERSION_TAG in formats before 5); -1 until it is read. */
  private firstByte = -1;

  constructor(
    private readonly fd: number,
    private readonly size: number,
  ) {}

  /** Reads `length` bytes at the current position into the buffer (from its start), hashed; false if short. */
  private fill(length: number): boolean {
    if (length > this.buffer.length)
      this.buffer = Buffer.allocUnsafeSlow(Math.max(length, 2 * this.buffer.length));
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, this.buffer, done, length - done, this.at + done);
      if (n === 0) return false;
      done += n;
    }
    this.hash.update(this.buffer.subarray(0, length));
    if (this.firstByte === -1) this.firstByte = this.buffer[0]!;
    this.at += length;
    return true;
  }

  /** Where the next record starts in the file (at its length prefix). */
  get position(): number {
    return this.at;
  }

  /** The next record, a view valid until the next call; null at the payload's end or where it is malformed. */
  next(): Buffer | null {
    if (!this.wellFormed || this.at === this.size) return null;
    if (!this.fill(LENGTH_BYTES)) return this.malformed();
    const length = this.buffer.readUInt32LE(0);
    // A length past the end is refused before a buffer is made for it (up to 4 GB).
    if (this.at + length > this.size || !this.fill(length)) return this.malformed();
    return this.buffer.subarray(0, length);
  }

  private malformed(): null {
    this.wellFormed = false;
    return null;
  }

  /**
   * Reads and hashes the rest of the payload, then says what is wrong with the file, if anything: its
   * checksum (`sum`, from the file's head) first, then the layout of its records; null when both are right.
   */
  verdict(sum: string): string | null {
    while (this.next() !== null);
    // Past a malformed record, the rest is hashed as plain bytes (a short read leaves the hash short).
    while (this.at < this.size && this.fill(Math.min(DRAIN_BYTES, this.size - this.at)));
    if (this.hash.digest("hex") !== sum) return "corrupt (checksum mismatch)";
    // Formats before 5 were one v8.serialize value, which starts with its version tag (0xFF), not with records.
    if (!this.wellFormed)
      return this.firstByte === V8_VERSION_TAG ? "other cache format" : "corrupt (cannot deserialize)";
    return null;
  }
}

/**
 * A record of the cache file being replaced, copied as it is: its entries are the ones the new file holds at
 * that place, with the same stat tuples (load.ts, cacheItems). `offset` and `length` as in CacheSource.
 */
export interface CopiedRecord {
  copy: { from: CacheSource; offset: number; length: number };
}

/** Copies records out of the cache file they were read from, once it is known to be that very file. */
export class RecordCopier {
  private handle: FileHandle | null = null;
  private from: CacheSource | null = null;
  private buffer = Buffer.allocUnsafeSlow(0);

  /** The record's bytes (length prefix included), valid until the next call. Throws if the file changed. */
  async read({ from, offset, length }: CopiedRecord["copy"]): Promise<Buffer> {
    if (this.from !== from) {
      await this.close();
      this.handle = await open(from.file, "r");
      this.from = from;
      const now = await this.handle.stat();
      if (
        now.ino !== from.ino ||
        now.size !== from.size ||
        now.mtimeMs !== from.mtimeMs ||
        now.ctimeMs !== from.ctimeMs
      )
        throw new Error("the cache file changed since it was read");
    }
    if (this.buffer.length < length)
      this.buffer = Buffer.allocUnsafeSlow(Math.max(length, 2 * this.buffer.length));
    const bytes = this.buffer.subarray(0, length);
    for (let done = 0; done < length; ) {
      const { bytesRead } = await this.handle!.read(bytes, done, length - done, offset + done);
      if (bytesRead === 0) throw new Error("the cache file is shorter than when it was read");
      done += bytesRead;
    }
    if (length < LENGTH_BYTES || bytes.readUInt32LE(0) !== length - LENGTH_BYTES)
      throw new Error("the cache file's records moved since it was read");
    return bytes;
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    this.from = null;
    await handle?.close();
  }
}

/**
 * Writes all of `bytes` at `position` (a write may take fewer bytes than it was given), on libuv's threads: a
 * write the kernel holds up (dirty pages being flushed) never holds up this thread. A synchronous write of one
 * record once took 27 ms in a CPU profile of a start that wrote the cache while answering (README, Performance).
 */
export async function writeAll(out: FileHandle, bytes: Buffer, position: number): Promise<void> {
  for (let done = 0; done < bytes.length; ) {
    const { bytesWritten } = await out.write(bytes, done, bytes.length - done, position + done);
    done += bytesWritten;
  }
}
