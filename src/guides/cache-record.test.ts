/**
 * A cache record's value (cache-record.ts): v8 serializer output whose typed arrays are written as a type code
 * (0 Uint8Array, 1 Uint32Array, 2 Float32Array, 3 Float64Array), a byte length and the bytes, and are read back
 * into memory of their own. The expected bytes are written out here from that description.
 */
import v8 from "node:v8";
import { describe, expect, it } from "vitest";
import { deserializeRecord, serializeRecord } from "./cache-record.ts";

/** The v8 serializer's output for `value` with one host object in it, spliced by hand around `host`. */
function withHost(code: number, byteLength: number, bytes: number[]): Buffer {
  // v8's wire format: 0xFF version, then 0x5C ('\\') a host object, whose bytes are ours: two varint uint32s
  // (code, byte length; each under 128 here, so one byte each) and the raw bytes.
  const version = v8.serialize(null).subarray(0, 2);
  return Buffer.concat([version, Buffer.from([0x5c, code, byteLength, ...bytes])]);
}

describe("cache records", () => {
  it("write a typed array as its type code, its byte length and its bytes", () => {
    expect(serializeRecord(Uint32Array.from([1, 258]))).toEqual(withHost(1, 8, [1, 0, 0, 0, 2, 1, 0, 0]));
    expect(serializeRecord(Uint8Array.from([7, 8, 9]))).toEqual(withHost(0, 3, [7, 8, 9]));
    // A Buffer is a Uint8Array: written as one.
    expect(serializeRecord(Buffer.from([7, 8, 9]))).toEqual(withHost(0, 3, [7, 8, 9]));
    expect(serializeRecord(Float32Array.from([1.5]))).toEqual(withHost(2, 4, [0, 0, 0xc0, 0x3f]));
    expect(serializeRecord(Float64Array.from([-2]))).toEqual(withHost(3, 8, [0, 0, 0, 0, 0, 0, 0, 0xc0]));
  });

  it("read typed arrays back into arrays of their own, wherever their bytes fall in the record", () => {
    const value = {
      a: "x",
      u8: Uint8Array.from([1, 2, 3]),
      u32: Uint32Array.from([4, 5]),
      f32: Float32Array.from([0.5, 16_777_216]),
      f64: Float64Array.from([1_700_000_000_123.5]),
      list: ["y", Uint32Array.from([6])],
    };
    // Read from an odd offset of a bigger buffer, as the cache reads a record into its reused buffer.
    const bytes = serializeRecord(value);
    const shared = Buffer.alloc(bytes.length + 3, 0xee);
    bytes.copy(shared, 3);
    const record = shared.subarray(3);
    const read = deserializeRecord(record) as typeof value;
    expect(read).toEqual(value);
    expect(read.f32).toBeInstanceOf(Float32Array);
    expect(read.f64).toBeInstanceOf(Float64Array);
    for (const array of [read.u8, read.u32, read.f32, read.f64, read.list[1] as Uint32Array]) {
      expect(array.buffer).not.toBe(shared.buffer);
      expect(array.byteOffset).toBe(0);
      expect(array.buffer.byteLength).toBe(array.byteLength);
    }
    // Reusing the buffer changes nothing read from it.
    shared.fill(0);
    expect(read).toEqual(value);
  });

  it("refuse to write any other typed array or a DataView", () => {
    for (const view of [new Int32Array(1), new Uint16Array(1), new DataView(new ArrayBuffer(1))]) {
      expect(() => serializeRecord({ view })).toThrow(
        new TypeError(`a cache record cannot hold a ${view.constructor.name}`),
      );
    }
  });

  it("refuse an unknown type code, a length that is not whole elements, and bytes past the end", () => {
    expect(deserializeRecord(withHost(1, 4, [9, 0, 0, 0]))).toEqual(Uint32Array.from([9]));
    expect(() => deserializeRecord(withHost(4, 4, [9, 0, 0, 0]))).toThrow("bad typed array");
    expect(() => deserializeRecord(withHost(1, 3, [9, 0, 0]))).toThrow("bad typed array");
    expect(() => deserializeRecord(withHost(3, 4, [9, 0, 0, 0]))).toThrow("bad typed array");
    expect(() => deserializeRecord(withHost(1, 8, [9, 0, 0, 0]))).toThrow();
    // Node's own typed arrays (another table of codes) are not read as ours: Node writes a Buffer as code 10.
    expect(() => deserializeRecord(v8.serialize(Buffer.from([1, 2, 3, 4])))).toThrow("bad typed array");
  });
});
