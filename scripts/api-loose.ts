// Lists the operations whose responses the OpenAPI document leaves loose (no schema, or an object of unknown keys).
// `npx tsx scripts/api-loose.ts [path-prefix]`; the contract test fails while any is left.
import { openApiDocument } from '../src/server/app';
import { looseResponses } from '../test/api-contract';

const prefix = process.argv[2] ?? '';
const found = looseResponses(openApiDocument() as never).filter((l) => l.path.startsWith(prefix));
for (const l of found) console.log(`${l.method.toUpperCase()} ${l.path} ${l.status}: ${l.where}`);
console.log(`${found.length} loose response(s)`);
