// 审查页（保密审查员、办文机构、审核领导）：原文按部位分标签高亮每项发现，PDF 有页面图像和方框；逐项确认或排除（排除须说明理由）；
// 作出决定（通过、区分处理、退回、登记备案、报审）并写意见；区分处理先预览删除后的文本，确认后下载 DOCX/PDF。
// 认领期限在页面上显示，页面打开期间自动续期。快捷键见“?”。
import { api, download, session, toError, ApiError } from '../lib/api.js';
import { h, fill, $, $$, tag, toast } from '../lib/dom.js';
import { pageHead } from '../lib/layout.js';
import { dateTime, deadline, date, time, SEV, ATTR, QUEUE } from '../lib/fmt.js';
import { loadText, renderText, findingList } from '../lib/doctext.js';
import { opinionTable } from './document.js';

const RENEW_MS = 5 * 60 * 1000;
const NOT_A_NAME = '不是人名（误识别）';

export async function render(main, me) {
  const id = decodeURIComponent(location.pathname.split('/')[2] || '');
  const enc = encodeURIComponent(id);
  const [rep, item0, opinions, redactions, text] = await Promise.all([api.get('/api/v1/documents/' + enc), api.maybe(`/api/v1/documents/${enc}/review`),
    api.get(`/api/v1/documents/${enc}/decisions`), api.get(`/api/v1/documents/${enc}/redactions`), loadText(id)]);
  let item = item0;
  const names = item && item.claimant ? (await api.get('/api/v1/people?ids=' + encodeURIComponent(item.claimant))).people : {};
  const findings = rep.findings;
  const recorded = Object.fromEntries(opinions.verdicts.map((v) => [v.findingId, v]));
  const key = 'gk-verdicts-' + id;
  const draft = JSON.parse(sessionStorage.getItem(key) || '{}'); // findingId → {verdict, reason}: survives a reload
  const verdictOf = (fid) => (draft[fid] ? draft[fid].verdict : recorded[fid] ? recorded[fid].verdict : null);
  let current = -1;
  let viewer = null;

  const title = (rep.elements && rep.elements.title) || rep.fileName;
  const open = item && item.state === 'OPEN';
  const heldByOther = open && item.claimant && item.claimant !== me.id;
  const canDecide = open && !heldByOther;

  // ——— 发现列表与逐项裁定 ———
  const list = findingList(findings, { onPick: (fid) => pick(findings.findIndex((f) => f.id === fid)), verdict: canDecide ? verdictControls : null });
  function verdictControls(f) {
    const reason = h('input', { class: 'reason', placeholder: '排除理由（必填）', maxlength: 2000, list: f.category === 'PERSON_NAME' ? 'name-reasons' : null,
      value: draft[f.id] ? draft[f.id].reason || '' : recorded[f.id] && recorded[f.id].verdict === 'DISMISSED' ? recorded[f.id].reason || '' : '' });
    reason.addEventListener('change', () => { if (draft[f.id]) { draft[f.id].reason = reason.value.trim(); save(); } });
    const state = h('span', { class: 'v-state' });
    const box = h('div', { class: 'verdict' },
      h('button', { type: 'button', class: 'small danger confirm', onclick: () => setVerdict(f.id, 'CONFIRMED') }, '确认'),
      h('button', { type: 'button', class: 'small secondary dismiss', onclick: () => setVerdict(f.id, 'DISMISSED') }, '排除'), reason, state);
    return box;
  }
  function setVerdict(fid, v) {
    const li = $(`li[data-finding="${CSS.escape(fid)}"]`, list);
    const reason = li ? $('input.reason', li).value.trim() : '';
    if (v === 'DISMISSED' && !reason) {
      toast('排除须说明理由：请在该项的理由栏填写后再点“排除”。', 'error');
      if (li) $('input.reason', li).focus();
      return;
    }
    draft[fid] = { verdict: v, reason: v === 'DISMISSED' ? reason : null };
    save();
    paint(fid);
  }
  function save() { sessionStorage.setItem(key, JSON.stringify(draft)); }
  function paint(fid) {
    const v = verdictOf(fid);
    const li = $(`li[data-finding="${CSS.escape(fid)}"]`, list);
    if (li) {
      li.classList.toggle('v-CONFIRMED', v === 'CONFIRMED');
      li.classList.toggle('v-DISMISSED', v === 'DISMISSED');
      const s = $('.v-state', li);
      if (s) fill(s, v === 'CONFIRMED' ? tag('已确认', 'bad') : v === 'DISMISSED' ? tag('已排除', '') : '', draft[fid] ? h('span', { class: 'hint' }, '（未提交）') : '');
    }
    viewer && viewer.mark(fid, v);
  }
  function pick(i) {
    if (i < 0 || i >= findings.length) return;
    current = i;
    const f = findings[i];
    $$('li.active', list).forEach((l) => l.classList.remove('active'));
    const li = $(`li[data-finding="${CSS.escape(f.id)}"]`, list);
    if (li) { li.classList.add('active'); li.scrollIntoView({ block: 'nearest' }); }
    viewer && viewer.focus(f.id);
  }

  // ——— 决定 ———
  const comment = h('textarea', { id: 'comment', maxlength: 4000, placeholder: '审核意见（退回、登记备案、报审须填写）' });
  const important = h('input', { type: 'checkbox', id: 'important', checked: item && item.important });
  const buttons = {
    APPROVE: h('button', { class: 'ok', id: 'approve', onclick: () => decide('APPROVE') }, '通过 ', h('span', { class: 'kbd' }, 'A')),
    REDACT: h('button', { id: 'redact', onclick: () => preview() }, '区分处理（部分公开）', h('span', { class: 'kbd' }, 'X')),
    RETURN: h('button', { class: 'danger', id: 'return', onclick: () => decide('RETURN') }, '退回起草单位 ', h('span', { class: 'kbd' }, 'R')),
    REGISTER: h('button', { class: 'secondary', id: 'register', onclick: () => decide('REGISTER') }, '登记备案（不公开） ', h('span', { class: 'kbd' }, 'G')),
    ESCALATE: h('button', { class: 'secondary', id: 'escalate', onclick: () => decide('ESCALATE') }, '需报审 ', h('span', { class: 'kbd' }, 'E')),
  };
  const reviewer = item && ['SECRECY_REVIEW', 'DISCLOSURE_REVIEW', 'MANUAL_REVIEW', 'AUTHORITY_REVIEW'].includes(item.queue);
  if (!reviewer) { buttons.REDACT.classList.add('hidden'); }
  if (item && item.queue === 'REGISTERED') { fill(buttons.APPROVE, '登记 ', h('span', { class: 'kbd' }, 'A')); }
  const decidePanel = h('section', { class: 'card decide', id: 'decide' }, h('h2', null, '作出决定'),
    comment, h('label', null, important, ' 重要信息/敏感信息（须主要领导审核）'),
    h('div', { class: 'actions' }, Object.values(buttons)),
    h('p', { class: 'hint' }, '未提交的逐项裁定随决定一并提交；刷新页面不会丢失。'));

  async function decide(action, extra = {}) {
    if (!canDecide) return;
    const c = comment.value.trim();
    if (['RETURN', 'REGISTER', 'ESCALATE'].includes(action) && !c) {
      toast(action === 'RETURN' ? '退回须写明理由。' : action === 'REGISTER' ? '登记备案须写明不公开的理由。' : '报审须写明请示事项。', 'error');
      comment.focus();
      return;
    }
    const verdicts = Object.entries(draft).map(([fid, v]) => ({ id: fid, verdict: v.verdict, reason: v.reason || undefined }));
    try {
      item = await api.post(`/api/v1/documents/${enc}/decisions`, { action, comment: c || undefined, version: item.version, findings: verdicts,
        important: important.checked || undefined, ...extra });
      sessionStorage.removeItem(key);
      toast(`已${{ APPROVE: '通过', REDACT: '区分处理', RETURN: '退回', REGISTER: '登记备案', ESCALATE: '报审', RELEASE: '释放' }[action]}`);
      setTimeout(() => location.reload(), 700);
    } catch (e) {
      toast(e instanceof ApiError ? e.message : String(e), 'error');
    }
  }

  // ——— 区分处理：预览删除后的文本，确认后提交 ———
  async function preview() {
    const confirmed = findings.filter((f) => verdictOf(f.id) === 'CONFIRMED');
    if (!confirmed.length) { toast('区分处理须先确认至少一项发现（确认的内容将被删除）。', 'error'); return; }
    const dlg = h('dialog', { id: 'redaction-preview' });
    const body = h('div', { class: 'preview', id: 'preview-text' }, '正在生成预览…');
    const links = h('div', { class: 'actions' });
    dlg.append(h('h2', null, '部分公开文本预览'), h('p', null, `将删除已确认的 ${confirmed.length} 项内容（及其在文中的每次重复），以“〔已删除〕”代替；批注、修订、隐藏文字和文档属性一并清除。`),
      body, links, h('div', { class: 'actions' },
        h('button', { id: 'confirm-redact', onclick: () => { dlg.close(); decide('REDACT'); } }, '确认区分处理'),
        h('button', { class: 'secondary', onclick: () => dlg.close() }, '返回修改')));
    document.body.append(dlg);
    dlg.addEventListener('close', () => dlg.remove());
    dlg.showModal();
    const ids = confirmed.map((f) => f.id);
    try {
      const r = await api.post(`/api/v1/documents/${enc}/redaction-preview`, { findings: ids });
      fill(body, previewText(r, confirmed));
      links.append(h('button', { class: 'secondary small', onclick: () => previewFile('docx', ids) }, '下载预览 DOCX'),
        h('button', { class: 'secondary small', onclick: () => previewFile('pdf', ids) }, '下载预览 PDF'));
    } catch (e) {
      if (!(e instanceof ApiError) || (e.status !== 404 && e.status !== 405)) { fill(body, h('p', { class: 'error' }, e.message)); return; }
      fill(body, localPreview(text, confirmed)); // 服务器尚无预览接口：按原文在本页模拟
    }
  }
  async function previewFile(format, ids) {
    try {
      const me2 = await session();
      const res = await fetch(`/api/v1/documents/${enc}/redaction-preview?format=${format}`, { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me2.csrfToken, Accept: '*/*' }, body: JSON.stringify({ findings: ids }) });
      if (!res.ok) throw await toError(res);
      const a = h('a', { href: URL.createObjectURL(await res.blob()), download: `预览-${id}.${format}` });
      document.body.append(a); a.click(); a.remove();
    } catch (e) { toast(e.message || String(e), 'error'); }
  }

  // ——— 认领与续期 ———
  const lease = h('div', { class: 'lease', id: 'lease' });
  let renewTimer = null;
  function paintLease() {
    if (!item || !open) { fill(lease, item ? tag(item.outcome ? '已办结' : '', 'info') : ''); return; }
    if (item.claimant === me.id && item.leaseUntil) {
      const left = Math.round((new Date(item.leaseUntil) - Date.now()) / 60000);
      lease.className = 'lease' + (left < 5 ? ' expiring' : '');
      fill(lease, '我已认领，至 ', h('b', { id: 'lease-until' }, time(item.leaseUntil)), `（剩 ${Math.max(0, left)} 分钟，页面打开期间自动续期）`, ' ',
        h('button', { class: 'secondary small', id: 'release', onclick: () => decide('RELEASE') }, '释放认领'));
    } else if (heldByOther) {
      fill(lease, h('span', { class: 'notice' }, `${names[item.claimant] || item.claimant} 已认领此件（至 ${dateTime(item.leaseUntil)}），您暂不能作出决定。`));
    } else {
      fill(lease, h('span', { class: 'hint' }, '无人认领：您可以直接作出决定。'));
    }
  }
  async function renew() {
    if (!item || item.claimant !== me.id || !open) return;
    try {
      item = await api.post(`/api/v1/queues/${encodeURIComponent(item.queue)}/items/${enc}/renew`);
    } catch (e) {
      toast('认领续期失败：' + e.message, 'error');
    }
    paintLease();
  }
  if (item && item.claimant === me.id && open) {
    renewTimer = setInterval(renew, RENEW_MS);
    setInterval(paintLease, 30000);
    document.addEventListener('visibilitychange', () => { if (!document.hidden) renew(); });
  }

  // ——— 快捷键 ———
  const help = h('dialog', { id: 'shortcuts' }, h('h2', null, '快捷键'), h('ul', { class: 'shortcuts' },
    [['J / ↓', '下一项发现'], ['K / ↑', '上一项发现'], ['C', '确认当前发现'], ['D', '排除当前发现（先填理由）'], ['A', '通过'], ['X', '区分处理'],
      ['R', '退回起草单位'], ['G', '登记备案'], ['E', '需报审'], ['?', '显示本说明']].map(([k, v]) => h('li', null, h('span', { class: 'kbd' }, k), ' ', v))),
  h('button', { onclick: () => help.close() }, '关闭'));
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest('input, textarea, select, dialog[open]')) return;
    const k = e.key.toLowerCase();
    const act = { j: () => pick(Math.min(findings.length - 1, current + 1)), arrowdown: () => pick(Math.min(findings.length - 1, current + 1)),
      k: () => pick(Math.max(0, current - 1)), arrowup: () => pick(Math.max(0, current - 1)),
      c: () => current >= 0 && canDecide && setVerdict(findings[current].id, 'CONFIRMED'),
      d: () => { if (current >= 0 && canDecide) { const li = $(`li[data-finding="${CSS.escape(findings[current].id)}"]`, list); const r = li && $('input.reason', li); if (r && !r.value.trim()) r.focus(); else setVerdict(findings[current].id, 'DISMISSED'); } },
      a: () => buttons.APPROVE.click(), x: () => reviewer && buttons.REDACT.click(), r: () => buttons.RETURN.click(), g: () => buttons.REGISTER.click(),
      e: () => buttons.ESCALATE.click(), '?': () => help.showModal() }[k];
    if (act) { e.preventDefault(); act(); }
  });

  // ——— 页面 ———
  const textPane = h('div', { id: 'doc-text' });
  const earlier = opinions.decisions.length ? h('section', { class: 'card', id: 'earlier' }, h('h2', null, '此前各级意见'), opinionTable(opinions.decisions)) : '';
  const redactedCard = redactions.redactions.length ? h('section', { class: 'card', id: 'reviewer-redactions' }, h('h2', null, '审查人的删除（区分处理）'),
    h('ul', null, redactions.redactions.map((r) => h('li', null, h('b', null, r.category), '：', h('span', { class: 'tag bad' }, r.matchedText), ' — ', r.basis))),
    h('div', { class: 'actions' },
      h('button', { class: 'secondary', id: 'redacted-docx', onclick: () => save2(`/api/v1/documents/${enc}/redacted?format=docx`, `部分公开-${id}.docx`) }, '下载部分公开 DOCX'),
      h('button', { class: 'secondary', id: 'redacted-pdf', onclick: () => save2(`/api/v1/documents/${enc}/redacted?format=pdf`, `部分公开-${id}.pdf`) }, '下载部分公开 PDF'))) : '';
  fill(main, 
    h('div', { class: 'crumbs' }, h('a', { href: '/queues' }, '审查队列'), item ? [' / ', h('a', { href: '/queues/' + item.queue }, QUEUE[item.queue] || item.queue)] : '', ' / ',
      h('a', { href: '/documents/' + enc }, '文件页')),
    pageHead(title, item ? tag(`${item.stageName}（${item.stageNumber}/${item.stageCount}）`, 'info') : '', item && item.worstSeverity ? tag(SEV[item.worstSeverity], 'sev-' + item.worstSeverity) : '',
      h('button', { class: 'secondary small', onclick: () => help.showModal(), title: '快捷键' }, '快捷键 ?')),
    h('div', { class: 'card actions' }, lease, item ? h('span', null, ' 期限：', h('b', { class: item.overdue ? 'tag bad' : null }, deadline(item))) : '',
      item && item.publicationLapsed ? h('span', { class: 'hint' }, `公开期限 ${date(item.publicationDue)} 在送审前已过`) : '',
      h('span', { class: 'hint' }, `公开属性：${ATTR[rep.attribute.effective] || rep.attribute.effective}；${rep.routeName}`)),
    !open ? h('p', { class: 'notice', id: 'closed' }, item ? `审核已结束：${{ PUBLISHED: '已公开', REGISTERED: '已登记备案', RETURNED: '已退回起草单位' }[item.outcome] || item.outcome}。` : '该文件不在审核队列中。') : '',
    h('datalist', { id: 'name-reasons' }, h('option', { value: NOT_A_NAME }), h('option', { value: '公职人员履职信息，依法公开' })),
    h('div', { class: 'grid sidebar' },
      h('section', { class: 'card' }, h('h2', null, '原文'), textPane),
      h('div', null, h('section', { class: 'card' }, h('h2', null, `发现（${findings.length} 项）`), list), canDecide ? decidePanel : '')),
    redactedCard, earlier, help);
  viewer = renderText(textPane, text, findings, { verdicts: Object.fromEntries(findings.map((f) => [f.id, verdictOf(f.id)])),
    onPick: (fid) => pick(findings.findIndex((f) => f.id === fid)), documentId: id, pdf: rep.mediaType === 'application/pdf' });
  findings.forEach((f) => paint(f.id));
  paintLease();
  if (findings.length) pick(0);
  return renewTimer;
}

