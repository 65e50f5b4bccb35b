/**
 * DEMO portal users (invented people, labelled as demo): the portal's own accounts and how the
 * portal maps each to a Sifa Kit role and org, as a real portal would from its user directory.
 * Org codes and names are real divisions of Chifeng (NBS 2023 codes, seeded by the server).
 */
export const demoPortalUsers = [
  {
    id: 'wang.fang',
    displayName: '王芳（演示）',
    title: '西屯街道司法所 工作人员',
    role: 'office_staff',
    orgCode: '150402001',
    orgName: '西屯街道司法所',
    diaryOrgCode: '150402001',
  },
  {
    id: 'li.ming',
    displayName: '李明（演示）',
    title: '三中街街道司法所 工作人员',
    role: 'office_staff',
    orgCode: '150402002',
    orgName: '三中街街道司法所',
    diaryOrgCode: '150402002',
  },
  {
    // County administrators read their offices' diaries (and cannot write them).
    id: 'zhao.lei',
    displayName: '赵磊（演示）',
    title: '红山区司法局 管理员（查看西屯街道司法所日志）',
    role: 'county_admin',
    orgCode: '150402',
    orgName: '红山区司法局',
    diaryOrgCode: '150402001',
  },
  {
    // The city bureau: rankings of the counties, the city's plan and its warnings.
    id: 'chen.jing',
    displayName: '陈静（演示）',
    title: '赤峰市司法局 管理员',
    role: 'city_admin',
    orgCode: '1504',
    orgName: '赤峰市司法局',
    diaryOrgCode: '150402001',
  },
];

export function findPortalUser(id) {
  return demoPortalUsers.find((u) => u.id === id) ?? null;
}
