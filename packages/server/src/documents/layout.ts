/**
 * GB/T 9704-2012 (党政机关公文格式) in numbers, for both renderers: A4 paper, the 156 × 225 mm
 * type area (版心), 22 lines of 28 characters in 3号 仿宋, and the fonts of each element.
 * Word measures in twips (1/20 pt) and half-points; the HTML preview in pt and mm.
 */

/** 1 mm in twips (1 inch = 25.4 mm = 1440 twips). */
const twipsPerMm = 1440 / 25.4;
export const mmToTwips = (mm: number) => Math.round(mm * twipsPerMm);

export const page = {
  widthMm: 210,
  heightMm: 297,
  /** Exact A4 in twips, as Word writes it. */
  widthTwips: 11906,
  heightTwips: 16838,
  margin: { topMm: 37, bottomMm: 35, leftMm: 28, rightMm: 26 },
} as const;

export const typeArea = {
  widthMm: page.widthMm - page.margin.leftMm - page.margin.rightMm,
  heightMm: page.heightMm - page.margin.topMm - page.margin.bottomMm,
} as const;

/** Chinese type sizes (字号) in points. */
export const pointSize = { 初号: 42, 小初: 36, 一号: 26, 二号: 22, 三号: 16, 四号: 14, 小四: 12 } as const;

export const body = {
  sizePt: pointSize.三号,
  linesPerPage: 22,
  charsPerLine: 28,
  /** Fixed line spacing giving 22 lines in the 225 mm type area (28.95 pt). */
  lineTwips: 579,
} as const;

/** Width of one body character (3号 = 16 pt) in twips: indents are counted in characters. */
export const charTwips = body.sizePt * 20;

/**
 * 28 characters a line without relying on the font: every body run is set 0.25 pt tighter
 * (`w:spacing w:val="-5"`, twentieths of a point), so a 16 pt character takes 15.75 pt and 28 of
 * them (441 pt) fit the 156 mm (442.2 pt) line, 29 do not. A character grid (`linesAndChars`)
 * would do the same in Word with 仿宋_GB2312, but LibreOffice snaps each character of a
 * substituted font that is a hair wider than the grid pitch to two cells: ≈ 16 characters a line.
 */
export const bodyCharacterSpacing = Math.floor(((typeArea.widthMm * 72) / 25.4 / body.charsPerLine - body.sizePt) * 20);

/** The line grid (文档网格, lines only): 22 lines a page. */
export const grid = {
  linePitch: body.lineTwips,
} as const;

/** Title lines (2号): the most characters one holds (the title breaks only between words, see `titleLines`). */
export const titleCharsPerLine = Math.floor((typeArea.widthMm * 72) / 25.4 / pointSize.二号);

/** 发文机关标志: its top edge 35 mm below the top of the type area (§7.2.3). */
export const mastheadOffsetMm = 35;
/** The red separator line, 4 mm below the 文号 (§7.2.5). */
export const separatorGapPt = 11;
/** Page numbers: 4号 宋体, the dash line 7 mm below the type area (§7.5). */
export const footerFromBottomMm = page.margin.bottomMm - 7 - 5;

export const red = 'FF0000';

/**
 * The `form` layout (人民调解协议书, 登记表, 记录单): no 版头 or 版记, so a smaller top margin;
 * body in 4号 仿宋 at a fixed 26 pt line, field tables in 4号, data tables in 小4, signature rows
 * two lines high (room to sign, seal or fingerprint).
 */
export const form = {
  margin: { topMm: 30, bottomMm: 28, leftMm: 28, rightMm: 26 },
  sizePt: pointSize.四号,
  lineTwips: 520,
  tablePt: pointSize.小四,
  /** Share of the type area the label column of a field table takes. */
  labelShare: 0.26,
  /** Signature rows: who (name and mark), the line, the day. */
  signatureShares: [0.46, 0.28, 0.26],
} as const;

/**
 * Fonts by role. `name` goes into the .docx (East Asian font of the run); its font-table entry
 * names what to use when `name` is not installed: `altName` (the font Windows has: 仿宋 for
 * 仿宋_GB2312), and the PANOSE class, family, pitch and character set (GB2312) Word and
 * LibreOffice match a substitute by when the alternative is missing too. Whatever is substituted, the layout keeps 28 × 22 (`bodyCharacterSpacing`,
 * fixed lines). `css` is the preview's font stack, ending in fonts every desktop or the Noto
 * CJK/Mongolian packages have.
 */
export const fonts = {
  /** 标题, 发文机关标志: 方正小标宋简体. */
  title: {
    name: '方正小标宋简体',
    altName: '宋体',
    panose: '02000000000000000000',
    family: 'roman',
    css: '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif',
  },
  /** 正文: 仿宋_GB2312. */
  body: {
    name: '仿宋_GB2312',
    altName: '仿宋',
    panose: '02010609030101010101',
    family: 'modern',
    css: '"仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "FangSong_GB2312", "Noto Serif CJK SC", "Source Han Serif SC", serif',
  },
  /** 一级标题 (一、): 黑体. */
  heading1: {
    name: '黑体',
    altName: 'SimHei',
    panose: '02010609060101010101',
    family: 'modern',
    css: '"黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif',
  },
  /** 二级标题 (（一）): 楷体_GB2312. */
  heading2: {
    name: '楷体_GB2312',
    altName: '楷体',
    panose: '02010609030101010101',
    family: 'modern',
    css: '"楷体_GB2312", "楷体", "KaiTi", "STKaiti", "KaiTi_GB2312", "Noto Serif CJK SC", serif',
  },
  /** 页码: 宋体. */
  pageNumber: {
    name: '宋体',
    altName: 'SimSun',
    panose: '02010600030101010101',
    family: 'modern',
    css: '"宋体", "SimSun", "Noto Serif CJK SC", serif',
  },
  /** Latin letters and digits in the body. */
  latin: { name: 'Times New Roman', altName: 'Liberation Serif', panose: '02020603050405020304', family: 'roman', css: '"Times New Roman", "Liberation Serif", serif' },
  /** Traditional Mongolian script. */
  mongolian: {
    name: 'Mongolian Baiti',
    altName: 'Noto Sans Mongolian',
    panose: '03000500000000000000',
    family: 'script',
    css: '"Mongolian Baiti", "Noto Sans Mongolian", "Menksoft Qagan", sans-serif',
  },
} as const;

export type FontRole = keyof typeof fonts;
