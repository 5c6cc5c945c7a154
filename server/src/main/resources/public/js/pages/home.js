// 我的工作：待我处理的事项（超期在前）、我所在的队列、我最近送审的文件。
import { api } from '../lib/api.js';
import { h, fill, table, tag } from '../lib/dom.js';
import { pageHead, hasRole } from '../lib/layout.js';
import { dateTime, deadline, date, SEV } from '../lib/fmt.js';

export async function render(main, me) {
  const w = await api.get('/api/v1/work');
  const out = [pageHead(`${me.displayName || me.id}，您好`)];
  if (hasRole(me, 'DRAFTER', 'DOCUMENT_OFFICE', 'SECRECY_REVIEWER', 'APPROVER')) {
    out.push(h('div', { class: 'stats' },
      h('div', { class: 'stat' }, h('b', { id: 'waiting-count' }, String(w.waiting.length)), '件待我处理'),
      h('div', { class: 'stat' + (w.overdue ? ' bad' : '') }, h('b', { id: 'overdue-count' }, String(w.overdue)), '件已超期'),
      w.queues.map((q) => h('div', { class: 'stat' + (q.overdue ? ' bad' : '') },
        h('a', { href: '/queues/' + q.name }, h('b', null, String(q.open)), q.title), q.overdue ? h('div', null, `超期 ${q.overdue}`) : null))));
    out.push(h('section', { class: 'card' }, h('h2', null, '待我处理（超期优先）'), waiting(w.waiting)));
  }
  if (hasRole(me, 'DRAFTER', 'DOCUMENT_OFFICE')) {
    out.push(h('section', { class: 'card' }, h('div', { class: 'page-head' }, h('h2', null, '我最近送审的文件'),
      h('div', { class: 'actions' }, h('a', { class: 'button', href: '/upload' }, '上传新文件'), h('a', { href: '/search?mine=1' }, '全部我的文件'))),
    recent(w.recent)));
  }
  if (hasRole(me, 'SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDITOR')) {
    out.push(h('section', { class: 'card' }, h('h2', null, '管理工作'), h('ul', null,
      hasRole(me, 'SYSTEM_ADMIN', 'SECURITY_ADMIN') ? h('li', null, h('a', { href: '/admin/users' }, '账户、部门与角色')) : null,
      hasRole(me, 'AUDITOR', 'SECURITY_ADMIN') ? h('li', null, h('a', { href: '/admin/audit' }, '安全审计日志')) : null,
      h('li', null, h('a', { href: '/admin/system' }, '插件与词典状态'))),
    h('p', { class: 'hint' }, '三员分立：系统管理员、安全保密管理员、安全审计员各司其职，不查看公文内容。')));
  }
  fill(main, ...out);
}

function waiting(items) {
  if (!items.length) return h('p', { class: 'hint' }, '目前没有待您处理的事项。');
  return table(['文件', '队列与环节', '起草单位', '期限', '状态'], items.map((w) => {
    const i = w.item;
    return {
      class: i.overdue ? 'overdue' : w.heldByMe ? 'mine' : null,
      cells: [
        h('div', null, h('a', { href: '/review/' + i.documentId, class: 'work-link' }, i.title),
          i.worstSeverity ? h('span', null, ' ', tag(SEV[i.worstSeverity], 'sev-' + i.worstSeverity)) : null,
          i.important ? h('span', null, ' ', tag('重要', 'warn')) : null),
        `${w.queueTitle} · ${i.stageName}（第 ${i.stageNumber}/${i.stageCount} 级）`,
        i.department || '—',
        h('div', null, h('span', { class: i.overdue ? 'tag bad' : null }, deadline(i)),
          i.publicationLapsed ? h('div', { class: 'hint' }, `公开期限 ${date(i.publicationDue)} 在送审前已过（成文于 ${date(i.formedOn)}）`) : null),
        w.heldByMe ? h('span', null, tag('我已认领', 'info'), ' 至 ', dateTime(i.leaseUntil)) : '待处理',
      ],
    };
  }));
}

function recent(docs) {
  if (!docs.length) return h('p', { class: 'hint' }, '您还没有送审过文件。');
  return table(['文件', '收到时间', '分流', '状态', '当前处理'], docs.map((d) => [
    h('a', { href: '/documents/' + d.id }, d.title || d.fileName),
    dateTime(d.receivedAt),
    d.routeName || '—',
    tag(d.stateName, 'state-' + (d.state || '')),
    holder(d),
  ]));
}

export function holder(d) {
  if (d.state !== 'OPEN') return d.closedAt ? dateTime(d.closedAt) : '—';
  const who = d.holderName ? `${d.holderName} 处理中` : `待${d.stageName || ''}处理`;
  return h('div', null, `${d.queueTitle || ''} · ${who}`, d.deadline ? h('div', { class: d.overdue ? 'tag bad' : 'hint' }, '期限 ' + date(d.deadline)) : null);
}
