// Demo data of the pipeline stream, loaded after accounts, contacts and users (see demo.ts).
import type { Database } from '../db/client';
import type { DemoContext } from './context';

export async function loadPipelineDemo(_database: Database, _ctx: DemoContext): Promise<number> {
  return 0;
}
