/**
 * The value of one index-cache record (cache.ts): `v8.serialize` output, except for typed arrays, which are
 * written as a type code of our own, a byte length and the bytes, and read back into memory of their own.
 *
 * Why not `v8.deserialize`: the typed arrays it gives are views of its input when their bytes happen to be
 * aligned for their type, and copies into a new buffer when not (most of them: nothing aligns them). The
 * cache reads every record into one reused buffer, so every array the guides keep had to be copied again.
 * At 50,000 guides that was about 20 MB copied twice, and fresh memory costs about 3 ms a MB on a 2-core VM
 * (README, Performance). Here each array is copied once, straight into an array of its type.
 *
 * Our own type codes (not Node's table, which is Node's to change) make the format ours; the cache format
 * number covers it.
 */
import v8 from "node:v8";

/** The typed arrays a record may hold; a type's code is its index here. */
const VIEW_TYPES = [Uint8Array, Uint32Array, Float32Array, Float64Array] as const;

type ViewType = (typeof VIEW_TYPES)[number];

/** The underscore hooks Node's v8 serializer documents for host objects (not in its type declarations). */
interface HostObjectSerializer {
  _setTreatArrayBufferViewsAsHostObjects(flag: boolean): void;
}

class RecordSerializer extends v8.Serializer {
  constructor() {
    super();
    (this as unknown as HostObjectSerializer)._setTreatArrayBufferViewsAsHostObjects(true);
  }

  /** Called by v8 for every typed array or DataView in the value. */
  _writeHostObject(view: ArrayBufferView): void {
    const code = VIEW_TYPES.findIndex((type) => view instanceof type);
    // A Buffer is a Uint8Array: it is read back as one.
    if (code === -1) throw new TypeError(`a cache record cannot hold a ${view.constructor.name}`);
    this.writeUint32(code);
    this.writeUint32(view.byteLength);
    this.writeRawBytes(view as InstanceType<ViewType>);
  }
}

class RecordDeserializer extends v8.Deserializer {
  /** Called by v8 for every host object; throws on anything `RecordSerializer` did not write. */
  _readHostObject(): InstanceType<ViewType> {
    const type = VIEW_TYPES[this.readUint32()];
    const byteLength = this.readUint32();
    if (type === undefined || byteLength % type.BYTES_PER_ELEMENT !== 0)
      throw new TypeError("bad typed array");
    // Throws when the record is shorter than the length says.
    const bytes = this.readRawBytes(byteLength);
    const view = new type(byteLength / type.BYTES_PER_ELEMENT);
    new Uint8Array(view.buffer).set(bytes);
    return view;
  }
}

/** A record's bytes for `value`. */
export function serializeRecord(value: unknown): Buffer {
  const serializer = new RecordSerializer();
  serializer.writeHeader();
  serializer.writeValue(value);
  return serializer.releaseBuffer();
}

/** The value of a record; its typed arrays are copies, so `record` can be reused at once. Throws if malformed. */
export function deserializeRecord(record: Buffer): unknown {
  const deserializer = new RecordDeserializer(record);
  deserializer.readHeader();
  return deserializer.readValue();
}
