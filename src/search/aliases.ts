/**
 * Built-in vocabulary: region aliases and a small gazetteer of places people ask about, and role synonyms.
 * A region we know by name but have no band for ("paris") must be recognised as a region, so that
 * the answer can say "no Paris band — we have London, New York…" instead of treating it as a company.
 */

/** Region display name -> extra names people type. Keys are display names; slugs are derived. */
export const REGION_ALIASES: Readonly<Record<string, readonly string[]>> = {
  "San Francisco": ["sf", "sfo", "bay area", "sf bay area", "san fran", "silicon valley", "sfba"],
  "New York": ["nyc", "ny", "new york city", "manhattan", "nyc metro"],
  London: ["ldn", "uk", "united kingdom", "england", "lon"],
  Seattle: ["sea", "seattle area"],
  "Los Angeles": ["la", "lax"],
  Boston: ["bos"],
  Austin: ["atx"],
  Chicago: ["chi"],
  Denver: ["den"],
  Toronto: ["yyz", "tor"],
  Vancouver: ["yvr"],
  Berlin: ["ber"],
  Munich: ["muc", "munchen"],
  Paris: ["cdg"],
  Amsterdam: ["ams"],
  Dublin: ["dub", "ireland"],
  Zurich: ["zrh", "zurich"],
  Stockholm: ["sto"],
  Madrid: [],
  Barcelona: ["bcn"],
  Warsaw: [],
  "Tel Aviv": ["tlv", "israel"],
  Bangalore: ["bengaluru", "blr"],
  Hyderabad: ["hyd"],
  Singapore: ["sg", "sin"],
  Sydney: ["syd"],
  Tokyo: ["tyo"],
  "Sao Paulo": ["sp", "gru"],
  Remote: ["remote us", "anywhere"],
};

/**
 * Countries -> the regions above in them: "segment in germany" is every band the guide has there, and "uk vs us"
 * compares London with the US bands. "us" alone is a pronoun; it names the country only after "the", "vs", "or".
 */
const US = ["San Francisco", "New York", "Seattle", "Los Angeles", "Boston", "Austin", "Chicago", "Denver"];
export const COUNTRIES: ReadonlyArray<{
  name: string;
  phrases: readonly string[];
  regions: readonly string[];
}> = [
  {
    name: "the United States",
    phrases: ["united states", "usa", "america", "the us", "vs us", "versus us", "or us"],
    regions: US,
  },
  { name: "Canada", phrases: ["canada"], regions: ["Toronto", "Vancouver"] },
  { name: "Germany", phrases: ["germany"], regions: ["Berlin", "Munich"] },
  { name: "Great Britain", phrases: ["great britain", "britain"], regions: ["London"] },
  { name: "France", phrases: ["france"], regions: ["Paris"] },
  { name: "the Netherlands", phrases: ["netherlands", "holland"], regions: ["Amsterdam"] },
  { name: "Switzerland", phrases: ["switzerland"], regions: ["Zurich"] },
  { name: "Sweden", phrases: ["sweden"], regions: ["Stockholm"] },
  { name: "Spain", phrases: ["spain"], regions: ["Madrid", "Barcelona"] },
  { name: "Poland", phrases: ["poland"], regions: ["Warsaw"] },
  { name: "India", phrases: ["india"], regions: ["Bangalore", "Hyderabad"] },
  { name: "Japan", phrases: ["japan"], regions: ["Tokyo"] },
  { name: "Australia", phrases: ["australia"], regions: ["Sydney"] },
  { name: "Brazil", phrases: ["brazil"], regions: ["Sao Paulo"] },
];

/** The country a phrase names ("germany" -> "Germany"), if it names one. */
export function countryNamed(phrase: string): string | undefined {
  return COUNTRIES.find((c) => c.phrases.includes(phrase))?.name;
}

/**
 * Role words and what people type instead. A role's display name is split on "/" and each alternative
 * is expanded with these synonyms: "ML/AI Engineer" -> "ml engineer", "ai engineer",
 * "machine learning engineer", "artificial intelligence engineer"…
 */
export const ROLE_WORD_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  ml: ["machine learning"],
  ai: ["artificial intelligence"],
  swe: ["software engineer"],
  sde: ["software development engineer", "software engineer"],
  pm: ["product manager"],
  em: ["engineering manager"],
  sre: ["site reliability engineer"],
  ux: ["user experience"],
  qa: ["quality assurance"],
  devops: ["dev ops"],
};

/** Whole-role shorthands: phrase -> the words of the role name it stands for (one of the role's variants). */
export const ROLE_SHORTHANDS: Readonly<Record<string, readonly string[]>> = {
  mle: ["ml", "engineer"],
  "ml eng": ["ml", "engineer"],
  "ai eng": ["ai", "engineer"],
  swe: ["software", "engineer"],
  sde: ["software", "engineer"],
  pm: ["product", "manager"],
  em: ["engineering", "manager"],
  sre: ["site", "reliability", "engineer"],
};
