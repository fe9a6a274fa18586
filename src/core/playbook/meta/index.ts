/** All playbook UI metadata in one map, and how a field finds its seed citation. */
import { companyMeta } from './company';
import { deliveryMeta } from './delivery';
import { healthValueMeta } from './health-value';
import { leadsMeta } from './leads';
import { otherMeta } from './other';
import { pipelineMeta } from './pipeline';
import { rootMeta } from './root';
import { successMeta } from './success';
import type { Citation, FieldMeta, MetaMap } from './types';

export * from './types';

export const PLAYBOOK_META: MetaMap = {
  ...rootMeta, ...companyMeta, ...leadsMeta, ...pipelineMeta, ...deliveryMeta, ...successMeta, ...healthValueMeta, ...otherMeta,
};

export interface Provenance {
  seed: Citation[];
  productSpecific?: string;
  /** The metadata key it was found on: the field itself or the list it is a row field of. */
  from: string;
}

/**
 * Where a field's value comes from: its own metadata, else (for a field inside a list or record row) that of the
 * enclosing rows and lists up to the outermost list. A whole section never cites for its fields, so a field
 * outside lists must carry its own citation.
 */
export function provenanceOf(pattern: string, meta: MetaMap = PLAYBOOK_META): Provenance | undefined {
  const segments = pattern.split('.');
  const firstStar = segments.indexOf('*');
  const shortest = firstStar < 0 ? segments.length : firstStar;
  for (let n = segments.length; n >= Math.max(shortest, 1); n--) {
    const key = segments.slice(0, n).join('.');
    const m: FieldMeta | undefined = meta[key];
    if (m && (m.seed?.length || m.productSpecific)) return { seed: m.seed ?? [], productSpecific: m.productSpecific, from: key };
  }
  return undefined;
}
