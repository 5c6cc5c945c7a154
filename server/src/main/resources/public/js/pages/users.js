// 账户与角色（三员分立）：系统管理员创建账户、部门，修改姓名、部门、停用、重置口令；安全保密管理员在账户创建后分配角色和审核环节。
import { api, ApiError } from '../lib/api.js';
import { h, fill, table, tag, pager, query, toast, formValues } from '../lib/dom.js';
import { pageHead, hasRole } from '../lib/layout.js';
import { dateTime, ROLE } from '../lib/fmt.js';

const LIMIT = 50;
const DOC_ROLES = ['DRAFTER', 'DOCUMENT_OFFICE', 'SECRECY_REVIEWER', 'APPROVER'];
const ADMIN_ROLES = ['SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDITOR'];

/** 符合口令策略的随机初始口令（首次登录须修改）。 */
function initialPassword() {
  const a = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const b = 'abcdefghijkmnopqrstuvwxyz';
  const d = '23456789';
  const s = '#%+=@';
  const pick = (set) => set[crypto.getRandomValues(new Uint32Array(1))[0] % set.length];
  let p = pick(a) + pick(b) + pick(d) + pick(s);
  for (let i = 0; i < 8; i++) p += pick(a + b + d);
  return p;
}

export async function render(main, me) {
  const sys = hasRole(me, 'SYSTEM_ADMIN');
  const sec = hasRole(me, 'SECURITY_ADMIN');
  const [deps, stages] = await Promise.all([api.get('/api/v1/departments'), api.get('/api/v1/approval-stages')]);
  const stageMap = stages.stages || {};
  const list = h('div', { id: 'users' });
  const offset = Number(query.get('offset', '0')) || 0;
  const users = (await api.get(`/api/v1/users?offset=${offset}&limit=${LIMIT + 1}`)).users;
  const shown = users.slice(0, LIMIT);
  fill(list, table(['用户名', '姓名', '部门', '角色', '审核环节', '状态', '创建', ''], shown.map((u) => [
    h('code', null, u.username), u.displayName, u.department || '—', u.roles.map((r) => ROLE[r] || r).join('、') || '—',
    u.stages.map((s) => stageMap[s] || s).join('、') || (u.roles.includes('APPROVER') ? '全部' : '—'),
    u.enabled ? (u.mustChangePassword ? tag('待改初始口令', 'warn') : tag('正常', 'ok')) : tag('已停用', 'bad'),
    `${dateTime(u.createdAt)}（${u.createdBy}）`,
    h('div', { class: 'actions' },
      sys ? h('button', { class: 'secondary small', onclick: () => editAccount(u, deps.departments) }, '修改') : null,
      sec && u.id !== me.id ? h('button', { class: 'secondary small', dataset: { user: u.id }, onclick: () => editRoles(u, stageMap) }, '角色') : null),
  ]), { id: 'user-table' }), pager({ offset, limit: LIMIT, hasMore: users.length > LIMIT }, (o) => { query.set({ offset: o }); location.reload(); }));

  const create = sys ? createForm(deps.departments, stageMap) : '';
  const departments = h('section', { class: 'card' }, h('h2', null, '部门'), h('p', null, deps.departments.join('、') || '尚无部门'),
    sys ? departmentForm() : '');
  fill(main, pageHead('账户与角色'),
    h('p', { class: 'hint' }, '三员分立：系统管理员管理账户和部门，安全保密管理员在账户创建后分配角色与审核环节，安全审计员查看审计日志；'
      + '三类管理员互不兼任，也不兼任处理公文的角色。'),
    h('div', { class: 'grid sidebar' }, h('section', { class: 'card' }, h('h2', null, '账户'), list), h('div', null, create, departments)));
}

