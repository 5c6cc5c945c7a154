// 安全审计（安全审计员；安全保密管理员查看审计员的操作）：登录、令牌、账户与角色变更、拒绝访问、打开含个人或涉密信息的文件等；筛选、分页、导出 CSV。
import { api, download } from '../lib/api.js';
import { h, fill, table, tag, pager, query, formValues, toast } from '../lib/dom.js';
import { pageHead } from '../lib/layout.js';
import { dateTime, today, ROLE } from '../lib/fmt.js';

const LIMIT = 50;
const ACTIONS = { LOGIN: '登录', LOGOUT: '退出', LOCKED: '锁定', TOKEN_ISSUED: '签发令牌', TOKEN_USED: '使用令牌', TOKEN_REVOKED: '吊销令牌',
  SESSION_EXPIRED: '会话过期', PASSWORD_CHANGED: '修改口令', PASSWORD_RESET: '重置口令', ACCOUNT_CREATED: '创建账户', ACCOUNT_UPDATED: '修改账户',
  ROLES_CHANGED: '变更角色', DEPARTMENT_CREATED: '创建部门', ACCESS_DENIED: '拒绝访问', DOCUMENT_OPENED: '打开敏感文件', AUDIT_READ: '查阅审计',
  OIDC_LOGIN: '统一身份认证登录', LIST_CHANGED: '修改词典/规则' };

export async function render(main) {
  const q = query.all();
  const from = q.from || new Date(Date.now() - 30 * 86400000).toISOString().slice(0, 10);
  const form = h('form', { class: 'filters card', id: 'audit-form' },
    h('label', null, '从', h('input', { type: 'date', name: 'from', value: from })),
    h('label', null, '至', h('input', { type: 'date', name: 'to', value: q.to || today() })),
    h('label', null, '操作人', h('input', { name: 'actor', value: q.actor || '' })),
    h('label', null, '操作', h('select', { name: 'action' }, h('option', { value: '' }, '全部'),
      Object.entries(ACTIONS).map(([k, v]) => h('option', { value: k, selected: q.action === k }, v)))),
    h('button', { type: 'submit' }, '查询'),
    h('button', { type: 'button', class: 'secondary', id: 'audit-csv', onclick: async () => {
      const p = params();
      p.set('format', 'csv');
      p.set('limit', '500');
      try { await download('/api/v1/audit/security?' + p, '安全审计.csv'); } catch (e) { toast(e.message, 'error'); }
    } }, '导出 CSV'));
  const out = h('div', { id: 'audit' });
  function params() {
    const v = formValues(form);
    const p = new URLSearchParams();
    for (const k of ['from', 'to', 'actor', 'action']) if (v[k]) p.set(k, v[k]);
    return p;
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    query.set({ ...Object.fromEntries(params()), offset: '' });
    draw();
  });
  async function draw() {
    const offset = Number(query.get('offset', '0')) || 0;
    const p = params();
    p.set('offset', offset);
    p.set('limit', LIMIT + 1);
    const rows = (await api.get('/api/v1/audit/security?' + p)).events;
    fill(out, table(['时间', '操作人', '角色', '操作', '结果', '对象', '地址', '说明'], rows.slice(0, LIMIT).map((e) => [
      dateTime(e.occurredAt), e.actor, e.actorRoles ? e.actorRoles.split(',').map((r) => ROLE[r] || r).join('、') : '—', ACTIONS[e.action] || e.action, e.outcome === 'SUCCESS' ? tag('成功', 'ok') : tag('失败', 'bad'),
      e.target || '—', e.address || '—', e.detail || '—']), { id: 'audit-table' }),
    pager({ offset, limit: LIMIT, hasMore: rows.length > LIMIT }, (o) => { query.set({ offset: o }); draw(); }));
  }
  fill(main, pageHead('安全审计'), h('p', { class: 'hint' }, '审计日志只追加、不可修改；不记录口令、令牌和公文内容。'), form, out);
  draw();
}
