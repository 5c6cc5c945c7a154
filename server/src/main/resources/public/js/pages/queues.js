// 审查队列：我处理的各队列及待办、超期件数；认领下一件。
import { api } from '../lib/api.js';
import { h, fill, table, toast } from '../lib/dom.js';
import { pageHead } from '../lib/layout.js';

export async function render(main) {
  const queues = await api.get('/api/v1/queues');
  fill(main, pageHead('审查队列'),
    queues.length ? table(['队列', '待办', '超期', ''], queues.map((q) => ({
      class: q.overdue ? 'overdue' : null,
      cells: [h('a', { href: '/queues/' + q.name }, q.title), String(q.open), q.overdue ? h('b', { class: 'tag bad' }, String(q.overdue)) : '0',
        h('div', { class: 'actions' }, h('a', { href: '/queues/' + q.name, class: 'button secondary small' }, '查看'),
          h('button', { class: 'small', disabled: !q.open, dataset: { queue: q.name }, onclick: () => claimNext(q.name) }, '认领下一件'))],
    })), { id: 'queue-table' }) : h('p', { class: 'hint' }, '您的角色不处理审查队列。'));
}

/** 认领队列中最紧急的一件并打开审查页。 */
export async function claimNext(queue) {
  try {
    const item = await api.post(`/api/v1/queues/${encodeURIComponent(queue)}/claim`);
    if (!item) { toast('该队列中暂无可认领的文件。', 'notice'); return; }
    location.href = '/review/' + encodeURIComponent(item.documentId);
  } catch (e) {
    toast(e.message, 'error');
  }
}
