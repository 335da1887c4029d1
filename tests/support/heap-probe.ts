/**
 * Preloaded into a CompBot process by tests (`node --import tsx --import ./tests/support/heap-probe.ts …`): on
 * SIGUSR2 it takes a heap snapshot of the process (the inspector, in process: a snapshot holds only what is
 * still reachable) and prints `heap-probe {"count":N,"control":M}`: how many strings in it match
 * HEAP_PROBE_PATTERN, and how many match HEAP_PROBE_CONTROL (regular expressions). So a test can ask whether
 * some data is still kept alive, not only whether it was made; the control (something the process must keep)
 * shows that the probe does see what is kept.
 */
import inspector from "node:inspector";

const NOTHING = "(?!)";
const pattern = new RegExp(process.env.HEAP_PROBE_PATTERN ?? NOTHING);
const control = new RegExp(process.env.HEAP_PROBE_CONTROL ?? NOTHING);

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** The text of every string in the snapshot (a concatenated string is named only "(concatenated string)"). */
function stringTexts(snapshot: Snapshot): string[] {
  const { node_fields: fields, node_types: nodeTypes, edge_fields: edgeFields } = snapshot.snapshot.meta;
  const types = nodeTypes[0];
  const { nodes, edges, strings } = snapshot;
  const typeAt = fields.indexOf("type");
  const nameAt = fields.indexOf("name");
  const edgeCountAt = fields.indexOf("edge_count");
  const edgeNameAt = edgeFields.indexOf("name_or_index");
  const edgeToAt = edgeFields.indexOf("to_node");
  const count = nodes.length / fields.length;
  const firstEdge = new Int32Array(count + 1);
  for (let n = 0; n < count; n++) firstEdge[n + 1] = firstEdge[n]! + nodes[n * fields.length + edgeCountAt]!;
  const memo = new Map<number, string>();
  const text = (n: number): string => {
    const type = types[nodes[n * fields.length + typeAt]!]!;
    if (type !== "concatenated string") return strings[nodes[n * fields.length + nameAt]!]!;
    const known = memo.get(n);
    if (known !== undefined) return known;
    const parts: Record<string, string> = {};
    for (let e = firstEdge[n]!; e < firstEdge[n + 1]!; e++) {
      const at = e * edgeFields.length;
      parts[strings[edges[at + edgeNameAt]!]!] = text(edges[at + edgeToAt]! / fields.length);
    }
    const joined = (parts.first ?? "") + (parts.second ?? "");
    memo.set(n, joined);
    return joined;
  };
  const texts: string[] = [];
  for (let n = 0; n < count; n++) {
    if (types[nodes[n * fields.length + typeAt]!]!.includes("string")) texts.push(text(n));
  }
  return texts;
}

process.on("SIGUSR2", () => {
  const session = new inspector.Session();
  session.connect();
  const chunks: string[] = [];
  session.on("HeapProfiler.addHeapSnapshotChunk", (message) => chunks.push(message.params.chunk));
  session.post("HeapProfiler.takeHeapSnapshot", {}, (error) => {
    session.disconnect();
    const texts = error ? null : stringTexts(JSON.parse(chunks.join("")) as Snapshot);
    const count = texts ? texts.filter((t) => pattern.test(t)).length : -1;
    const kept = texts ? texts.filter((t) => control.test(t)).length : -1;
    process.stdout.write(`heap-probe ${JSON.stringify({ count, control: kept })}\n`);
  });
});
