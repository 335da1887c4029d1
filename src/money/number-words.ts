/**
 * Figures written in words, turned into digits for the money reader: "ten percent" -> "10 percent", "a hundred
 * and fifty thousand" -> "150000", "eighty grand" -> "80 grand", "four years" -> "4 years". Only a run of number
 * words that is money or a percentage by its own words (a scale: thousand, million) or by the word after it
 * (percent, k, grand, years…) is changed: "one of them", "which one", "One Medical" are left alone.
 */

const SMALL: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALE: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6 };
const NUMBER_WORD = `(?:${[...Object.keys(SMALL), "hundred", ...Object.keys(SCALE)].join("|")})`;
/** A run: "a hundred and fifty thousand", "twenty-five", "one hundred fifty". */
const RUN = new RegExp(
  `\\b(?:an?[ \\u00a0]+)?${NUMBER_WORD}(?:(?:[ \\u00a0]+|-)(?:and[ \\u00a0]+)?${NUMBER_WORD})*\\b`,
  "gi",
);
/** The words after a run that make it a figure. */
const FIGURE_AFTER = /^[ \u00a0]*(?:%|per[ \u00a0]?cent\b|percent\b|pct\b|k\b|grand\b|years?\b|yrs?\b)/i;

/** The value of a run of number words, or null when it is not one number ("one two"). */
function runValue(run: string): number | null {
  const words = run
    .toLowerCase()
    .split(/[\s\u00a0-]+/)
    .filter((w) => w !== "and");
  let total = 0;
  let current = 0;
  let last: "small" | "tens" | "hundred" | "scale" | null = null;
  for (const [i, w] of words.entries()) {
    // "a hundred", "a million"; "a ten" is 10 (the caller keeps the "a" as a word).
    if (i === 0 && (w === "a" || w === "an")) continue;
    const small = SMALL[w];
    if (small !== undefined) {
      // "twenty five" adds; "five twenty", "one two" are not one number.
      if (last === "small" || (last === "tens" && small >= 10)) return null;
      current += small;
      last = small >= 20 && small % 10 === 0 ? "tens" : "small";
    } else if (w === "hundred") {
      if (last === "hundred") return null;
      current = (current || 1) * 100;
      last = "hundred";
    } else {
      const scale = SCALE[w];
      if (scale === undefined || last === "scale") return null;
      total += (current || 1) * scale;
      current = 0;
      last = "scale";
    }
  }
  return total + current;
}

/** A run that is the low end of a range whose high end is already digits: "ten to 15 percent". */
const RANGE_TO_DIGITS = /^[ \u00a0]*(?:to|-|–|—)[ \u00a0]*\d/i;

/** The text with each run of number words that is a figure written in digits. */
export function numberWordsToDigits(text: string): string {
  if (!/[a-z]/i.test(text)) return text;
  // Twice: the high end of "ten to fifteen percent" first, then its low end.
  return replaceRuns(replaceRuns(text, FIGURE_AFTER), RANGE_TO_DIGITS);
}

function replaceRuns(text: string, after: RegExp): string {
  return text.replace(RUN, (run, at: number, whole: string) => {
    // "150 thousand", "1.5 million": digits and their scale, which the money reader takes as they are.
    if (/^(?:thousand|million)$/i.test(run) && /\d[ \u00a0]*$/.test(whole.slice(0, at))) return run;
    const isFigure = /thousand|million/i.test(run) || after.test(whole.slice(at + run.length));
    if (!isFigure) return run;
    // "a ten percent bonus": the "a" stays a word (runValue reads past it); "a hundred" is one number.
    const article = /^an?[ \u00a0]+(?!hundred|thousand|million)/i.exec(run)?.[0] ?? "";
    const value = runValue(run);
    return value === null ? run : `${article}${value}`;
  });
}
