// gongkai 页面：上传、轮询报告、检索。所有文档内容均以 textContent 写入，不作为 HTML 解释。
const CATEGORY = {};
const ROUTE = { RETURNED: '退回起草单位', SECRECY_REVIEW: '保密审查', DISCLOSURE_REVIEW: '区分处理审查',
  PUBLICATION_REVIEW: '发布审核（三级审核）', REGISTERED: '登记备案', MANUAL_REVIEW: '人工审查' };
const ATTR = { PUBLIC: '主动公开', ON_REQUEST: '依申请公开', NOT_PUBLIC: '不予公开', PARTIAL: '部分公开', NONE: '未标注' };
const PART = { BODY: '正文', TABLE: '表格', HEADER: '页眉', FOOTER: '页脚', COMMENT: '批注', TRACKED_INSERTION: '修订（插入）',
  TRACKED_DELETION: '修订（删除）', HIDDEN: '隐藏文字', METADATA: '文档属性', ATTACHMENT: '嵌入对象' };
const SEV = { BLOCKER: '阻断', HIGH: '高', MEDIUM: '中', LOW: '低', INFO: '提示' };

const $ = (s) => document.querySelector(s);
function el(tag, text, cls) { const e = document.createElement(tag); if (text != null) e.textContent = text; if (cls) e.className = cls; return e; }

// 登录状态：未登录转到登录页；写操作带 CSRF 令牌（会话 Cookie 之外的第二道凭证）。
let me = null;
async function signedIn() {
  const res = await fetch('/api/v1/me');
  if (res.status === 401) { location.href = '/login?next=' + encodeURIComponent(location.pathname + location.hash); return false; }
  me = await res.json();
  if (me.mustChangePassword) { location.href = '/password'; return false; }
  $('#who').textContent = (me.displayName || me.id) + (me.department ? '（' + me.department + '）' : '');
  return true;
}
function post(url, body) {
  return fetch(url, { method: 'POST', body, headers: { 'X-CSRF-Token': me ? me.csrfToken : '' } });
}
signedIn();

async function errorText(res) {
  try { const j = await res.json(); return j.error ? j.error.message : res.statusText; } catch (e) { return res.statusText; }
}

$('#upload').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const form = new FormData(ev.target);
  for (const k of ['attribute', 'reason', 'department', 'supersedes']) if (!form.get(k)) form.delete(k);
  if (!form.get('interpretation') || form.get('interpretation').size === 0) form.delete('interpretation');
  $('#status').textContent = '正在上传…';
  $('#report').hidden = true;
  const res = await post('/api/v1/documents', form);
  if (!res.ok) { $('#status').textContent = '上传失败：' + await errorText(res); return; }
  const { id } = await res.json();
  $('#status').textContent = '已接收，编号 ' + id + '，正在检查…';
  for (let i = 0; i < 600; i++) {
    const r = await fetch('/api/v1/documents/' + encodeURIComponent(id));
    const rep = await r.json();
    if (rep.status === 'CHECKED') { show(rep); $('#status').textContent = '检查完成，编号 ' + id; return; }
    await new Promise((ok) => setTimeout(ok, 500));
  }
  $('#status').textContent = '检查时间较长，请稍后用编号查询：' + id;
});

function show(rep) {
  $('#report').hidden = false;
  $('#r-title').textContent = (rep.elements && rep.elements.title) || rep.fileName;
  const dl = $('#r-summary'); dl.replaceChildren();
  const rows = [['文件', rep.fileName], ['文种', rep.docType || '未识别'], ['发文字号', rep.elements && rep.elements.docNumber],
    ['成文日期', rep.elements && rep.elements.date], ['附注', rep.elements && rep.elements.annotation],
    ['呈批单属性', ATTR[rep.attribute.declared] || '未填写'], ['附注属性', ATTR[rep.attribute.detected] || rep.attribute.detected],
    ['理由', rep.attribute.reason], ['分流', ROUTE[rep.route] || rep.route]];
  for (const [k, v] of rows) { dl.append(el('dt', k), el('dd', v || '—', k === '分流' ? 'route' : null)); }
  const tb = $('#r-findings tbody'); tb.replaceChildren();
  for (const f of rep.findings) {
    const tr = el('tr');
    tr.append(el('td', f.categoryName || f.category), el('td', SEV[f.severity] || f.severity, 'sev-' + f.severity),
      el('td', f.text || '（全文）'), el('td', (PART[f.part] || f.part) + (f.page ? '，第' + f.page + '页' : '') + (f.source ? '，' + f.source : '')));
    const td = el('td'); td.append(el('div', f.explanation), el('div', f.basis, 'basis')); tr.append(td);
    tb.append(tr);
  }
  $('#r-none').hidden = rep.findings.length > 0;
  const links = $('#r-links'); links.replaceChildren();
  if (rep.route === 'RETURNED') {
    const base = '/api/v1/documents/' + encodeURIComponent(rep.id) + '/return-notice';
    links.append(el('span', '退回通知：'));
    for (const [label, fmt] of [['打印（网页）', 'html'], ['PDF', 'pdf']]) {
      const a = el('a', label); a.href = base + '?format=' + fmt; a.target = '_blank'; a.rel = 'noopener'; links.append(a, el('span', ' '));
    }
    links.append(el('span', '改正后重新上传时，请在“替代退回件”中填写 ' + rep.id + '。'));
  }
  if (rep.resubmission) {
    const r = rep.resubmission;
    links.append(el('div', '与上一版本相比：已改正 ' + r.fixed.length + ' 项，仍存在 ' + r.remaining.length + ' 项，新出现 ' + r.added.length + ' 项。'));
  }
}

$('#searchform').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const q = new FormData(ev.target).get('q');
  const res = await fetch('/api/v1/search?q=' + encodeURIComponent(q));
  const ul = $('#hits'); ul.replaceChildren();
  if (!res.ok) { ul.append(el('li', '检索失败：' + await errorText(res))); return; }
  const { hits } = await res.json();
  if (hits.length === 0) ul.append(el('li', '没有找到。'));
  for (const h of hits) {
    const li = el('li'); li.append(el('strong', h.title || h.fileName), el('span', ' ' + h.fileName + ' · ' + h.id), el('div', h.snippet, 'basis'));
    ul.append(li);
  }
});
