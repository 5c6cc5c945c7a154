// 非公开文件台账（登记建档）：依申请公开、不予公开文件的公开属性、理由、决定人和时间；筛选、检索、分页，导出 XLSX/CSV。
import { api, download } from '../lib/api.js';
import { h, fill, table, pager, query, formValues, toast } from '../lib/dom.js';
import { pageHead } from '../lib/layout.js';
import { dateTime } from '../lib/fmt.js';

const LIMIT = 20;

export async function render(main) {
  const departments = (await api.get('/api/v1/departments')).departments;
  const q = query.all();
  const form = h('form', { class: 'filters card', id: 'register-form' },
    h('label', null, '标题、文号或理由', h('input', { type: 'search', name: 'text', value: q.text || '', id: 'r-text' })),
    h('label', null, '起草单位', h('select', { name: 'department' }, h('option', { value: '' }, '全部'),
      departments.map((d) => h('option', { value: d, selected: q.department === d }, d)))),
    h('label', null, '公开属性', h('select', { name: 'attribute' }, h('option', { value: '' }, '全部'),
      h('option', { value: 'ON_REQUEST', selected: q.attribute === 'ON_REQUEST' }, '依申请公开'),
      h('option', { value: 'NOT_PUBLIC', selected: q.attribute === 'NOT_PUBLIC' }, '不予公开'))),
    h('label', null, '登记日期从', h('input', { type: 'date', name: 'from', value: q.from || '' })),
    h('label', null, '至', h('input', { type: 'date', name: 'to', value: q.to || '' })),
    h('label', null, '范围', h('select', { name: 'pending' }, h('option', { value: '' }, '已登记'), h('option', { value: '1', selected: q.pending === '1' }, '待登记'))),
    h('button', { type: 'submit' }, '查询'));
  const out = h('div', { id: 'register' });
  const exportLinks = h('div', { class: 'actions' },
    h('button', { class: 'secondary', id: 'export-xlsx', onclick: () => exp('xlsx') }, '导出 XLSX'),
    h('button', { class: 'secondary', id: 'export-csv', onclick: () => exp('csv') }, '导出 CSV'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    query.set({ text: v.text || '', department: v.department || '', attribute: v.attribute || '', from: v.from || '', to: v.to || '',
      pending: v.pending || '', offset: '' });
    draw();
  });
  function params() {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(query.all())) if (v && k !== 'offset') p.set(k, v);
    return p;
  }
  async function exp(format) {
    const p = params();
    p.set('format', format);
    try { await download('/api/v1/register?' + p, `非公开文件台账.${format}`); } catch (e) { toast(e.message, 'error'); }
  }
  async function draw() {
    const offset = Number(query.get('offset', '0')) || 0;
    const p = params();
    p.set('offset', offset);
    p.set('limit', LIMIT);
    const r = await api.get('/api/v1/register?' + p);
    fill(out, h('p', { class: 'hint' }, `共 ${r.total} 件`),
      r.entries.length ? table(['序号', '标题', '发文字号', '起草单位', '公开属性', '理由', '决定人', '登记时间'], r.entries.map((e, i) => [
        String(offset + i + 1), h('a', { href: '/documents/' + e.documentId }, e.title), e.docNumber || '—', e.department || '—', e.attributeName || '—',
        e.reason || '—', e.decidedByName || '—', e.decidedAt ? dateTime(e.decidedAt) : e.state]), { id: 'register-table' })
        : h('p', { class: 'hint' }, '台账中没有符合条件的文件。'),
      pager({ offset, limit: LIMIT, total: r.total }, (o) => { query.set({ offset: o }); draw(); }));
  }
  fill(main, pageHead('非公开文件台账', exportLinks),
    h('p', { class: 'hint' }, '依申请公开、不予公开的公文登记建档（公开属性源头认定制度）：记录属性、理由、决定人和时间。'), form, out);
  draw();
}
