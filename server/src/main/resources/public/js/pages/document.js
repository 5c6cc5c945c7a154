// 文件页（每个文件一个固定地址）：检查报告、办理状态与当前处理人、原文中高亮的每项发现、退回通知、
// 重新提交时的改正对比、部分公开文本下载、审核意见和完整办理记录。
import { api, download, ApiError } from '../lib/api.js';
import { h, fill, table, tag, toast } from '../lib/dom.js';
import { pageHead, hasRole } from '../lib/layout.js';
import { date, dateTime, deadline, humanize, ATTR, ACTION, ROLE, STATE } from '../lib/fmt.js';
import { loadText, renderText, findingList } from '../lib/doctext.js';

export async function render(main, me) {
  const id = decodeURIComponent(location.pathname.split('/')[2] || '');
  let rep = await api.get('/api/v1/documents/' + encodeURIComponent(id));
  if (rep.status !== 'CHECKED') {
    fill(main, pageHead(rep.fileName), h('p', { class: 'notice', id: 'checking' }, '正在检查，请稍候…（本页会自动刷新）'));
    while (rep.status !== 'CHECKED') {
      await new Promise((ok) => setTimeout(ok, 1000));
      rep = await api.get('/api/v1/documents/' + encodeURIComponent(id));
    }
  }
  const [item, history, opinions, text] = await Promise.all([
    api.maybe(`/api/v1/documents/${encodeURIComponent(id)}/review`),
    api.get(`/api/v1/documents/${encodeURIComponent(id)}/history`),
    api.get(`/api/v1/documents/${encodeURIComponent(id)}/decisions`),
    loadText(id),
  ]);
  const names = (await api.get('/api/v1/people?ids=' + encodeURIComponent([...new Set(history.map((e) => e.actor))].join(',')))).people;
  const title = (rep.elements && rep.elements.title) || rep.fileName;
  const state = stateOf(rep, item);
  // routed 退回 by the check (the office confirms in its queue) or returned by a reviewer: the drafter may fix and resubmit now
  const returned = state === 'RETURNED' || rep.route === 'RETURNED';
  const verdicts = Object.fromEntries(opinions.verdicts.map((v) => [v.findingId, v.verdict]));

  const textPane = h('div', { id: 'doc-text' });
  const findings = rep.findings;
  let viewer = null;
  const list = findingList(findings, { onPick: (fid) => pick(fid) });
  function pick(fid) {
    list.querySelectorAll('li.active').forEach((l) => l.classList.remove('active'));
    const li = list.querySelector(`li[data-finding="${CSS.escape(fid)}"]`);
    if (li) { li.classList.add('active'); li.scrollIntoView({ block: 'nearest' }); }
    viewer && viewer.focus(fid);
  }

  const actions = [];
  const uploader = (history.find((e) => e.action === 'RECEIVED') || {}).actor;
  if (item && item.state === 'OPEN' && canAct(me, item, uploader)) actions.push(h('a', { class: 'button', href: '/review/' + id, id: 'open-review' }, '进入审查'));
  if (returned && hasRole(me, 'DRAFTER', 'DOCUMENT_OFFICE')) {
    actions.push(h('a', { class: 'button', href: '/upload?supersedes=' + encodeURIComponent(id), id: 'resubmit' }, '修改后重新提交'));
  }
  fill(main, 
    h('div', { class: 'crumbs' }, h('a', { href: '/' }, '我的工作'), ' / 文件'),
    pageHead(title, returned && state === 'OPEN' ? tag('已退回（待办文机构确认）', 'state-RETURNED') : tag(STATE[state] || '已检查', 'state-' + state),
      tag(rep.routeName || rep.route, 'info'), ...actions),
    h('div', { class: 'grid two' }, facts(rep, names), status(rep, item, state, names)),
    returned || rep.resubmission ? notice(rep, returned) : '',
    redacted(id, state, rep),
    h('div', { class: 'grid sidebar' },
      h('section', { class: 'card' }, h('h2', null, '原文与发现'), textPane),
      h('section', { class: 'card' }, h('h2', null, `发现（${findings.length} 项）`), list)),
    opinions.decisions.length ? h('section', { class: 'card' }, h('h2', null, '审核意见'), opinionTable(opinions.decisions)) : '',
    h('section', { class: 'card' }, h('h2', null, '办理记录'), timeline(history, names)));
  viewer = renderText(textPane, text, findings, { verdicts, onPick: pick, documentId: id, pdf: rep.mediaType === 'application/pdf' });
}

/** Whether to offer the review page: a reviewer or approver, or a drafter at the 经办人 level of another's document. */
export function canAct(me, item, uploader) {
  if (uploader === me.id) return false;
  return hasRole(me, 'DOCUMENT_OFFICE', 'SECRECY_REVIEWER', 'APPROVER') || (hasRole(me, 'DRAFTER') && item.stage === 'HANDLER');
}

function stateOf(rep, item) {
  if (item) return item.state === 'OPEN' ? 'OPEN' : item.outcome;
  return rep.route === 'RETURNED' ? 'RETURNED' : 'CHECKED';
}

