/**
 * Messages of <sifa-diary> in zh-CN, en and Mongolian in traditional script (mn-Mong).
 *
 * MONGOLIAN: every string below is a DRAFT written by a non-speaker from classical Mongolian
 * vocabulary (the comment above each is its Latin transliteration, for the reviewer) and is
 * listed in `mnDrafts` until a native speaker has checked it. Word-internal suffixes are joined
 * with U+202F NARROW NO-BREAK SPACE and final -a/-e with U+180E MONGOLIAN VOWEL SEPARATOR, as
 * the script requires. Diary item titles come from the server; where an item has no Mongolian
 * title the widget shows the Chinese one, marked lang="zh-CN".
 */
import { defineMessages } from '../i18n/i18n.js';

export const diaryMessages = defineMessages(
  {
    'zh-CN': {
      title: '工作日志',
      calendar: '{month}日志日历',
      monthTitle: '{year}年{month}月',
      prevMonth: '上个月',
      nextMonth: '下个月',
      weekdays: '一,二,三,四,五,六,日',
      weekdaysLong: '星期一,星期二,星期三,星期四,星期五,星期六,星期日',
      dayDate: '{month}月{day}日',
      dayFilled: '已填 {count} 条',
      legendFilled: '已填报',
      dayMissing: '工作日，未填报',
      dayFuture: '未到',
      dayRest: '休息日',
      today: '今天',
      legend: '图例',
      dayTitle: '{date}的日志',
      noEntries: '这一天还没有日志。',
      futureDay: '不能为未来的日期填报日志。',
      quickEntry: '快速填报',
      recent: '最近使用',
      favourites: '收藏',
      allItems: '全部事项',
      star: '收藏“{item}”',
      newEntry: '填报：{item}',
      editEntry: '修改：{item}',
      save: '保存',
      cancel: '取消',
      edit: '修改',
      remove: '删除',
      confirmRemove: '确认删除',
      resubmit: '修改后重新提交',
      dismiss: '知道了',
      required: '必填',
      choose: '请选择',
      chooseFiles: '选择文件',
      filesHint: '只记录文件名、大小和类型，文件本身不上传。',
      removeFile: '移除“{name}”',
      minutes: '分钟',
      fixErrors: '有 {count} 处需要修改，请按提示修改后再保存。',
      stateSynced: '已同步',
      stateLocal: '已保存在本机，等待同步',
      stateSyncing: '正在同步',
      stateRejected: '未被接受',
      pendingUpdate: '修改待同步',
      pendingRemove: '删除待同步',
      dependencyRejected: '所修改的日志未被服务器接受。',
      editableUntil: '{time} 前可修改',
      by: '填报人：{name}',
      online: '已联网',
      offline: '离线：日志先保存在本机，联网后自动同步。',
      pending: '{count} 条待同步',
      allSynced: '全部已同步',
      syncNow: '立即同步',
      loading: '正在加载…',
      loadFailed: '无法从服务器加载日志：{reason}',
      showingCached: '显示的是本机上次保存的内容。',
      savedLocally: '已保存在本机。',
      partBasic: '基础工作',
      partInstitutional: '制度建设',
      partKey: '重点工作',
      partDaily: '日常工作',
      partOutstanding: '创先争优',
      partNegative: '负面清单',
    },
    'en': {
      title: 'Work diary',
      calendar: 'Diary calendar, {month}',
      monthTitle: '{monthName} {year}',
      prevMonth: 'Previous month',
      nextMonth: 'Next month',
      weekdays: 'Mon,Tue,Wed,Thu,Fri,Sat,Sun',
      weekdaysLong: 'Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday',
      dayDate: '{day} {monthName}',
      dayFilled: '{count} entries',
      legendFilled: 'entries made',
      dayMissing: 'working day, nothing entered',
      dayFuture: 'not yet',
      dayRest: 'day off',
      today: 'today',
      legend: 'Legend',
      dayTitle: 'Entries of {date}',
      noEntries: 'No entries on this day yet.',
      futureDay: 'Entries cannot be made for days to come.',
      quickEntry: 'Quick entry',
      recent: 'Recently used',
      favourites: 'Favourites',
      allItems: 'All items',
      star: 'Add “{item}” to favourites',
      newEntry: 'New entry: {item}',
      editEntry: 'Edit: {item}',
      save: 'Save',
      cancel: 'Cancel',
      edit: 'Edit',
      remove: 'Delete',
      confirmRemove: 'Confirm delete',
      resubmit: 'Correct and send again',
      dismiss: 'Dismiss',
      required: 'required',
      choose: 'Choose',
      chooseFiles: 'Choose files',
      filesHint: 'Only the name, size and type of each file are recorded; the files themselves are not uploaded.',
      removeFile: 'Remove “{name}”',
      minutes: 'min',
      fixErrors: '{count} fields need correcting; correct them as indicated and save again.',
      stateSynced: 'Synced',
      stateLocal: 'Saved on this device, waiting to sync',
      stateSyncing: 'Syncing',
      stateRejected: 'Rejected',
      pendingUpdate: 'Change waiting to sync',
      pendingRemove: 'Deletion waiting to sync',
      dependencyRejected: 'The entry this change applies to was not accepted by the server.',
      editableUntil: 'Can be changed until {time}',
      by: 'By {name}',
      online: 'Online',
      offline: 'Offline: entries are kept on this device and sync when the connection returns.',
      pending: '{count} waiting to sync',
      allSynced: 'All synced',
      syncNow: 'Sync now',
      loading: 'Loading…',
      loadFailed: 'Could not load the diary from the server: {reason}',
      showingCached: 'Showing what this device saved last time.',
      savedLocally: 'Saved on this device.',
      partBasic: 'Basic work',
      partInstitutional: 'Institutions',
      partKey: 'Key work',
      partDaily: 'Daily work',
      partOutstanding: 'Excellence',
      partNegative: 'Negative list',
    },
    'mn-Mong': {
      // ajil-un edUr-Un temdeglel
      title: 'ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ ᠦᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ',
      // {month}-un temdeglel-Un liti
      calendar: '{month} ᠤᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠦᠨ ᠯᠢᠲᠢ',
      // {year} on-u {month} sar_a
      monthTitle: '{year} ᠣᠨ ᠤ {month} ᠰᠠᠷ᠎ᠠ',
      // OmUneki sar_a
      prevMonth: 'ᠥᠮᠦᠨᠡᠬᠢ ᠰᠠᠷ᠎ᠠ',
      // daragaki sar_a
      nextMonth: 'ᠳᠠᠷᠠᠭᠠᠬᠢ ᠰᠠᠷ᠎ᠠ',
      // nigen,qoyar,gurban,dOrben,tabun,jirgugan,edUr
      weekdays: 'ᠨᠢᠭᠡᠨ,ᠬᠣᠶᠠᠷ,ᠭᠤᠷᠪᠠᠨ,ᠳᠥᠷᠪᠡᠨ,ᠲᠠᠪᠤᠨ,ᠵᠢᠷᠭᠤᠭᠠᠨ,ᠡᠳᠦᠷ',
      // garag-un nigen,garag-un qoyar,garag-un gurban,garag-un dOrben,garag-un tabun,garag-un jirgugan,garag-un edUr
      weekdaysLong: 'ᠭᠠᠷᠠᠭ ᠤᠨ ᠨᠢᠭᠡᠨ,ᠭᠠᠷᠠᠭ ᠤᠨ ᠬᠣᠶᠠᠷ,ᠭᠠᠷᠠᠭ ᠤᠨ ᠭᠤᠷᠪᠠᠨ,ᠭᠠᠷᠠᠭ ᠤᠨ ᠳᠥᠷᠪᠡᠨ,ᠭᠠᠷᠠᠭ ᠤᠨ ᠲᠠᠪᠤᠨ,ᠭᠠᠷᠠᠭ ᠤᠨ ᠵᠢᠷᠭᠤᠭᠠᠨ,ᠭᠠᠷᠠᠭ ᠤᠨ ᠡᠳᠦᠷ',
      // {month} sar_a-yin {day}
      dayDate: '{month} ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ {day}',
      // {count} temdeglel bicigdegsen
      dayFilled: '{count} ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠪᠢᠴᠢᠭᠳᠡᠭᠰᠡᠨ',
      // bicigdegsen
      legendFilled: 'ᠪᠢᠴᠢᠭᠳᠡᠭᠰᠡᠨ',
      // ajil-un edUr, temdeglel dutagu
      dayMissing: 'ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ᠂ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠳᠤᠲᠠᠭᠤ',
      // iregedUi
      dayFuture: 'ᠢᠷᠡᠭᠡᠳᠦᠢ',
      // amur_a edUr
      dayRest: 'ᠠᠮᠤᠷ᠎ᠠ ᠡᠳᠦᠷ',
      // OnOdUr
      today: 'ᠥᠨᠥᠳᠦᠷ',
      // tayilburi
      legend: 'ᠲᠠᠶᠢᠯᠪᠤᠷᠢ',
      // {date}-u temdeglel
      dayTitle: '{date} ᠤ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ',
      // ene edUr temdeglel alga.
      noEntries: 'ᠡᠨᠡ ᠡᠳᠦᠷ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠠᠯᠭᠠ᠃',
      // iregedUi edUr-tU temdeglel bicijU bolqu Ugei.
      futureDay: 'ᠢᠷᠡᠭᠡᠳᠦᠢ ᠡᠳᠦᠷ ᠲᠦ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠪᠢᠴᠢᠵᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃',
      // qurdun bicikU
      quickEntry: 'ᠬᠤᠷᠳᠤᠨ ᠪᠢᠴᠢᠬᠦ',
      // sayiqan kereglegsen
      recent: 'ᠰᠠᠶᠢᠬᠠᠨ ᠬᠡᠷᠡᠭᠯᠡᠭᠰᠡᠨ',
      // tagalagsan
      favourites: 'ᠲᠠᠭᠠᠯᠠᠭᠰᠠᠨ',
      // bUkU jUil
      allItems: 'ᠪᠦᠬᠦ ᠵᠦᠢᠯ',
      // {item}-i tagalaqu
      star: '{item} ᠢ ᠲᠠᠭᠠᠯᠠᠬᠤ',
      // sin_e temdeglel: {item}
      newEntry: 'ᠰᠢᠨ᠎ᠡ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ᠄ {item}',
      // jasaqu: {item}
      editEntry: 'ᠵᠠᠰᠠᠬᠤ᠄ {item}',
      // qadagalaqu
      save: 'ᠬᠠᠳᠠᠭᠠᠯᠠᠬᠤ',
      // bolilgaqu
      cancel: 'ᠪᠣᠯᠢᠯᠭᠠᠬᠤ',
      // jasaqu
      edit: 'ᠵᠠᠰᠠᠬᠤ',
      // usadqaqu
      remove: 'ᠤᠰᠠᠳᠬᠠᠬᠤ',
      // usadqaqu-ban batulaqu
      confirmRemove: 'ᠤᠰᠠᠳᠬᠠᠬᠤ ᠪᠠᠨ ᠪᠠᠲᠤᠯᠠᠬᠤ',
      // jasaju dakin ilegekU
      resubmit: 'ᠵᠠᠰᠠᠵᠤ ᠳᠠᠬᠢᠨ ᠢᠯᠡᠭᠡᠬᠦ',
      // oyilgaba
      dismiss: 'ᠣᠶᠢᠯᠭᠠᠪᠠ',
      // jayilasi Ugei
      required: 'ᠵᠠᠶᠢᠯᠠᠰᠢ ᠦᠭᠡᠢ',
      // soNgoqu
      choose: 'ᠰᠣᠩᠭᠣᠬᠤ',
      // qabsurga soNgoqu
      chooseFiles: 'ᠬᠠᠪᠰᠤᠷᠭᠠ ᠰᠣᠩᠭᠣᠬᠤ',
      // ner_e, yeke baga, tOrOl-i anu l temdeglene.
      filesHint: 'ᠨᠡᠷ᠎ᠡ᠂ ᠶᠡᠬᠡ ᠪᠠᠭᠠ᠂ ᠲᠥᠷᠥᠯ ᠢ ᠠᠨᠤ ᠯ ᠲᠡᠮᠳᠡᠭᠯᠡᠨᠡ᠃',
      // {name}-i qasuqu
      removeFile: '{name} ᠢ ᠬᠠᠰᠤᠬᠤ',
      // minut
      minutes: 'ᠮᠢᠨᠤᠲ',
      // {count} jUil-i jasaju dakin qadagalan_a uu.
      fixErrors: '{count} ᠵᠦᠢᠯ ᠢ ᠵᠠᠰᠠᠵᠤ ᠳᠠᠬᠢᠨ ᠬᠠᠳᠠᠭᠠᠯᠠᠨ᠎ᠠ ᠤᠤ᠃',
      // ilegegdebe
      stateSynced: 'ᠢᠯᠡᠭᠡᠭᠳᠡᠪᠡ',
      // ene tOkOgerUmji-dU qadagalagdaba, ilegekU-yi kUlijejU bayin_a
      stateLocal: 'ᠡᠨᠡ ᠲᠥᠬᠥᠭᠡᠷᠦᠮᠵᠢ ᠳᠦ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠳᠠᠪᠠ᠂ ᠢᠯᠡᠭᠡᠬᠦ ᠶᠢ ᠬᠦᠯᠢᠵᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ',
      // ilegejU bayin_a
      stateSyncing: 'ᠢᠯᠡᠭᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ',
      // qUliyen abugsan Ugei
      stateRejected: 'ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠦᠭᠡᠢ',
      // jasabur ilegekU-yi kUlijejU bayin_a
      pendingUpdate: 'ᠵᠠᠰᠠᠪᠤᠷ ᠢᠯᠡᠭᠡᠬᠦ ᠶᠢ ᠬᠦᠯᠢᠵᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ',
      // usadqal ilegekU-yi kUlijejU bayin_a
      pendingRemove: 'ᠤᠰᠠᠳᠬᠠᠯ ᠢᠯᠡᠭᠡᠬᠦ ᠶᠢ ᠬᠦᠯᠢᠵᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ',
      // jasaqu temdeglel qUliyen abugdagsan Ugei.
      dependencyRejected: 'ᠵᠠᠰᠠᠬᠤ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃',
      // {time} kUrtel_e jasaju bolon_a
      editableUntil: '{time} ᠬᠦᠷᠲᠡᠯ᠎ᠡ ᠵᠠᠰᠠᠵᠤ ᠪᠣᠯᠣᠨ᠎ᠠ',
      // bicigsen: {name}
      by: 'ᠪᠢᠴᠢᠭᠰᠡᠨ᠄ {name}',
      // sUljiy_e-dU qolbogdaba
      online: 'ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠳᠦ ᠬᠣᠯᠪᠣᠭᠳᠠᠪᠠ',
      // sUljiy_e tasuraba: temdeglel-i ene tOkOgerUmji-dU qadagalaju, daraga anu ilegene.
      offline: 'ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠲᠠᠰᠤᠷᠠᠪᠠ᠄ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠢ ᠡᠨᠡ ᠲᠥᠬᠥᠭᠡᠷᠦᠮᠵᠢ ᠳᠦ ᠬᠠᠳᠠᠭᠠᠯᠠᠵᠤ᠂ ᠳᠠᠷᠠᠭᠠ ᠠᠨᠤ ᠢᠯᠡᠭᠡᠨᠡ᠃',
      // {count} temdeglel kUlijejU bayin_a
      pending: '{count} ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠬᠦᠯᠢᠵᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ',
      // bUgUde ilegegdebe
      allSynced: 'ᠪᠦᠭᠦᠳᠡ ᠢᠯᠡᠭᠡᠭᠳᠡᠪᠡ',
      // odo ilegekU
      syncNow: 'ᠣᠳᠣ ᠢᠯᠡᠭᠡᠬᠦ',
      // aciyalaju bayin_a…
      loading: 'ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…',
      // temdeglel-i aciyalaju cidagsan Ugei: {reason}
      loadFailed: 'ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}',
      // ene tOkOgerUmji-dU qadagalagsan-i qaragulju bayin_a.
      showingCached: 'ᠡᠨᠡ ᠲᠥᠬᠥᠭᠡᠷᠦᠮᠵᠢ ᠳᠦ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠰᠠᠨ ᠢ ᠬᠠᠷᠠᠭᠤᠯᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
      // ene tOkOgerUmji-dU qadagalagdaba.
      savedLocally: 'ᠡᠨᠡ ᠲᠥᠬᠥᠭᠡᠷᠦᠮᠵᠢ ᠳᠦ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠳᠠᠪᠠ᠃',
      // sitUgen ajil
      partBasic: 'ᠰᠢᠲᠦᠭᠡᠨ ᠠᠵᠢᠯ',
      // dUrim jokiyal
      partInstitutional: 'ᠳᠦᠷᠢᠮ ᠵᠣᠬᠢᠶᠠᠯ',
      // gol ajil
      partKey: 'ᠭᠣᠯ ᠠᠵᠢᠯ',
      // edUr tutum-un ajil
      partDaily: 'ᠡᠳᠦᠷ ᠲᠤᠲᠤᠮ ᠤᠨ ᠠᠵᠢᠯ',
      // tergegUlegci
      partOutstanding: 'ᠲᠡᠷᠭᠡᠭᠦᠯᠡᠭᠴᠢ',
      // sOrOg jagsagalta
      partNegative: 'ᠰᠥᠷᠥᠭ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ',
    },
  },
  { mnDrafts: 'all' },
);

export type DiaryMessageKey = keyof (typeof diaryMessages)['catalogs']['zh-CN'];
