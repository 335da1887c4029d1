/**
 * When V8 compiles a regular expression to machine code.
 *
 * By default V8 runs a regular expression's first match in its bytecode interpreter and compiles it to
 * machine code from the second on (regexp tier-up), which saves compiling expressions that run once. CompBot's
 * run many times, and some are large: the money reader's figure scanner (money/read.ts) and marked's block
 * rules each took 10-15 ms over their first, interpreted match, so the first offer check of a process took
 * 35-42 ms against 2-3 ms for the next (a cached start at 50,000 guides; README, Performance). Compiled at
 * once, those first matches take 3-5 ms.
 *
 * V8 reads the setting whenever it compiles an expression, so setting it at start-up covers every expression
 * matched from then on, on every thread. An operator's own `--regexp-tier-up` settings on the node command line
 * win: they are left alone.
 */
import v8 from "node:v8";

const FLAG = "--no-regexp-tier-up";

/** Whether the process was started with a tier-up flag of its own on its command line. */
function setByOperator(): boolean {
  return process.execArgv.some((arg) => /^--(no-)?regexp[-_]tier[-_]up/.test(arg));
}

/** Regular expressions compiled to machine code at their first match, from now on; false when left to the operator. */
export function compileRegExpsAtOnce(): boolean {
  if (setByOperator()) return false;
  v8.setFlagsFromString(FLAG);
  return true;
}
