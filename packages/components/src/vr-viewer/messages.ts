/**
 * Messages of <sifa-vr-viewer>: zh-CN bundled with the element, en and mn-Mong loaded (a dynamic
 * import each) only when shown. en and mn-Mong have exactly the keys of zh-CN (checked by type);
 * every Mongolian string is a draft until a native speaker has checked it.
 */
import { defineLazyMessages, type Catalog } from '../i18n/i18n.js';

const zhCN = {
  title: 'VR 全景',
  roleDescription: '全景查看器',
  viewLabel: '全景：{scene}。用方向键环顾四周，加号和减号键缩放，Home 键回到初始视角。',
  previewAlt: '全景平面预览图：{scene}',
  loading: '正在加载全景…',
  progress: '全景图片加载进度',
  noWebgl: '此浏览器无法显示可转动的全景，下面是平面预览图和全部热点。',
  tourNotFound: '找不到这个全景导览：它可能已被删除或尚未发布。',
  imageFailed: '全景图片加载失败，请检查网络后重试。',
  noKey: '页面没有配置司法所平台的公开访问密钥（data-sifa-key），无法加载全景。',
  noSource: '没有指定要显示的全景（tour 或 src 属性）。',
  loadFailed: '无法加载全景：{reason}',
  retry: '重试',
  hotspots: '热点',
  showList: '热点列表',
  listTitle: '“{scene}”中的热点',
  noHotspots: '这个场景没有热点。',
  version: '版本',
  versionOption: '第 {version} 版 · {date}',
  latest: '（最新）',
  archived: '正在查看存档版本：第 {version} 版（{date}发布）。',
  gyro: '随手机转动',
  gyroDenied: '未获准使用方向传感器。',
  fullscreen: '全屏',
  autorotate: '自动旋转',
  close: '关闭',
  transcript: '文字稿',
  kindScene: '前往场景“{scene}”',
  kindInfo: '查看说明',
  kindAudio: '播放音频（附文字稿）',
  kindVideo: '播放视频',
  kindLink: '在新标签页中打开链接',
  kindWidget: '在对话框中打开相关服务',
  widgetRefused: '无法显示这个组件。',
  sceneEntered: '已进入场景“{scene}”',
  sceneList: '场景',
};

export type VrMessageKey = keyof typeof zhCN;

export const vrMessages = defineLazyMessages<VrMessageKey>(
  zhCN,
  {
    en: () => import('./messages.en.js').then((m) => m.en),
    'mn-Mong': () => import('./messages.mn-Mong.js').then((m) => m.mnMong),
  },
  { mnDrafts: 'all' },
);

export type VrMessageCatalog = Catalog<VrMessageKey>;
