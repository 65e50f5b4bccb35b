/**
 * Messages of <sifa-apply>. The zh-CN catalog (the default locale) is part of the element's first
 * load; en and mn-Mong are separate modules, loaded only when shown. All three have exactly the
 * keys of zh-CN (checked by type and by a test). The form's own words (its title, intro, fields,
 * options, consent) come from the server (LocalizedText).
 *
 * Plain words first: the people who apply here are citizens, many of them elderly, not lawyers.
 */
import { defineLazyMessages, type Catalog } from '../i18n/i18n.js';

const zhCN = {
  titleFallback: '网上申请',
  loading: '正在加载…',
  loadFailed: '无法加载：{reason}',
  unreachable: '无法连接服务器，请检查网络后重试。',
  retry: '重试',
  noType: '没有指定申请类型：请在元素上写明 type，例如 type="applications.reconsideration"。',
  noForm: '本网站不提供这项网上申请。',
  modes: '办理方式',
  modeApply: '我要申请',
  modeStatus: '查询办理进度',

  officeSection: '第一步：选择司法所',
  officeHelp: '请选择您居住地或事情发生地的乡镇（街道）司法所，由它接收您的申请。',
  county: '旗县区',
  chooseCounty: '请选择旗县区',
  office: '乡镇（街道）司法所',
  chooseOffice: '请选择司法所',
  officeFixed: '接收申请的司法所：{office}',
  formSection: '第二步：填写申请',
  requiredMark: '必填',
  optionalMark: '选填',
  yes: '是',
  no: '否',
  notSure: '不确定',
  chooseOption: '请选择',
  partyN: '第 {n} 人',
  partyRole: '身份',
  // The roles a party's line commonly has (the widget's own words for the server's role values
  // where the server gives none in the reader's language).
  roleApplicant: '申请人',
  roleRepresentative: '法定代表人',
  roleAgent: '委托代理人',
  partyName: '姓名或名称',
  partyIdNumber: '身份证号码',
  partyPhone: '联系电话',
  partyAddress: '住址',
  addParty: '再添加一人',
  removeParty: '删除第 {n} 人',
  consentSection: '第三步：个人信息处理告知',
  consentAccept: '我已阅读上述告知，同意按此处理我的个人信息',
  draftSaved: '您填写的内容已暂存在本设备上，刷新页面不会丢失；提交成功后自动清除。',
  draftRestored: '已恢复您上次在本设备上填写的内容。',
  clearDraft: '清除已填写的内容',
  draftCleared: '已清除本设备上暂存的内容。',
  submit: '提交申请',
  submitting: '正在提交…',
  proving: '正在进行安全验证，请稍候（通常需要几秒钟）…',
  errorSummary: '有 {n} 处需要修改后才能提交：',
  required: '请填写此项。',
  requiredChoice: '请选择一项。',
  tooLong: '不能超过 {max} 个字。',
  idNumber: '身份证号码不正确：应为 18 位，最后一位可能是 X。',
  phone: '电话号码不正确：手机 11 位，固定电话请带区号，如 0476-8888888。',
  date: '请选择或按“年-月-日”填写日期，如 2026-03-01。',
  futureDate: '这个日期还没有到，请检查。',
  consentRequired: '请阅读个人信息处理告知，勾选同意后再提交。',
  officeRequired: '请选择接收申请的司法所。',
  tooMany: '提交过于频繁，请 {seconds} 秒后再试。',
  invalidValue: '此项填写有误，请检查。',
  refused: '服务器没有接受这份申请：{reason}',

  doneTitle: '申请已提交',
  doneLead: '{office}已收到您的申请。',
  doneNumber: '受理编号',
  doneCode: '查询码',
  doneKeep: '请抄下或保存受理编号和查询码：凭这两项可以随时查询办理进度。查询码只显示这一次，请勿告诉他人。',
  doneOn: '提交日期：{date}',
  duplicateTitle: '您已经提交过这份申请',
  duplicateText: '一天内相同的申请只接收一次。您的受理编号是 {number}，请用当时获得的查询码查询办理进度。',
  saveCodes: '保存编号和查询码',
  savedFileIntro: '网上申请受理编号和查询码',
  downloadReceipt: '下载回执',
  receiptFailed: '暂时无法下载回执：{reason}',
  checkStatus: '查询办理进度',
  newApplication: '再提交一份申请',

  statusSection: '查询办理进度',
  statusHelp: '请输入提交申请时获得的受理编号和查询码。',
  statusNumber: '受理编号',
  statusCode: '查询码',
  statusCodeHelp: '12 位字母和数字，如 ABCD-EFGH-JK23',
  lookUp: '查询',
  lookingUp: '正在查询…',
  statusNotFound: '没有找到该申请：请核对受理编号和查询码。',
  statusBadCode: '查询码应为 12 位字母和数字，如 ABCD-EFGH-JK23。',
  statusState: '当前状态',
  statusClosed: '已办结',
  statusOpen: '办理中',
  statusReceived: '{date} 提交至{office}',
  statusSteps: '办理经过',
  statusNext: '下一步：{title}，预计 {date} 前',
  statusDocuments: '您补充的材料',

  docsSection: '补充材料（选填）',
  docsHelp: '可以上传申请书、证据等材料的照片或扫描件：PDF、JPG、PNG 图片或 Word（.docx）文件，每个不超过 {max} MB，最多 {count} 个。',
  docsAdd: '选择文件上传',
  docsUploading: '正在上传 {name}…',
  docsFailed: '{name} 没有上传成功：{reason}',
};

export type ApplyMessageKey = keyof typeof zhCN;
export type ApplyMessageCatalog = Catalog<ApplyMessageKey>;

export const applyMessages = defineLazyMessages<ApplyMessageKey>(
  zhCN,
  {
    en: () => import('./messages.en.js').then((m) => m.en),
    'mn-Mong': () => import('./messages.mn-Mong.js').then((m) => m.mnMong),
  },
  { mnDrafts: 'all' },
);
