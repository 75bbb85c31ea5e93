// UI strings in English and Chinese. Packet text is never translated (it is the dissectors' own).

export type Lang = 'en' | 'zh';

const EN = {
  open: 'Open…',
  saveDisplayed: 'Save displayed',
  colorize: 'Colorize',
  language: '中文',
  filterPlaceholder: 'Apply a display filter … <Ctrl-/>',
  apply: 'Apply',
  clear: 'Clear',
  goTo: 'Go to packet:',
  openTitle: 'Open a capture',
  upload: 'Upload a file:',
  close: 'Close',
  colNo: 'No.',
  colTime: 'Time',
  colSrc: 'Source',
  colDst: 'Destination',
  colProto: 'Protocol',
  colLen: 'Length',
  colInfo: 'Info',
  packets: 'Packets',
  displayed: 'Displayed',
  loading: 'Loading',
  loaded: 'Load time',
  noCapture: 'No capture loaded',
  filterOk: 'Valid filter',
  filterBad: 'Invalid filter',
  filterEmpty: '',
  applied: 'Filter applied in',
  applyAsFilter: 'Apply as Filter',
  prepareAsFilter: 'Prepare as Filter',
  selected: 'Selected',
  notSelected: 'Not Selected',
  andSelected: '…and Selected',
  orSelected: '…or Selected',
  andNotSelected: '…and not Selected',
  orNotSelected: '…or not Selected',
  copyValue: 'Copy Value',
  copyField: 'Copy Field Name',
  copyLabel: 'Copy as Text',
  expandAll: 'Expand All',
  collapseAll: 'Collapse All',
  noPacket: 'No packet selected',
  notDisplayed: 'Packet not displayed',
  noSuchPacket: 'No such packet',
  recentNone: 'No recent filters',
  bytes: 'bytes',
  error: 'Error',
  up: '..',
} as const;

export type Key = keyof typeof EN;

const ZH: Record<Key, string> = {
  open: '打开…',
  saveDisplayed: '保存显示的分组',
  colorize: '着色',
  language: 'English',
  filterPlaceholder: '应用显示过滤器 … <Ctrl-/>',
  apply: '应用',
  clear: '清除',
  goTo: '转到分组：',
  openTitle: '打开捕获文件',
  upload: '上传文件：',
  close: '关闭',
  colNo: '序号',
  colTime: '时间',
  colSrc: '源地址',
  colDst: '目的地址',
  colProto: '协议',
  colLen: '长度',
  colInfo: '信息',
  packets: '分组',
  displayed: '已显示',
  loading: '正在加载',
  loaded: '加载用时',
  noCapture: '未加载捕获文件',
  filterOk: '过滤器有效',
  filterBad: '过滤器无效',
  filterEmpty: '',
  applied: '过滤用时',
  applyAsFilter: '作为过滤器应用',
  prepareAsFilter: '准备过滤器',
  selected: '选中',
  notSelected: '非选中',
  andSelected: '…与选中',
  orSelected: '…或选中',
  andNotSelected: '…与非选中',
  orNotSelected: '…或非选中',
  copyValue: '复制值',
  copyField: '复制字段名',
  copyLabel: '复制为文本',
  expandAll: '全部展开',
  collapseAll: '全部折叠',
  noPacket: '未选择分组',
  notDisplayed: '该分组未显示',
  noSuchPacket: '没有这个分组',
  recentNone: '没有最近使用的过滤器',
  bytes: '字节',
  error: '错误',
  up: '..',
};

let lang: Lang = (localStorage.getItem('wirelens.lang') as Lang | null) === 'zh' ? 'zh' : 'en';

export function getLang(): Lang { return lang; }

export function setLang(l: Lang): void {
  lang = l;
  localStorage.setItem('wirelens.lang', l);
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  applyStatic();
}

export function t(k: Key): string {
  return lang === 'zh' ? ZH[k] : EN[k];
}

/** Updates elements marked data-i18n (text) and data-i18n-placeholder. */
export function applyStatic(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset['i18n'] as Key);
  for (const el of root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]')) el.placeholder = t(el.dataset['i18nPlaceholder'] as Key);
}