async function save2(url, name) {
  try { await download(url, name); } catch (e) { toast(e.message || '下载失败', 'error'); }
}

/** 服务器返回的预览：{text} 或 {blocks:[{text}]}，删除处以〔已删除〕显示。 */
function previewText(r, confirmed) {
  const t = typeof r === 'string' ? r : r.text || (Array.isArray(r.blocks) ? r.blocks.map((b) => b.text).join('\n') : null);
  if (!t) return localPreview(null, confirmed);
  const out = highlightRemoved(t, r.marker);
  if (r.cut) out.append(h('p', { class: 'hint' }, '（预览只显示开头部分；下载预览文件可查看全文）'));
  for (const n of r.notRemovable || []) out.prepend(h('p', { class: 'notice' }, '无法作为段落删除：' + String(n.reason).split(' / ')[0]));
  return out;
}

function highlightRemoved(t, marker = '〔已删除〕') {
  const out = h('div');
  t.split(marker).forEach((piece, i) => { if (i) out.append(h('span', { class: 'removed' }, marker)); out.append(piece); });
  return out;
}

/** 本页模拟的预览：原文中已确认的文字（及其每次重复）替换为〔已删除〕，隐藏部位不显示。 */
function localPreview(text, confirmed) {
  const words = [...new Set(confirmed.map((f) => f.text).filter(Boolean))].sort((a, b) => b.length - a.length);
  const visible = text ? text.blocks.filter((b) => !['COMMENT', 'TRACKED_DELETION', 'HIDDEN', 'METADATA'].includes(b.part)).map((b) => b.text).join('\n')
    : confirmed.map((f) => f.text).join('\n');
  let t = visible;
  for (const w of words) t = t.split(w).join('〔已删除〕');
  return highlightRemoved(t);
}