function facts(rep, names) {
  const e = rep.elements || {};
  const a = rep.attribute || {};
  const rows = [['文件名', rep.fileName], ['文种', rep.docType || '未识别'], ['发文字号', e.docNumber], ['成文日期', e.date], ['附注', e.annotation],
    ['密级标志', e.secrecy], ['呈批单属性', ATTR[a.declared] || '未填写'], ['附注属性', ATTR[a.detected] || a.detected], ['认定属性', ATTR[a.effective] || a.effective],
    ['理由', a.reason], ['起草单位', rep.department], ['收到时间', dateTime(rep.receivedAt)], ['检查完成', dateTime(rep.checkedAt)],
    ['分流', rep.routeName], ['分流依据', rep.routeRule ? rep.routeRule.split(' / ')[0] + '（分流规则 config/routing.rules）' : null], ['文件编号', rep.id]];
  return h('section', { class: 'card' }, h('h2', null, '检查报告'),
    h('dl', { class: 'facts', id: 'report-facts' }, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v || '—')])));
}

function status(rep, item, state, names) {
  const out = h('section', { class: 'card', id: 'doc-status' }, h('h2', null, '办理状态'));
  if (!item) {
    out.append(h('p', null, state === 'RETURNED' ? '检查认定须退回起草单位修改（见下方退回通知）。' : '该文件未进入审核队列。'));
    return out;
  }
  const rows = [['当前状态', STATE[state] || state]];
  if (item.state === 'OPEN') {
    rows.push(['所在环节', `${item.stageName}（第 ${item.stageNumber}/${item.stageCount} 级）`]);
    rows.push(['当前处理人', item.claimant ? `${names[item.claimant] || item.claimant}（认领至 ${dateTime(item.leaseUntil)}）` : `待${item.stageName}认领处理`]);
    rows.push(['办理期限', deadline(item)]);
  } else {
    rows.push(['办结结果', STATE[item.outcome] || item.outcome]);
  }
  rows.push(['成文日期', date(item.formedOn)]);
  if (item.publicationDue) {
    rows.push(['公开期限', date(item.publicationDue) + (item.publicationLapsed ? '（送审前已超过条例第二十六条的 20 个工作日）' : '（条例第二十六条）')]);
  }
  if (item.important) rows.push(['重要信息', '是（须主要领导审核）']);
  out.append(h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v)])));
  return out;
}

function notice(rep, returned) {
  const base = `/api/v1/documents/${encodeURIComponent(rep.id)}/return-notice`;
  const card = h('section', { class: 'card', id: 'return-notice' }, h('h2', null, returned ? '退回通知' : '重新提交'));
  if (returned) {
    card.append(h('p', null, '本文件被退回起草单位。请按退回通知逐项改正后，点击“修改后重新提交”上传新版本。'),
      h('div', { class: 'actions' }, h('a', { class: 'button secondary', href: base + '?format=html', target: '_blank', rel: 'noopener', id: 'notice-html' },
        '查看并打印退回通知'),
      h('button', { class: 'secondary', id: 'notice-pdf', onclick: () => save(base + '?format=pdf', `退回通知-${rep.id}.pdf`) }, '下载退回通知（PDF）')));
  }
  const r = rep.resubmission;
  if (r) {
    card.append(h('p', null, '本文件替代被退回的 ', h('a', { href: '/documents/' + r.supersedes }, '上一版本'), '。与上一版本相比：'),
      h('div', { class: 'grid three', id: 'comparison' },
        changes('已改正', r.fixed, 'ok'), changes('仍存在', r.remaining, 'bad'), changes('新出现', r.added, 'warn')));
  }
  return card;
}

function changes(title, list, cls) {
  return h('div', null, h('h3', null, title, ' ', tag(String(list.length), cls)),
    list.length ? h('ul', null, list.map((c) => h('li', null, h('b', null, c.categoryName || c.category), c.text ? '：' + c.text : ''))) : h('p', { class: 'hint' }, '无'));
}

function redacted(id, state, rep) {
  if (!['PUBLISHED', 'OPEN'].includes(state) || (rep.attribute && rep.attribute.effective !== 'PARTIAL' && state !== 'OPEN')) return '';
  const card = h('section', { class: 'card hidden', id: 'redacted' });
  api.maybe(`/api/v1/documents/${encodeURIComponent(id)}/redacted`).then((r) => {
    if (!r || !r.removed || !r.removed.length) return;
    card.classList.remove('hidden');
    card.append(h('h2', null, '部分公开文本'), h('p', null, `已删除 ${r.removed.length} 处不予公开的内容（条例第三十七条）。`),
      h('div', { class: 'actions' },
        h('button', { class: 'secondary', id: 'redacted-docx', onclick: () => save(r.downloads.docx, `部分公开-${id}.docx`) }, '下载 DOCX'),
        h('button', { class: 'secondary', id: 'redacted-pdf', onclick: () => save(r.downloads.pdf, `部分公开-${id}.pdf`) }, '下载 PDF')));
  }).catch(() => {});
  return card;
}

async function save(url, name) {
  try {
    await download(url, name);
  } catch (e) {
    toast(e instanceof ApiError ? e.message : '下载失败', 'error');
  }
}

export function opinionTable(decisions) {
  return table(['时间', '环节', '审核人', '决定', '意见'], decisions.map((d) => [dateTime(d.decidedAt), `${d.queueTitle} · ${d.stageTitle}`,
    d.actorName || d.actor, d.actionName, d.comment || '—']), { id: 'opinions' });
}

function timeline(history, names) {
  return h('ul', { class: 'timeline', id: 'history' }, history.map((e) => h('li', null,
    h('div', { class: 'when' }, dateTime(e.occurredAt), ' · ', names[e.actor] || e.actor, e.actorRole ? `（${ROLE[e.actorRole] || e.actorRole}）` : ''),
    h('div', null, h('b', null, ACTION[e.action] || e.action), e.detail && e.action !== 'PROCESSING' ? '：' + humanize(e.detail) : ''))));
}
