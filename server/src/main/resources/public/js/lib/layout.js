// 顶栏：按角色显示导航；当前用户、修改口令与退出。
import { h, fill, $ } from './dom.js';
import { ROLE } from './fmt.js';

const NAV = [
  { href: '/', text: '我的工作', roles: null },
  { href: '/upload', text: '送审上传', roles: ['DRAFTER', 'DOCUMENT_OFFICE'] },
  { href: '/queues', text: '审查队列', roles: ['DRAFTER', 'DOCUMENT_OFFICE', 'SECRECY_REVIEWER', 'APPROVER'] },
  { href: '/search', text: '检索', roles: ['DRAFTER', 'DOCUMENT_OFFICE', 'SECRECY_REVIEWER', 'APPROVER'] },
  { href: '/office/returned', text: '退回件', roles: ['DOCUMENT_OFFICE'] },
  { href: '/register', text: '台账', roles: ['DOCUMENT_OFFICE'] },
  { href: '/statistics', text: '统计', roles: ['DOCUMENT_OFFICE'] },
  { href: '/dictionaries', text: '词典维护', roles: ['DOCUMENT_OFFICE', 'SECRECY_REVIEWER'] },
  { href: '/admin/users', text: '账户与角色', roles: ['SYSTEM_ADMIN', 'SECURITY_ADMIN'] },
  { href: '/admin/audit', text: '安全审计', roles: ['AUDITOR', 'SECURITY_ADMIN'] },
  { href: '/admin/system', text: '系统状态', roles: ['SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDITOR'] },
];

export function hasRole(me, ...roles) { return roles.some((r) => me.roles.includes(r)); }

export function header(me, current) {
  const top = $('#top');
  const nav = h('nav', { 'aria-label': '主导航' },
    NAV.filter((n) => !n.roles || hasRole(me, ...n.roles)).map((n) =>
      h('a', { href: n.href, class: n.href === current ? 'current' : null }, n.text)));
  const roles = me.roles.map((r) => ROLE[r] || r).join('、');
  const who = h('div', { class: 'who' },
    h('span', { title: roles, id: 'who' }, `${me.displayName || me.id}${me.department ? '（' + me.department + '）' : ''}`),
    h('a', { href: '/password' }, '修改口令'),
    h('form', { method: 'post', action: '/logout' }, h('button', { type: 'submit', id: 'logout' }, '退出')));
  fill(top, h('a', { class: 'brand', href: '/' }, '公开 ', h('small', null, '公文发布前审查')), nav, who);
}

export function pageHead(title, ...extra) {
  return h('div', { class: 'page-head' }, h('h1', null, title), extra.length ? h('div', { class: 'actions' }, extra) : null);
}
