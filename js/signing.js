// The browser half of signed reviews (src/review/signed, docs/signed-review.md): the
// reviewer's key pair, made and used by WebCrypto, kept in IndexedDB. The private key is
// made non-extractable, so no script (ours included) can read its bytes; a CryptoKey
// cannot be stored in localStorage at all, which is why this one store is IndexedDB.
// Everything about formats lives in Rust: this file signs and verifies the exact bytes
// it is given, and stores one record.

const DB_NAME = 'model-card-studio/v1/reviewer-keys';
const STORE = 'keys';
const ME = 'me';

const ALGORITHMS = {
  Ed25519: { generate: { name: 'Ed25519' }, sign: { name: 'Ed25519' }, import: { name: 'Ed25519' } },
  'ECDSA P-256': {
    generate: { name: 'ECDSA', namedCurve: 'P-256' },
    sign: { name: 'ECDSA', hash: 'SHA-256' },
    import: { name: 'ECDSA', namedCurve: 'P-256' },
  },
};

function subtle() {
  if (!globalThis.crypto || !globalThis.crypto.subtle) {
    throw new Error('this browser has no WebCrypto here (it needs a secure context: https or localhost)');
  }
  return globalThis.crypto.subtle;
}

function openDb() {
  return new Promise((resolve, reject) => {
    if (!globalThis.indexedDB) {
      reject(new Error('this browser does not allow IndexedDB here, so it cannot keep a key'));
      return;
    }
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error || new Error('IndexedDB could not be opened'));
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

async function withStore(mode, action) {
  const db = await openDb();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = action(tx.objectStore(STORE));
      let result;
      request.onsuccess = () => { result = request.result; };
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(tx.error || new Error('IndexedDB failed'));
      tx.onabort = () => reject(tx.error || new Error('IndexedDB was aborted (is the disk full?)'));
    });
  } finally {
    db.close();
  }
}

// Ed25519 where the browser has it, else ECDSA P-256.
async function generate() {
  for (const algorithm of ['Ed25519', 'ECDSA P-256']) {
    try {
      const pair = await subtle().generateKey(ALGORITHMS[algorithm].generate, false, ['sign', 'verify']);
      return { algorithm, pair };
    } catch (error) {
      if (algorithm !== 'Ed25519') throw error;
    }
  }
  throw new Error('no signature algorithm available');
}

function minimalJwk(jwk) {
  const out = { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
  if (jwk.y) out.y = jwk.y;
  return out;
}

/// Makes a new key pair and keeps it, replacing any earlier one. Returns
/// `{algorithm, jwk}` (the JWK as JSON text); the identity is saved by `saveIdentity`.
export async function createKey() {
  const { algorithm, pair } = await generate();
  const jwk = minimalJwk(await subtle().exportKey('jwk', pair.publicKey));
  await withStore('readwrite', (store) =>
    store.put({ algorithm, privateKey: pair.privateKey, jwk, identity: null }, ME));
  return { algorithm, jwk: JSON.stringify(jwk) };
}

/// Stores the public identity (JSON text) beside the key it describes.
export async function saveIdentity(identityJson) {
  const record = await withStore('readonly', (store) => store.get(ME));
  if (!record) throw new Error('there is no key to attach the identity to');
  record.identity = identityJson;
  await withStore('readwrite', (store) => store.put(record, ME));
}

/// The stored identity (JSON text) and algorithm, or null when there is none.
export async function loadIdentity() {
  const record = await withStore('readonly', (store) => store.get(ME));
  if (!record || !record.identity || !record.privateKey) return null;
  return { algorithm: record.algorithm, identity: record.identity };
}

/// Signs the bytes with the stored private key. Ed25519 gives 64 bytes; ECDSA gives
/// `r || s`, 64 bytes.
export async function sign(message) {
  const record = await withStore('readonly', (store) => store.get(ME));
  if (!record || !record.privateKey) {
    throw new Error('this browser has no reviewer key: make your reviewer identity first');
  }
  const signature = await subtle().sign(ALGORITHMS[record.algorithm].sign, record.privateKey, message);
  return new Uint8Array(signature);
}

/// Whether `signature` verifies `message` under the JWK (JSON text). Throws only when
/// this browser cannot check that algorithm at all.
export async function verify(algorithm, jwkJson, message, signature) {
  const params = ALGORITHMS[algorithm];
  if (!params) throw new Error(`unknown algorithm ${algorithm}`);
  let key;
  try {
    key = await subtle().importKey('jwk', JSON.parse(jwkJson), params.import, false, ['verify']);
  } catch (error) {
    if (error && error.name === 'NotSupportedError') {
      throw new Error(`this browser cannot check ${algorithm} signatures`);
    }
    return false;
  }
  try {
    return await subtle().verify(params.sign, key, signature, message);
  } catch (_) {
    return false;
  }
}
