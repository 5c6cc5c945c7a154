// 检索：在本人有权打开的文件中全文检索，可按起草单位、分流、状态、收到日期筛选；不填关键词时按筛选条件列出文件。分页；条件保存在地址中。
import { api } from '../lib/api.js';
import { h, fill, table, tag, pager, query, formValues } from '../lib/dom.js';
import { pageHead } from '../lib/layout.js';
import { dateTime, ROUTE, STATE } from '../lib/fmt.js';
import { holder } from './home.js';

const LIMIT = 20;

export async function render(main) {
  const departments = (await api.get('/api/v1/departments')).departments;
  const q = query.all();
  const sel = (name, options, value) => h('select', { name, id: 'f-' + name }, h('option', { value: '' }, '全部'),
    Object.entries(options).map(([k, v]) => h('option', { value: k, selected: value === k }, v)));
  const form = h('form', { class: 'filters card', id: 'search-form' },
    h('label', null, '关键词', h('input', { type: 'search', name: 'q', id: 'q', value: q.q || '', placeholder: '标题、正文中的词，如：防汛' })),
    h('label', null, '起草单位', sel('department', Object.fromEntries(departments.map((d) => [d, d])), q.department)),
    h('label', null, '分流', sel('route', ROUTE, q.route)),
    h('label', null, '状态', sel('state', STATE, q.state)),
    h('label', null, '收到日期从', h('input', { type: 'date', name: 'from', value: q.from || '' })),
    h('label', null, '至', h('input', { type: 'date', name: 'to', value: q.to || '' })),
    h('label', null, h('span', null, ' '), h('span', null, h('input', { type: 'checkbox', name: 'mine', value: '1', checked: q.mine === '1' }), ' 只看我上传的')),
    h('button', { type: 'submit', id: 'search-submit' }, '检索'));
  const results = h('div', { id: 'results' });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    query.set({ q: v.q || '', department: v.department || '', route: v.route || '', state: v.state || '', from: v.from || '', to: v.to || '',
      mine: v.mine || '', offset: '' });
    run();
  });

  async function run() {
    const p = query.all();
    const offset = Number(p.offset || 0);
    const params = new URLSearchParams();
    for (const k of ['department', 'route', 'state', 'from', 'to', 'mine']) if (p[k]) params.set(k, p[k]);
    params.set('offset', offset);
    params.set('limit', LIMIT);
    fill(results, h('p', { class: 'loading' }, '正在检索…'));
    let rows;
    let more;
    if (p.q) {
      params.set('q', p.q);
      const r = await api.get('/api/v1/search?' + params);
      more = r.hasMore;
      rows = r.hits.map((x) => ({ d: x.document || { id: x.id, title: x.title, fileName: x.fileName }, snippet: x.snippet }));
    } else {
      const r = await api.get('/api/v1/documents?' + params);
      more = r.hasMore;
      rows = r.items.map((d) => ({ d, snippet: null }));
    }
    fill(results, rows.length ? table(['文件', '起草单位', '收到时间', '分流', '状态'], rows.map(({ d, snippet }) => [
      h('div', null, h('a', { href: '/documents/' + d.id, class: 'hit' }, d.title || d.fileName), snippet ? h('div', { class: 'hint snippet' }, snippet) : null),
      d.department || '—', d.receivedAt ? dateTime(d.receivedAt) : '—', d.routeName || ROUTE[d.route] || '—',
      h('div', null, d.stateName ? tag(d.stateName, 'state-' + (d.state || '')) : '', d.state === 'OPEN' ? holder(d) : ''),
    ]), { id: 'hits' }) : h('p', { class: 'hint', id: 'no-hits' }, '没有找到符合条件的文件。'),
    pager({ offset, limit: LIMIT, hasMore: more }, (o) => { query.set({ offset: o }); run(); }));
  }

  fill(main, pageHead('检索'), form, h('p', { class: 'hint' }, '只检索您有权打开的文件；批注、修订和隐藏文字只对审查人员可检索。'), results);
  run();
}
