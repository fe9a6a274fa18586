// Top self-time functions of a .cpuprofile (node --cpu-prof), with their share of the sampled time:
//   npx tsx bench/profile-summary.ts file.cpuprofile [top=30]
import { readFileSync } from 'node:fs';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
const [file, topArg = "30"] = process.argv.slice(2);
const prof = JSON.parse(readFileSync(file!, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
let total = 0;
prof.samples.forEach((id, i) => {
  const n = byId.get(id)!;
  const dt = prof.timeDeltas[i] ?? 0;
  total += dt;
  const f = n.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '~/').replace(/^file:\/\/.*?\/src\//, 'src/')}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + dt);
});
const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg));
for (const [k, v] of rows) console.log(`${(100 * v / total).toFixed(1).padStart(5)} %  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`);
// Self time grouped by package / source directory.
const groups = new Map<string, number>();
for (const [k, v] of self) {
  const m = k.match(/~\/(@[^/]+\/[^/]+|[^/]+)/) ?? k.match(/(src\/server\/[^/]+\/[^/:]+)/);
  const g = m ? m[1]! : k.startsWith('(') ? k.split(' ')[0]! : 'node/other';
  groups.set(g, (groups.get(g) ?? 0) + v);
}
console.log('\nby package / directory');
for (const [k, v] of [...groups.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${(100 * v / total).toFixed(1).padStart(5)} %  ${k}`);
