// 插件与词典状态：已加载的提取、结构、检测、分流插件及版本；各词典的类别、词条数与当前版本。
import { api } from '../lib/api.js';
import { h, fill, table } from '../lib/dom.js';
import { pageHead } from '../lib/layout.js';

const FAMILY = { extractor: '文本提取', structure: '公文结构', detector: '检测', router: '分流' };

export async function render(main) {
  const [plugins, dicts] = await Promise.all([api.get('/api/v1/plugins'), api.get('/api/v1/dictionaries')]);
  fill(main, pageHead('插件与词典状态'),
    h('section', { class: 'card' }, h('h2', null, `插件（${plugins.length}）`), table(['名称', '类别', '版本', '处理'], plugins.map((p) => [
      h('code', null, p.name), FAMILY[p.family] || p.family, p.version || '—', (p.handles || []).join('、') || '—']), { id: 'plugins' })),
    h('section', { class: 'card' }, h('h2', null, '词典'), table(['文件', '类别', '词条数', '版本', '检测器'], dicts.map((d) => [
      h('code', null, d.file), d.category, String(d.terms), h('code', null, d.version), d.detector]), { id: 'dictionaries' }),
    h('p', { class: 'hint' }, '词典修改后自动重新加载；每项发现记录所用词典版本。办文机构在“词典维护”中修改。')));
}
