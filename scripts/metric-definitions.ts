// Rewrites the README's "Metric definitions" table from the metric catalogue (src/core/metrics/catalogue.ts).
// Run after changing a definition: npx tsx scripts/metric-definitions.ts (a unit test fails until the two match).
import { readFileSync, writeFileSync } from 'node:fs';
import { metricDefinitionsMarkdown } from '../src/core/metrics/catalogue';

const path = new URL('../README.md', import.meta.url);
const readme = readFileSync(path, 'utf8');
const start = '<!-- metric-definitions:start -->', end = '<!-- metric-definitions:end -->';
const i = readme.indexOf(start), j = readme.indexOf(end);
if (i < 0 || j < i) throw new Error(`README.md has no ${start} … ${end} block`);
writeFileSync(path, `${readme.slice(0, i + start.length)}\n${metricDefinitionsMarkdown()}\n${readme.slice(j)}`);
console.log('README.md: metric definitions updated');
