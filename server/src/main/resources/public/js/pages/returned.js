// 办文机构：退回件——检查认定须退回、等待办文机构确认退回的文件，以及已退回的文件和退回通知。
import { api } from '../lib/api.js';
import { h, fill, table, pager, query } from '../lib/dom.js';
import { pageHead } from '../lib/layout.js';
import { dateTime, deadline } from '../lib/fmt.js';

const LIMIT = 20;

export async function render(main) {
  const waiting = await api.get('/api/v1/queues/RETURNED/items');
  const done = h('div', { id: 'returned-done' });
  async function draw() {
    const offset = Number(query.get('offset', '0')) || 0;
    const r = await api.get(`/api/v1/documents?state=RETURNED&offset=${offset}&limit=${LIMIT}`);
    fill(done, r.items.length ? table(['文件', '起草单位', '上传人', '退回时间', '退回通知'], r.items.map((d) => [
      h('a', { href: '/documents/' + d.id }, d.title || d.fileName), d.department || '—', d.uploadedByName || d.uploadedBy, dateTime(d.closedAt),
      h('a', { href: `/api/v1/documents/${encodeURIComponent(d.id)}/return-notice?format=html`, target: '_blank', rel: 'noopener' }, '查看/打印')])) :
      h('p', { class: 'hint' }, '没有已退回的文件。'),
    pager({ offset, limit: LIMIT, hasMore: r.hasMore }, (o) => { query.set({ offset: o }); draw(); }));
  }
  fill(main, pageHead('退回件与退回通知'),
    h('section', { class: 'card' }, h('h2', null, `待确认退回（${waiting.length}）`),
      h('p', { class: 'hint' }, '未标注公开属性、依申请公开或不予公开未说明理由、呈批单与附注不一致的文件，经办文机构确认后退回起草单位（004 附件1 第四条）。'),
      waiting.length ? table(['文件', '起草单位', '期限', ''], waiting.map((i) => [h('a', { href: '/review/' + i.documentId }, i.title), i.department || '—',
        deadline(i), h('a', { class: 'button small', href: '/review/' + i.documentId }, '审查并退回')]), { id: 'returned-waiting' })
        : h('p', { class: 'hint' }, '没有待确认的退回件。')),
    h('section', { class: 'card' }, h('h2', null, '已退回的文件'), done));
  draw();
}
