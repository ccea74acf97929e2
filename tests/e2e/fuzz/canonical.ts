// The content hash of a card, as docs/canonical-form.md defines it, so the fuzz run can
// write snapshots and approvals that match their cards (and then break some on purpose).
import { createHash } from 'node:crypto';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isEmpty(value: Json): boolean {
  if (value === null || value === false || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

function normalise(value: Json): Json {
  if (typeof value === 'string') return value.replace(/\r\n/g, '\n').replace(/\r/g, '\n');
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const name of Object.keys(value).sort()) {
      const inner = normalise(value[name]);
      // A custom section's heading level is written only when it is not the default, 2.
      if (!isEmpty(inner) && !(name === 'level' && inner === 2)) out[name] = inner;
    }
    return out;
  }
  return value;
}

/** SHA-256 of the canonical form of `card` (the `card` object of our JSON). */
export function contentHash(card: unknown): string {
  const text = JSON.stringify(normalise(card as Json));
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
