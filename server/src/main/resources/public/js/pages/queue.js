// 一个队列的待办：最紧急在前，分页；认领下一件；允许批量通过的环节可勾选后批量通过（领导审核）。
import { api } from '../lib/api.js';
import { h, fill, table, tag, pager, query, toast } from '../lib/dom.js';
import { pageHead } from '../lib/layout.js';
import { deadline, date, dateTime, SEV, ATTR } from '../lib/fmt.js';
import { claimNext } from './queues.js';

const LIMIT = 20;

export async function render(main, me) {
  const name = decodeURIComponent(location.pathname.split('/')[2] || '');
  const [queues, all, work] = await Promise.all([api.get('/api/v1/queues'), api.get(`/api/v1/queues/${encodeURIComponent(name)}/items`),
    api.get('/api/v1/work')]);
  // 审核领导默认只看本环节待自己审核的；其他人看全部（可切换），刷新后保持
  const mine = new Set(work.waiting.filter((w) => w.item.queue === name).map((w) => w.item.documentId));
  const onlyMine = query.get('mine', me.roles.includes('APPROVER') ? '1' : '') === '1';
  const items = onlyMine ? all.filter((i) => mine.has(i.documentId)) : all;
  const toggle = h('label', null, h('input', { type: 'checkbox', id: 'only-mine', checked: onlyMine,
    onchange: (e) => { query.set({ mine: e.target.checked ? '1' : '0', offset: '' }); location.reload(); } }), ' 只看待我处理的');
  const q = queues.find((x) => x.name === name) || { name, title: name, bulkApprove: [], open: items.length, overdue: 0 };
  const people = items.some((i) => i.claimant)
    ? (await api.get('/api/v1/people?ids=' + encodeURIComponent(items.map((i) => i.claimant).filter(Boolean).join(',')))).people : {};
  const bulk = (q.bulkApprove || []);
  const selected = new Set();
  const body = h('div');
  const bulkBtn = bulk.length ? h('button', { class: 'ok', id: 'bulk-approve', disabled: true, onclick: () => bulkApprove() }, '批量通过所选') : null;
  const comment = bulk.length ? h('input', { id: 'bulk-comment', placeholder: '审核意见（可选）', maxlength: 2000 }) : null;

  function draw() {
    const offset = Number(query.get('offset', '0')) || 0;
    const page = items.slice(offset, offset + LIMIT);
    const cols = [bulk.length ? '' : null, '文件', '环节', '起草单位', '公开属性', '最高严重程度', '期限', '处理人'].filter((c) => c !== null);
    fill(body, page.length ? table(cols, page.map((i) => {
      const canBulk = bulk.includes(i.stage) && !i.claimant && !i.important && mine.has(i.documentId);
      const cells = [
        h('div', null, h('a', { href: '/review/' + i.documentId, class: 'item-link' }, i.title), i.important ? h('span', null, ' ', tag('重要', 'warn')) : null),
        `${i.stageName}（${i.stageNumber}/${i.stageCount}）`, i.department || '—', ATTR[i.attribute] || '—',
        i.worstSeverity ? tag(SEV[i.worstSeverity], 'sev-' + i.worstSeverity) : '无',
        h('div', null, h('span', { class: i.overdue ? 'tag bad' : null }, deadline(i)),
          i.publicationLapsed ? h('div', { class: 'hint' }, `公开期限 ${date(i.publicationDue)} 送审前已过`) : null),
        i.claimant ? `${people[i.claimant] || i.claimant}（至 ${dateTime(i.leaseUntil)}）` : '未认领',
      ];
      if (bulk.length) {
        cells.unshift(canBulk ? h('input', { type: 'checkbox', 'aria-label': '选择', checked: selected.has(i.documentId), dataset: { id: i.documentId },
          onchange: (e) => { if (e.target.checked) selected.add(i.documentId); else selected.delete(i.documentId); bulkBtn.disabled = !selected.size; } }) : '');
      }
      return { class: i.overdue ? 'overdue' : null, cells };
    }), { id: 'items' }) : h('p', { class: 'hint' }, '队列中没有待办文件。'),
    pager({ offset, limit: LIMIT, total: items.length }, (o) => { query.set({ offset: o }); draw(); }));
  }

  async function bulkApprove() {
    const chosen = items.filter((i) => selected.has(i.documentId));
    bulkBtn.disabled = true;
    try {
      const r = await api.post('/api/v1/decisions/bulk', { decisions: chosen.map((i) => ({ documentId: i.documentId, action: 'APPROVE',
        version: i.version, comment: comment.value.trim() || '同意' })) });
      const ok = r.results.filter((x) => x.status === 200).length;
      const failed = r.results.filter((x) => x.status !== 200);
      toast(`已通过 ${ok} 件` + (failed.length ? `；${failed.length} 件未通过：${failed.map((f) => f.error.message.split(' / ')[0]).join('；')}` : ''),
        failed.length ? 'notice' : 'success');
      setTimeout(() => location.reload(), 1200);
    } catch (e) {
      toast(e.message, 'error');
      bulkBtn.disabled = false;
    }
  }

  fill(main, h('div', { class: 'crumbs' }, h('a', { href: '/queues' }, '审查队列'), ' / ', q.title),
    pageHead(q.title, h('span', null, `队列中共 ${q.open} 件`, q.overdue ? h('span', { class: 'tag bad' }, ` 超期 ${q.overdue}`) : ''),
      toggle, h('button', { id: 'claim-next', onclick: () => claimNext(name), disabled: !all.length }, '认领下一件')),
    bulk.length ? h('div', { class: 'card actions' }, h('span', null, '本环节允许批量通过：勾选后填写意见并批量通过；重要信息和其他环节须逐件审核。'), comment, bulkBtn) : '',
    body);
  draw();
}
