/**
 * Child process for tests/release/regexp-flag.test.ts: prints how much machine code the first match of a new
 * regular expression added (V8's code statistics: bytecode the interpreter runs is not counted there, compiled
 * code is).
 */
import v8 from "node:v8";

const source = Array.from({ length: 200 }, (_, i) => `w${i}x(?:a|b)+`).join("|");
const expression = new RegExp(source, "i");
const before = v8.getHeapCodeStatistics().code_and_metadata_size;
expression.exec("zzzz w199xab");
const codeAdded = v8.getHeapCodeStatistics().code_and_metadata_size - before;
process.stdout.write(`${JSON.stringify({ codeAdded })}\n`);
