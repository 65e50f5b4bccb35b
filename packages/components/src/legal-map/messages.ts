/**
 * Messages of <sifa-legal-map>. zh-CN (the default locale) is part of the element's first load;
 * en and mn-Mong are chunks loaded when shown. Every catalog has exactly the keys of zh-CN.
 */
import { defineLazyMessages, type Catalog } from '../i18n/i18n.js';

const zhCN = {
  title: '法律服务地图',
  search: '搜索',
  searchHint: '名称、地址或服务',
  type: '机构类型',
  allTypes: '全部类型',
  count: '共 {count} 个机构',
  noResults: '没有符合条件的机构。',
  list: '机构列表',
  nearest: '离我最近',
  locating: '正在获取您的位置…',
  sortedByDistance: '已按与{place}的距离排序。',
  yourPosition: '您的位置',
  youAreHere: '您在这里',
  geoDenied: '未获准使用您的位置。请选择您所在的旗县区，将按与该地的距离排序。',
  geoUnavailable: '无法获取您的位置。请选择您所在的旗县区，将按与该地的距离排序。',
  county: '所在旗县区',
  chooseCounty: '请选择',
  distance: '约 {km} 公里',
  map: '地图',
  mapLoading: '正在加载地图…',
  noWebgl: '此浏览器无法显示地图（不支持 WebGL）。请在列表中查找机构。',
  mapFailed: '地图无法显示：{reason}。请在列表中查找机构。',
  loading: '正在加载机构…',
  loadFailed: '无法加载机构：{reason}',
  unreachable: '无法连接服务器',
  retry: '重试',
  close: '关闭',
  details: '机构详情',
  address: '地址',
  phone: '电话',
  hours: '办公时间',
  openNow: '正在办公',
  closedNow: '现在不办公',
  noHours: '未公布办公时间',
  services: '服务',
  servesTownships: '服务的乡镇（街道）',
  navigate: '导航',
  amap: '高德地图',
  baidu: '百度地图',
  tianditu: '天地图',
  tour: 'VR 全景参观',
  approximate: '位置为近似位置',
  weekdays: '周一,周二,周三,周四,周五,周六,周日',
  dayRange: '{from}至{to}',
  cluster: '{count} 个机构，点击放大',
  boundaries: '行政区划：赤峰市旗县区',
};

export type LegalMapMessageKey = keyof typeof zhCN;
export type LegalMapMessageCatalog = Catalog<LegalMapMessageKey>;

export const legalMapMessages = defineLazyMessages<LegalMapMessageKey>(
  zhCN,
  {
    en: () => import('./messages.en.js').then((m) => m.en),
    'mn-Mong': () => import('./messages.mn-Mong.js').then((m) => m.mnMong),
  },
  { mnDrafts: 'all' },
);
