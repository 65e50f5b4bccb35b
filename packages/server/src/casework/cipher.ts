/**
 * Field encryption for personal data of cases (parties' names, ID numbers, phones, addresses):
 * a pluggable provider (`SifaServerOptions.fieldCipher`), AES-256-GCM by default with the key from
 * `SIFA_FIELD_KEY` (base64 of 32 bytes). Every sealed value is stored in an envelope that names
 * the provider and key that sealed it (`aes-256-gcm:<key id>`), so a deployment can add an SM4
 * provider (GB/T 32907, e.g. through a hardware module) and tell old values from new ones.
 *
 * Without a configured key: on embedded PGlite with a data folder the server keeps a generated
 * key in `<data dir>/field-key` (mode 0600) and warns; in memory it uses a key that lives as long
 * as the process; on PostgreSQL it refuses to start when a case type is installed.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SifaError } from '@sifa/core';
import type { DatabaseConfig, DatabaseHandle } from '../db/engine.js';
import type { Logger } from '../logging.js';

/**
 * A field-encryption provider. `seal` and `open` are synchronous (a provider backed by a remote
 * service caches data keys); `open(seal(x))` gives `x` back, and a tampered value throws.
 */
export interface FieldCipher {
  /** Provider and key, e.g. `aes-256-gcm:3fa2c1d0`: stored with every value it seals. */
  readonly id: string;
  seal(plain: Uint8Array): Uint8Array;
  open(sealed: Uint8Array): Uint8Array;
}

const envelopeVersion = 1;

/** `[version][id length][id][sealed bytes]`: what the tables store. */
export function sealEnvelope(cipher: FieldCipher, plain: Uint8Array): Uint8Array {
  const id = Buffer.from(cipher.id, 'utf8');
  if (id.length === 0 || id.length > 255) throw new Error('A field cipher id is 1–255 bytes.');
  const sealed = cipher.seal(plain);
  const out = new Uint8Array(2 + id.length + sealed.length);
  out[0] = envelopeVersion;
  out[1] = id.length;
  out.set(id, 2);
  out.set(sealed, 2 + id.length);
  return out;
}

/** The provider and key a stored value was sealed with. */
export function envelopeCipherId(envelope: Uint8Array): string {
  if (envelope.length < 2 || envelope[0] !== envelopeVersion) throw new Error('Not a sealed field value.');
  return Buffer.from(envelope.subarray(2, 2 + envelope[1]!)).toString('utf8');
}

export function openEnvelope(cipher: FieldCipher, envelope: Uint8Array): Uint8Array {
  const id = envelopeCipherId(envelope);
  if (id !== cipher.id) {
    // The server's log says which key is missing; the caller gets a bare INTERNAL.
    throw new SifaError('INTERNAL', { cause: new Error(`A personal-data value was sealed with "${id}", but this server's field cipher is "${cipher.id}". Configure the key it was sealed with (SIFA_FIELD_KEY).`) });
  }
  return cipher.open(envelope.subarray(2 + envelope[1]!));
}

/** Reads a base64 key of 32 bytes, or says what is wrong with it. */
export function parseFieldKey(base64: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32 || key.toString('base64') !== base64.trim().replace(/\s/g, '')) {
    throw new Error(`SIFA_FIELD_KEY must be the base64 of 32 random bytes (e.g. the output of \`openssl rand -base64 32\`); the value given decodes to ${key.length} bytes.`);
  }
  return key;
}

/** AES-256-GCM (node:crypto): a fresh 96-bit nonce per value, the 128-bit tag checked on open. */
export function aesGcmFieldCipher(key: string | Uint8Array): FieldCipher {
  const raw = typeof key === 'string' ? parseFieldKey(key) : Buffer.from(key);
  if (raw.length !== 32) throw new Error('An AES-256-GCM field key is 32 bytes.');
  // The key id tells keys apart without revealing them (first 8 hex digits of its SHA-256).
  const keyId = createHash('sha256').update(raw).digest('hex').slice(0, 8);
  return {
    id: `aes-256-gcm:${keyId}`,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', raw, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
      const decipher = createDecipheriv('aes-256-gcm', raw, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
    },
  };
}

/** For servers without case types: nothing is ever sealed, and trying says why. */
const noFieldCipher: FieldCipher = {
  id: 'none',
  seal() {
    throw new Error('No field cipher is configured (SIFA_FIELD_KEY).');
  },
  open() {
    throw new Error('No field cipher is configured (SIFA_FIELD_KEY).');
  },
};

export const fieldKeyFileName = 'field-key';

/** The folder of an embedded PGlite database, or null (in memory, or PostgreSQL). */
function pgliteFolder(database: DatabaseConfig | DatabaseHandle): string | null {
  if ('db' in database) return database.engine === 'pglite' && database.location !== 'in memory' ? database.location : null;
  return database.engine === 'pglite' && database.dataDir !== 'memory' ? database.dataDir : null;
}

const isPostgres = (database: DatabaseConfig | DatabaseHandle) => database.engine === 'postgres';

/**
 * The field cipher of a server started without one: see the module comment. `needed` is false
 * when no case type is installed (nothing will be sealed).
 */
export async function defaultFieldCipher(database: DatabaseConfig | DatabaseHandle, logger: Logger, needed: boolean): Promise<FieldCipher> {
  if (!needed) return noFieldCipher;
  if (isPostgres(database)) {
    throw new Error(
      'Case files keep personal data (names, ID numbers, phones, addresses) encrypted at rest, and no key is configured. ' +
        'Set SIFA_FIELD_KEY to the base64 of 32 random bytes (`openssl rand -base64 32`), keep it with your backups, and start again; ' +
        '(an embedding application passes `fieldCipher` to createSifaServer).',
    );
  }
  const folder = pgliteFolder(database);
  if (!folder) {
    logger.warn('No SIFA_FIELD_KEY: personal data of cases is encrypted with a key that lives only as long as this in-memory database.');
    return aesGcmFieldCipher(randomBytes(32));
  }
  await mkdir(folder, { recursive: true });
  const file = join(folder, fieldKeyFileName);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    text = randomBytes(32).toString('base64');
    // 'wx': never overwrite a key another process wrote in between.
    await writeFile(file, `${text}\n`, { mode: 0o600, flag: 'wx' });
    await chmod(file, 0o600);
    logger.warn({ file }, 'No SIFA_FIELD_KEY: generated a key for the personal data of cases and kept it beside the database. Back it up with the data folder, or set SIFA_FIELD_KEY to its content.');
    return aesGcmFieldCipher(text);
  }
  logger.warn({ file }, 'No SIFA_FIELD_KEY: the personal data of cases is encrypted with the key kept beside the database (set SIFA_FIELD_KEY in production).');
  try {
    return aesGcmFieldCipher(text.trim());
  } catch (error) {
    throw new Error(`The field key file ${file} is not a base64 key of 32 bytes: ${(error as Error).message}`);
  }
}
