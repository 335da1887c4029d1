import { parseOffer } from "./src/questions/offer.ts";
const cases = ["segment ml-ai-engineer london base 150k stock 120K bonus 10% signing 20k",
"signing 20,000 stock £120,000 base £150,000 bonus 15k vest 3y",
"I got an offer from Segment in London: £150k base, £120k RSUs over 4 years and a 10% bonus. Is it good?",
"150k base 120k stock","$200K base and $1.2M equity over 3 years","base GBP 150000","base 150k stock 12O","base 150 bonus 10",
"offer segment london base: £150k, stock: £120k, bonus: 10%","base 150 000","base £150.000","base 30k/yr","base 150-170k stock 100k","total 200k",
"base banana stock 12x bonus lots","base 999999999k stock 1k bonus 500%","offer segment ml-ai-engineer london £150k","base 150k£ stock GBP 120k bonus 12.5k a month"];
for (const c of cases) { const o = parseOffer(c); console.log(c, "\n  ", JSON.stringify({b:o.base?.amount,bh:o.base?.high,s:o.stock?.amount,sc:o.stock?.currency,bp:o.bonusPct,ba:o.bonusAmount?.amount,sg:o.signing?.amount,t:o.total?.amount,v:o.vestYears,u:o.unreadable,rest:o.rest})); }
