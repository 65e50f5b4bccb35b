/**
 * What the casework engine needs before a case is opened: composition refuses case types that
 * name what nothing installed provides (permissions, document templates, metrics) and
 * contributions claimed twice; the deployment's deadline days (SifaServerOptions.casework, passed
 * through the test kit) change the due day and refuse a key naming no deadline; the field key
 * (SIFA_FIELD_KEY, the PGlite key file, PostgreSQL's refusal); masking and type sniffing.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { definePlugin, defineServerPlugin, type CaseTypeInput, type PluginManifestInput, type ServerPlugin } from '@sifa/core';
import { aesGcmFieldCipher, composePlugins, createSifaServer, envSchema, maskAddress, maskIdNumber, maskName, maskPhone, PluginCompositionError } from '@sifa/server';
import { memoryLogger, startTestServer } from '@sifa/server/testing';
import { defaultFieldCipher, fieldKeyFileName, openEnvelope, sealEnvelope } from '../src/casework/cipher.js';
import { sniffCaseFile } from '../src/casework/sniff.js';
import { casebookPlugin } from './fixtures/casebook/plugin.js';

const t2 = (en: string) => ({ zh: en, en });

function caseType(id: string, extra: Partial<CaseTypeInput> = {}): CaseTypeInput {
  return {
    code: `${id}.case`,
    title: t2('Case'),
    numberMark: '测',
    readPermission: `${id}.read`,
    fields: { summary: { kind: 'text', title: t2('Summary') } },
    states: [{ code: 'open', title: t2('Open') }],
    transitions: [{ code: 'register', title: t2('Register'), from: [], to: 'open', permission: `${id}.work` }],
    ...extra,
  };
}

function plugin(id: string, contributes: PluginManifestInput['contributes'] = {}, extra: Partial<PluginManifestInput> = {}): ServerPlugin {
  return defineServerPlugin(
    definePlugin({
      id,
      version: '1.0.0',
      core: '^0.1.0',
      title: t2(id),
      permissions: [
        { name: `${id}.read`, title: t2('Read'), roles: ['office_staff'] },
        { name: `${id}.work`, title: t2('Work'), roles: ['office_staff'] },
      ],
      contributes,
      ...extra,
    }),
    {},
  );
}

function refusal(...plugins: ServerPlugin[]): string {
  try {
    composePlugins(plugins);
  } catch (error) {
    expect(error).toBeInstanceOf(PluginCompositionError);
    return (error as Error).message;
  }
  throw new Error('Expected the composition to be refused');
}

describe('composition', () => {
  it('composes case types (with their plugin) and the derived diary items of installed items', () => {
    const diary = plugin('diaryish', {
      metrics: [{ code: 'diaryish.count', title: t2('Count'), unit: t2('n') }],
      diaryItems: [{ code: 'diaryish.mediation', title: t2('Mediation'), part: 'daily', fields: { n: { kind: 'count', title: t2('N'), metric: 'diaryish.count' } } }],
    });
    const cases = plugin('cases', {
      caseTypes: [caseType('cases', { transitions: [{ code: 'register', title: t2('Register'), from: [], to: 'open', permission: 'cases.work', facts: [{ metric: 'diaryish.count' }, { metric: 'elsewhere.metric', ifInstalled: true }] }] })],
      derivedDiaryItems: [
        { item: 'diaryish.mediation', from: t2('From case files') },
        { item: 'absent.item', from: t2('From case files') },
      ],
    });
    const { catalog } = composePlugins([diary, cases]);
    expect(catalog.caseTypes.map((c) => [c.code, c.plugin])).toEqual([['cases.case', 'cases']]);
    expect([...catalog.derivedDiaryItems]).toEqual([['diaryish.mediation', { plugin: 'cases', from: { zh: 'From case files', en: 'From case files' } }]]);
  });

  it('refuses a case type declared twice', () => {
    expect(refusal(plugin('cases', { caseTypes: [caseType('cases'), caseType('cases')] }))).toBe('Plugin "cases" declares the case type "cases.case" twice.');
  });

  it('refuses permissions the case type\'s plugin does not declare', () => {
    expect(refusal(plugin('cases', { caseTypes: [caseType('cases', { readPermission: 'cases.view' })] }))).toContain(
      'Plugin "cases": case type "cases.case": readPermission names the permission "cases.view", which is not declared.',
    );
    const step = caseType('cases', { transitions: [{ code: 'register', title: t2('Register'), from: [], to: 'open', permission: 'cases.approve' }] });
    expect(refusal(plugin('cases', { caseTypes: [step] }))).toContain('transition "register" names the permission "cases.approve", which is not declared.');
  });

  it('refuses a document template and a fact metric nothing installed provides', () => {
    const withDocument = caseType('cases', { transitions: [{ code: 'register', title: t2('Register'), from: [], to: 'open', permission: 'cases.work', document: 'cases.letter' }] });
    expect(refusal(plugin('cases', { caseTypes: [withDocument] }))).toContain('transition "register" issues the document template "cases.letter", which no installed plugin contributes');
    const withFact = caseType('cases', { transitions: [{ code: 'register', title: t2('Register'), from: [], to: 'open', permission: 'cases.work', facts: [{ metric: 'diary.mediation-cases' }] }] });
    expect(refusal(plugin('cases', { caseTypes: [withFact] }))).toContain('records the metric "diary.mediation-cases", which no installed plugin declares');
  });

  it('refuses a public form that asks what the opening does not have, leaves out what it requires, or asks for files', () => {
    const consent = t2('Used only for this application.');
    const form = (publicForm: CaseTypeInput['publicForm']) => refusal(plugin('cases', { caseTypes: [caseType('cases', { publicForm })] }));
    expect(form({ fields: ['summary', 'secret'], consent })).toContain('Unknown field of the opening "secret"');
    const withStepField = caseType('cases', {
      fields: { summary: { kind: 'text', title: t2('Summary') }, files: { kind: 'attachments', title: t2('Files') } },
      transitions: [{ code: 'register', title: t2('Register'), from: [], to: 'open', permission: 'cases.work', fields: { source: { kind: 'choice', title: t2('Source'), options: [{ value: 'a', title: t2('A') }, { value: 'b', title: t2('B') }] } } }],
      publicForm: { fields: ['summary'], consent },
    });
    expect(refusal(plugin('cases', { caseTypes: [withStepField] }))).toContain('The opening requires "source": ask for it or preset it');
    expect(refusal(plugin('cases', { caseTypes: [{ ...withStepField, publicForm: { fields: ['summary', 'files'], preset: { source: 'a' }, consent } }] }))).toContain('"files" (attachments) cannot be asked on a public form');
    expect(refusal(plugin('cases', { caseTypes: [{ ...withStepField, publicForm: { fields: ['summary', 'source'], preset: { source: 'a' }, consent } }] }))).toContain('"source" is both asked and preset');
    // A valid one composes.
    expect(() => composePlugins([plugin('cases', { caseTypes: [{ ...withStepField, publicForm: { fields: ['summary'], preset: { source: 'a' }, consent } }] })])).not.toThrow();
  });

  it('refuses a diary item derived by two plugins, naming both', () => {
    const a = plugin('one', { derivedDiaryItems: [{ item: 'diary.mediation', from: t2('From one') }] });
    const b = plugin('two', { derivedDiaryItems: [{ item: 'diary.mediation', from: t2('From two') }] });
    expect(refusal(a, b)).toBe('Plugins "one" and "two" both declare the derived diary item "diary.mediation". Rename it in one of them.');
  });
});

describe('deployment configuration', () => {
  it('changes a deadline\'s days and unit (casework.deadlines), shown as configured', async () => {
    const t = await startTestServer({
      plugins: [casebookPlugin] as const,
      now: () => new Date('2026-09-28T02:00:00Z'),
      casework: { deadlines: { 'casebook.case/handling': { days: 5, unit: 'calendar' } } },
    });
    try {
      const cases = (await t.client('xitun', { locale: 'en' })).casebook.cases;
      const type = await cases.type.query();
      expect(type.deadlines.map((d) => [d.code, d.days, d.unit, d.configured])).toEqual([
        ['handling', 5, 'calendar', true],
        ['first-session', 15, 'calendar', false],
      ]);
      const opened = await cases.open.mutate({ fields: { parties: [{ role: 'applicant', name: '甲' }], category: 'debt', summary: 'x', source: 'walk-in' } });
      // 28 Sep + 5 calendar days is 3 Oct, a National Day holiday: due the next working day (民法典 203).
      expect(opened.deadlines[0]).toMatchObject({ code: 'handling', days: 5, unit: 'calendar', due: '2026-10-08', remaining: 10 });
    } finally {
      await t.close();
    }
  });

  it('refuses to start with an override naming no deadline of an installed case type', async () => {
    await expect(startTestServer({ plugins: [casebookPlugin] as const, casework: { deadlines: { 'casebook.case/nope': { days: 3 } } } })).rejects.toThrow(
      'casework.deadlines["casebook.case/nope"] names no deadline of an installed case type. Keys are "<case type>/<deadline code>", e.g. "casebook.case/handling".',
    );
  });
});

describe('the field key', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('is kept beside an embedded database without SIFA_FIELD_KEY (0600, the same key at the next start), with a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sifa-field-key-'));
    dirs.push(dir);
    const { logger, lines } = memoryLogger();
    const first = await defaultFieldCipher({ engine: 'pglite', dataDir: dir }, logger, true);
    const file = join(dir, fieldKeyFileName);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toHaveLength(32);
    const again = await defaultFieldCipher({ engine: 'pglite', dataDir: dir }, logger, true);
    expect(again.id).toBe(first.id);
    const sealed = sealEnvelope(first, Buffer.from('张三'));
    expect(Buffer.from(openEnvelope(again, sealed)).toString()).toBe('张三');
    expect(lines.join('\n')).toContain('No SIFA_FIELD_KEY');
  });

  it('is required on PostgreSQL when a case type is installed: the server refuses to start, saying how to set it', async () => {
    await expect(defaultFieldCipher({ engine: 'postgres', url: 'postgres://db.invalid/sifa' }, memoryLogger().logger, false)).resolves.toMatchObject({ id: 'none' });
    await expect(
      createSifaServer({ plugins: [casebookPlugin], database: { engine: 'postgres', url: 'postgres://db.invalid/sifa' }, logger: memoryLogger().logger }),
    ).rejects.toThrow(/set SIFA_FIELD_KEY to the base64 of 32 random bytes/i);
  });

  it('is validated from the environment', () => {
    expect(envSchema.safeParse({ SIFA_FIELD_KEY: Buffer.alloc(32, 1).toString('base64') }).success).toBe(true);
    const short = envSchema.safeParse({ SIFA_FIELD_KEY: Buffer.alloc(16, 1).toString('base64') });
    expect(short.error?.issues[0]?.message).toContain('SIFA_FIELD_KEY must be the base64 of 32 random bytes');
  });

  it('seals with AES-256-GCM: a fresh nonce per value, tampering detected, the key named', () => {
    const cipher = aesGcmFieldCipher(Buffer.alloc(32, 3));
    const a = sealEnvelope(cipher, Buffer.from('13812345678'));
    const b = sealEnvelope(cipher, Buffer.from('13812345678'));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(cipher.id).toMatch(/^aes-256-gcm:[0-9a-f]{8}$/);
    const tampered = new Uint8Array(a);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => openEnvelope(cipher, tampered)).toThrow();
    expect(() => openEnvelope(aesGcmFieldCipher(Buffer.alloc(32, 4)), a)).toThrow();
  });
});

describe('masks and file types', () => {
  it('masks names, ID numbers, phones and addresses', () => {
    expect([maskName('张三'), maskName('欧阳娜娜'), maskIdNumber('150402198001011232'), maskPhone('13812345678'), maskPhone('0476-8888888'), maskAddress('内蒙古赤峰市红山区西屯街道幸福路1号')]).toEqual([
      '张*',
      '欧***',
      '1504**********1232',
      '138****5678',
      '0476-***8888',
      '内蒙古赤峰市***',
    ]);
  });

  it('tells the accepted types from their bytes only', async () => {
    const xlsx = new JSZip();
    xlsx.file('[Content_Types].xml', '<Types/>');
    xlsx.file('xl/workbook.xml', '<workbook/>');
    expect(sniffCaseFile(await xlsx.generateAsync({ type: 'uint8array' }))?.ext).toBe('xlsx');
    expect(sniffCaseFile(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))?.mimeType).toBe('image/jpeg');
    expect(sniffCaseFile(Buffer.from('<html><script>alert(1)</script></html>'))?.mimeType).toBe('text/plain');
    expect(sniffCaseFile(Buffer.from('GIF89a'))?.mimeType).toBe('text/plain');
    expect(sniffCaseFile(Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00]))).toBeNull();
    expect(sniffCaseFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).toBeNull();
  });
});
