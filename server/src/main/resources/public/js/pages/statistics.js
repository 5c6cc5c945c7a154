// 统计与年度报告：按年份（和起草单位）统计经本系统检查的公文——公开属性、文种与办结结果、各审查环节的决定、发现类别；
// 图表与《政府信息公开工作年度报告》格式的表格，导出 XLSX/CSV。
import { api, download } from '../lib/api.js';
import { h, fill, query, toast } from '../lib/dom.js';
import { pageHead } from '../lib/layout.js';
import { barChart, columnChart } from '../lib/chart.js';
import { today } from '../lib/fmt.js';

export async function render(main) {
  const departments = (await api.get('/api/v1/departments')).departments;
  const thisYear = Number(today().slice(0, 4));
  const year = Number(query.get('year', String(thisYear)));
  const dept = query.get('department');
  const yearSel = h('select', { name: 'year', id: 'year' }, Array.from({ length: 6 }, (_, i) => thisYear - i)
    .map((y) => h('option', { value: y, selected: y === year }, `${y} 年`)));
  const deptSel = h('select', { name: 'department', id: 'stat-department' }, h('option', { value: '' }, '全部单位'),
    departments.map((d) => h('option', { value: d, selected: d === dept }, d)));
  const form = h('form', { class: 'filters card' }, h('label', null, '年度', yearSel), h('label', null, '起草单位', deptSel),
    h('button', { type: 'submit' }, '统计'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    query.set({ year: yearSel.value, department: deptSel.value });
    location.reload();
  });
  const p = new URLSearchParams({ year: String(year) });
  if (dept) p.set('department', dept);
  const r = await api.get('/api/v1/statistics/annual?' + p);
  async function exp(format) {
    const x = new URLSearchParams(p);
    x.set('format', format);
    try { await download('/api/v1/statistics/annual?' + x, `${year}年度报告统计.${format}`); } catch (e) { toast(e.message, 'error'); }
  }
  const charts = r.charts;
  fill(main, 
    pageHead(`${r.year} 年政府信息公开工作统计`, h('button', { class: 'secondary', id: 'stat-xlsx', onclick: () => exp('xlsx') }, '导出 XLSX'),
      h('button', { class: 'secondary', id: 'stat-csv', onclick: () => exp('csv') }, '导出 CSV')),
    form,
    h('div', { class: 'stats' }, h('div', { class: 'stat' }, h('b', { id: 'stat-total' }, String(r.documents)), '件公文经本系统检查')),
    h('div', { class: 'grid three' },
      h('section', { class: 'card chart' }, h('h3', null, '按月检查件数'), columnChart('按月检查件数', charts['按月检查件数'])),
      h('section', { class: 'card chart' }, h('h3', null, '公开属性'), barChart('公开属性', charts['公开属性'], { labelWidth: 90 })),
      h('section', { class: 'card chart' }, h('h3', null, '发现类别'), Object.keys(charts['发现类别']).length
        ? barChart('发现类别', charts['发现类别'], { alt: true, labelWidth: 190 }) : h('p', { class: 'hint' }, '本年没有发现。'))),
    h('section', { class: 'card', id: 'annual-tables' }, h('h2', null, '年度报告表格'),
      h('p', { class: 'hint' }, '格式参照《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）。本系统只统计送本系统检查的公文；'
        + '规章和规范性文件的废止、行政许可与处罚决定数量、收费和依申请公开的办理情况等，请按本机关其他台账填报。'),
      r.tables.map((t) => h('div', null, h('h3', null, t.title), t.note ? h('p', { class: 'hint' }, t.note) : null,
        h('div', { class: 'table-wrap' }, h('table', { class: 'report' }, h('thead', null, h('tr', null, t.columns.map((c) => h('th', null, c)))),
          h('tbody', null, t.rows.map((row) => h('tr', null, row.map((c) => h('td', { class: typeof c === 'number' ? 'num' : null }, String(c))))))))))));
}
