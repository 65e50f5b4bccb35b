/**
 * Demo accounts, one per level, each with a fresh random password written to
 * <data dir>/demo-credentials.json (mode 0600) and printed at start, marked as demo. Nothing
 * else is invented: the org tree is the real division list.
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Role } from '@sifa/core';
import { users } from '../db/schema.js';
import { generatePassword } from '../auth/passwords.js';
import type { SifaServer } from '../server.js';
import { chifengOrgTree, cityOrgTree, seedOrgTree, type OrgSeedRow } from './orgs.js';
import { seedPlugins } from './plugins.js';

export interface DemoCredential {
  username: string;
  password: string;
  role: Role;
  orgCode: string;
  org: string;
}

export const demoAccounts: Omit<DemoCredential, 'password'>[] = [
  { username: 'demo.city', role: 'city_admin', orgCode: '1504', org: '赤峰市司法局' },
  { username: 'demo.hongshan', role: 'county_admin', orgCode: '150402', org: '红山区司法局' },
  { username: 'demo.songshan', role: 'county_admin', orgCode: '150404', org: '松山区司法局' },
  { username: 'demo.xitun', role: 'office_staff', orgCode: '150402001', org: '西屯街道司法所' },
  { username: 'demo.sanzhongjie', role: 'office_staff', orgCode: '150402002', org: '三中街街道司法所' },
];

export async function readDemoCredentials(file: string): Promise<DemoCredential[] | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as DemoCredential[];
  } catch {
    return null;
  }
}

/**
 * Accounts of another city's seed: its city bureau, its first county-level bureau and that
 * county's first office (by code).
 */
function cityAccounts(tree: OrgSeedRow[]): Omit<DemoCredential, 'password'>[] {
  const city = tree.find((o) => o.level === 'city')!;
  const county = tree.find((o) => o.level === 'county');
  const office = county && tree.find((o) => o.level === 'office' && o.parentCode === county.code);
  return [
    { username: 'demo.city', role: 'city_admin', orgCode: city.code, org: `${city.nameZh}司法局` },
    ...(county ? [{ username: 'demo.county', role: 'county_admin' as const, orgCode: county.code, org: `${county.nameZh}司法局` }] : []),
    ...(office ? [{ username: 'demo.office', role: 'office_staff' as const, orgCode: office.code, org: office.nameZh }] : []),
  ];
}

/**
 * Seeds the org tree and the demo accounts that do not exist yet; returns the full credential list.
 * The demo is Chifeng (1504) with the plugins' demo content; `city` seeds another prefecture-level
 * city's real tree and three accounts, and invents no records there.
 */
export async function seedDemo(server: SifaServer, credentialsFile: string, options: { city?: string } = {}): Promise<{ orgsInserted: number; credentials: DemoCredential[] }> {
  const db = server.database.db;
  const city = options.city ?? '1504';
  const orgsInserted = await seedOrgTree(db, city);
  const accounts = city === '1504' ? demoAccounts : cityAccounts(await cityOrgTree(city));
  const known = new Map((await readDemoCredentials(credentialsFile))?.map((c) => [c.username, c]) ?? []);
  const credentials: DemoCredential[] = [];
  for (const account of accounts) {
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, account.username));
    if (existing) {
      const saved = known.get(account.username);
      if (saved) credentials.push(saved);
      continue;
    }
    const password = generatePassword();
    await server.auth.createUser({ username: account.username, displayName: `演示账号 · ${account.org}`, password, role: account.role, orgCode: account.orgCode, isDemo: true });
    credentials.push({ ...account, password });
  }
  await mkdir(dirname(credentialsFile), { recursive: true });
  await writeFile(credentialsFile, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  await chmod(credentialsFile, 0o600);
  if (city !== '1504') return { orgsInserted, credentials };
  // Plugins' demo content (idempotent), after the tree and the accounts exist.
  const orgCodes = (await chifengOrgTree()).map((o) => o.code);
  await seedPlugins(server, orgCodes, (message) => server.logger.info(message));
  return { orgsInserted, credentials };
}
