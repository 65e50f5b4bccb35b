/**
 * DEMO portal users (invented people, labelled as demo): the portal's own accounts and how the
 * portal maps each to a Sifa Kit role and org, as a real portal would from its user directory.
 * Org codes and names are real divisions of Chifeng (NBS 2023 codes, seeded by the server).
 *
 * The list is the Sifa server's demo accounts (`demoAccounts` of @sifa/server, the table in the
 * repository README): one portal identity per account, so the picker cannot drift from what the
 * README documents. A persona below only gives an account a person's name; an account without
 * one is still offered, under its org.
 */
import { demoAccounts } from '@sifa/server';

/** Demo people standing behind the accounts (invented names), by account username. */
const personas = {
  'demo.xitun': { displayName: '王芳（演示）', title: '西屯街道司法所 工作人员' },
  'demo.sanzhongjie': { displayName: '李明（演示）', title: '三中街街道司法所 工作人员' },
  // County administrators read their offices' diaries (and cannot write them).
  'demo.hongshan': { displayName: '赵磊（演示）', title: '红山区司法局 管理员（查看西屯街道司法所日志）', diaryOrgCode: '150402001' },
  'demo.songshan': { displayName: '孙丽（演示）', title: '松山区司法局 管理员（查看振兴街道司法所日志）', diaryOrgCode: '150404001' },
  // The city bureau: rankings of the counties, the city's plan and its warnings.
  'demo.city': { displayName: '陈静（演示）', title: '赤峰市司法局 管理员', diaryOrgCode: '150402001' },
};

/** The diary a user opens: an office's own; an administrator's, the first office of the county (the city: 西屯). */
const defaultDiaryOrg = (account) => (account.role === 'office_staff' ? account.orgCode : account.orgCode.length === 6 ? `${account.orgCode}001` : '150402001');

const roleTitles = { office_staff: '工作人员', county_admin: '管理员', city_admin: '管理员' };

// Office staff first, then the counties, then the city: the order of the picker.
const roleOrder = { office_staff: 0, county_admin: 1, city_admin: 2 };

export const demoPortalUsers = [...demoAccounts]
  .sort((a, b) => (roleOrder[a.role] ?? 9) - (roleOrder[b.role] ?? 9))
  .map((account) => {
    const persona = personas[account.username] ?? {};
    return {
      id: account.username,
      displayName: persona.displayName ?? `演示账号 · ${account.org}`,
      title: persona.title ?? `${account.org} ${roleTitles[account.role] ?? account.role}`,
      role: account.role,
      orgCode: account.orgCode,
      orgName: account.org,
      diaryOrgCode: persona.diaryOrgCode ?? defaultDiaryOrg(account),
    };
  });

export function findPortalUser(id) {
  return demoPortalUsers.find((u) => u.id === id) ?? null;
}
