import { describe, expect, it } from "vitest";
import { numberWordsToDigits } from "./number-words.ts";

describe("numberWordsToDigits", () => {
  it.each([
    ["bonus of ten percent", "bonus of 10 percent"],
    ["a ten percent bonus", "a 10 percent bonus"],
    ["twenty-five per cent", "25 per cent"],
    ["fifteen pct", "15 pct"],
    ["a hundred and fifty thousand base", "150000 base"],
    ["one hundred fifty k base", "150 k base"],
    ["eighty grand signing", "80 grand signing"],
    ["two million", "2000000"],
    ["a million dollars", "1000000 dollars"],
    ["vest over four years", "vest over 4 years"],
    ["ten to fifteen percent", "10 to 15 percent"],
    ["bonus ten - fifteen percent", "bonus 10 - 15 percent"],
    ["Ten Percent", "10 Percent"],
    ["twenty  five percent", "25 percent"],
    ["a  ten percent bonus", "a  10 percent bonus"],
    ["a hundred thousand base", "100000 base"],
    ["three hundred k base", "300 k base"],
    ["an eleven percent bonus", "an 11 percent bonus"],
    // Digits and their scale are the money reader's as they stand.
    ["150 thousand pounds base", "150 thousand pounds base"],
    ["1.5 million", "1.5 million"],
  ])("%s -> %s", (text, digits) => {
    expect(numberWordsToDigits(text)).toBe(digits);
  });

  it.each([
    "one of them",
    "which one",
    "One Medical london",
    "between one and two",
    // Not one number: left for the reader to ask about.
    "fifteen twenty percent",
    "one fifty k",
    "twenty fifteen percent",
    "twenty ten percent",
    "fifteen five percent",
    "ten five percent",
    "one hundred hundred thousand",
    "two thousand thousand",
    "segment ml-ai-engineer london",
  ])("leaves %s alone", (text) => {
    expect(numberWordsToDigits(text)).toBe(text);
  });
});
