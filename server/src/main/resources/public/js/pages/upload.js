// 送审上传：拖放或选择一个或多个文件，填写发文呈批单（公开属性、理由、起草单位、政策解读材料），逐个上传并显示进度，
// 检查完成后给出分流结果和文件页链接。重新提交退回件时，地址带 ?supersedes=<原文件编号>。
import { api, upload } from '../lib/api.js';
import { h, fill, query } from '../lib/dom.js';
import { pageHead, hasRole } from '../lib/layout.js';
import { fileSize, ROUTE, ATTR } from '../lib/fmt.js';

const ACCEPT = '.docx,.doc,.wps,.pdf,.ofd,.txt,.png,.jpg,.jpeg,.tif,.tiff';

export async function render(main, me) {
  const supersedes = query.get('supersedes');
  let previous = null;
  if (supersedes) {
    previous = await api.get('/api/v1/documents/' + encodeURIComponent(supersedes));
  }
  const departments = hasRole(me, 'DOCUMENT_OFFICE') ? (await api.get('/api/v1/departments')).departments : [];
  const files = [];
  const list = h('ul', { class: 'uploads', id: 'upload-list' });
  const picker = h('input', { type: 'file', multiple: !supersedes, accept: ACCEPT, id: 'files', class: 'visually-hidden' });
  const zone = h('div', { class: 'dropzone', id: 'dropzone', tabindex: 0, role: 'button' },
    h('b', null, supersedes ? '把修改后的文件拖到这里，或点击选择' : '把公文文件拖到这里，或点击选择（可多选）'),
    h('span', { class: 'hint' }, 'DOCX、DOC、WPS、PDF、OFD、TXT；扫描件和图片在服务器装有文字识别时可检查'));
  zone.addEventListener('click', () => picker.click());
  zone.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); picker.click(); } });
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => { e.preventDefault(); zone.classList.remove('over'); add([...e.dataTransfer.files]); });
  picker.addEventListener('change', () => { add([...picker.files]); picker.value = ''; });

  const attribute = h('select', { name: 'attribute', id: 'attribute' }, h('option', { value: '' }, '（请选择）'),
    Object.entries(ATTR).filter(([k]) => k !== 'NONE').map(([k, v]) => h('option', { value: k }, v)));
  const reason = h('textarea', { name: 'reason', id: 'reason', maxlength: 4000, placeholder: '依申请公开、不予公开、部分公开须说明理由及依据' });
  const interp = h('input', { type: 'file', name: 'interpretation', id: 'interpretation', accept: ACCEPT, class: 'visually-hidden' });
  const interpName = h('span', { class: 'hint' }, '未选择');
  interp.addEventListener('change', () => { interpName.textContent = interp.files.length ? interp.files[0].name : '未选择'; });
  const dept = departments.length ? h('select', { name: 'department', id: 'department' },
    h('option', { value: '' }, `本部门（${me.department || '未设置'}）`), departments.map((d) => h('option', { value: d }, d))) : null;
  const submit = h('button', { type: 'submit', id: 'upload-submit' }, '上传并检查');
  const status = h('p', { role: 'status', id: 'upload-status' });
  const form = h('form', { class: 'stack card', id: 'upload-form' },
    h('h2', null, '发文呈批单'),
    h('label', null, '公开属性（呈批单）', attribute),
    h('label', null, '理由', reason),
    dept ? h('label', null, '起草单位（办文机构可代其他单位送审）', dept) : h('p', { class: 'hint' }, `起草单位：${me.department || '未设置'}`),
    h('div', { class: 'field' }, h('div', null, '政策解读材料（政策性文件须同步报送，“三同步”；仅限单个文件上传时）'),
      h('label', { class: 'button-secondary' }, '选择文件', interp), ' ', interpName),
    h('div', { class: 'actions' }, submit, status));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const pending = files.filter((f) => !f.sent);
    if (!pending.length) { status.textContent = '请先选择要上传的文件。'; return; }
    if (interp.files.length && pending.length > 1) { status.textContent = '政策解读材料只能随单个文件上传，请分开上传。'; return; }
    submit.disabled = true;
    status.textContent = '';
    for (const f of pending) await send(f);
    submit.disabled = false;
  });

  function add(chosen) {
    for (const file of chosen) {
      if (supersedes && files.length) files.splice(0).forEach((f) => f.row.remove());
      const bar = h('progress', { max: 100, value: 0 });
      const state = h('span', { class: 'hint' }, '待上传');
      const row = h('li', { class: 'upload-row' }, h('div', null, h('b', null, file.name), h('span', { class: 'hint' }, ' ' + fileSize(file.size))), bar, state);
      files.push({ file, bar, state, row, sent: false });
      list.append(row);
    }
  }

  async function send(f) {
    const data = new FormData();
    data.append('file', f.file, f.file.name);
    if (attribute.value) data.append('attribute', attribute.value);
    if (reason.value.trim()) data.append('reason', reason.value.trim());
    if (dept && dept.value) data.append('department', dept.value);
    if (supersedes) data.append('supersedes', supersedes);
    if (interp.files.length) data.append('interpretation', interp.files[0], interp.files[0].name);
    f.state.textContent = '上传中…';
    try {
      const r = await upload('/api/v1/documents', data, (done, total) => { f.bar.value = Math.round(100 * done / total); });
      f.sent = true;
      f.bar.value = 100;
      fill(f.state, '检查中…');
      const rep = await checked(r.id);
      fill(f.state, h('a', { href: '/documents/' + r.id, class: 'result-link' }, rep ? (rep.routeName || ROUTE[rep.route]) : '查看检查报告'));
    } catch (e) {
      fill(f.state, h('span', { class: 'tag bad' }, '失败：' + e.message));
    }
  }

  fill(main, pageHead(supersedes ? '重新提交退回件' : '送审上传'),
    previous ? h('p', { class: 'notice' }, '替代被退回的文件：', h('a', { href: '/documents/' + previous.id }, (previous.elements && previous.elements.title) || previous.fileName),
      '。上传后检查报告会列出已改正、仍存在和新出现的问题。') : null,
    h('div', { class: 'grid two' }, h('section', { class: 'card' }, h('h2', null, '文件'), zone, picker, list), form));
}

/** 等检查完成（最多约两分钟），返回报告；超时返回 null（文件页会继续显示进度）。 */
async function checked(id) {
  for (let i = 0; i < 240; i++) {
    const rep = await api.get('/api/v1/documents/' + encodeURIComponent(id));
    if (rep.status === 'CHECKED') return rep;
    await new Promise((ok) => setTimeout(ok, 500));
  }
  return null;
}