function createForm(departments, stageMap) {
  const pw = initialPassword();
  const form = h('form', { class: 'stack card', id: 'create-user' }, h('h2', null, '新建账户'),
    h('label', null, '用户名（字母、数字、. _ -）', h('input', { name: 'username', required: true, maxlength: 64, id: 'new-username' })),
    h('label', null, '姓名', h('input', { name: 'displayName', required: true, maxlength: 100, id: 'new-name' })),
    h('label', null, '部门', h('select', { name: 'department', id: 'new-department' }, h('option', { value: '' }, '（无）'),
      departments.map((d) => h('option', { value: d }, d)))),
    h('fieldset', null, h('legend', null, '角色（创建后由安全保密管理员调整）'),
      [...DOC_ROLES, ...ADMIN_ROLES].map((r) => h('label', null, h('input', { type: 'checkbox', name: 'role', value: r, id: 'new-role-' + r }), ' ', ROLE[r]))),
    h('fieldset', null, h('legend', null, '审核环节（仅审核领导；不选则全部）'),
      Object.entries(stageMap).map(([k, v]) => h('label', null, h('input', { type: 'checkbox', name: 'stage', value: k }), ' ', v))),
    h('label', null, '初始口令（首次登录须修改）', h('input', { name: 'password', value: pw, required: true, id: 'new-password' })),
    h('button', { type: 'submit', id: 'create-user-submit' }, '创建账户'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    const fd = new FormData(form);
    try {
      await api.post('/api/v1/users', { username: v.username, displayName: v.displayName, password: v.password, department: v.department || null,
        roles: fd.getAll('role'), stages: fd.getAll('stage') });
      toast(`已创建账户 ${v.username}，初始口令：${v.password}（请当面或密封交给本人）`);
      setTimeout(() => location.reload(), 2500);
    } catch (err) {
      toast(err instanceof ApiError ? err.message : String(err), 'error');
    }
  });
  return form;
}

function departmentForm() {
  const input = h('input', { name: 'name', required: true, maxlength: 200, placeholder: '部门名称', id: 'new-dept' });
  const form = h('form', { class: 'filters' }, input, h('button', { type: 'submit' }, '新建部门'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api.post('/api/v1/departments', { name: input.value.trim() });
      location.reload();
    } catch (err) { toast(err.message, 'error'); }
  });
  return form;
}

function dialog(title, body, onSave) {
  const dlg = h('dialog', null, h('h2', null, title), body, h('div', { class: 'actions' },
    h('button', { onclick: async () => { if (await onSave()) { dlg.close(); location.reload(); } } }, '保存'),
    h('button', { class: 'secondary', onclick: () => dlg.close() }, '取消')));
  document.body.append(dlg);
  dlg.addEventListener('close', () => dlg.remove());
  dlg.showModal();
}

function editAccount(u, departments) {
  const name = h('input', { value: u.displayName });
  const dept = h('select', null, h('option', { value: '' }, '（无）'), departments.map((d) => h('option', { value: d, selected: d === u.department }, d)));
  const enabled = h('input', { type: 'checkbox', checked: u.enabled });
  const reset = h('input', { type: 'checkbox' });
  const unlock = h('input', { type: 'checkbox' });
  const pw = initialPassword();
  dialog(`修改账户 ${u.username}`, h('div', { class: 'stack' }, h('label', null, '姓名', name), h('label', null, '部门', dept),
    h('label', null, enabled, ' 启用'), h('label', null, unlock, ' 解除登录锁定'), h('label', null, reset, ` 重置口令为 ${pw}（须在首次登录时修改）`)), async () => {
    try {
      await api.patch('/api/v1/users/' + encodeURIComponent(u.id), { displayName: name.value.trim(), department: dept.value || undefined,
        enabled: enabled.checked, unlock: unlock.checked || undefined, password: reset.checked ? pw : undefined });
      toast(reset.checked ? `已保存；新初始口令 ${pw}` : '已保存。');
      return true;
    } catch (e) { toast(e.message, 'error'); return false; }
  });
}

function editRoles(u, stageMap) {
  const boxes = [...DOC_ROLES, ...ADMIN_ROLES].map((r) => h('label', null, h('input', { type: 'checkbox', value: r, checked: u.roles.includes(r), class: 'role' }), ' ', ROLE[r]));
  const st = Object.entries(stageMap).map(([k, v]) => h('label', null, h('input', { type: 'checkbox', value: k, checked: u.stages.includes(k), class: 'stage' }), ' ', v));
  const body = h('div', null, h('fieldset', null, h('legend', null, '角色'), boxes), h('fieldset', null, h('legend', null, '审核环节（审核领导）'), st));
  dialog(`分配角色：${u.displayName}（${u.username}）`, body, async () => {
    try {
      await api.put(`/api/v1/users/${encodeURIComponent(u.id)}/roles`, { roles: [...body.querySelectorAll('input.role:checked')].map((i) => i.value),
        stages: [...body.querySelectorAll('input.stage:checked')].map((i) => i.value) });
      toast('角色已更新。');
      return true;
    } catch (e) { toast(e.message, 'error'); return false; }
  });
}
