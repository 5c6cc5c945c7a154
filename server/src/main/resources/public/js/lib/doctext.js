// 文件全文与发现：按部位分标签页（正文、表格、批注、修订、隐藏文字、文档属性、附件、图片文字），每项发现在原文中高亮，
// 点击列表中的发现跳到原文位置；PDF 另有页面图像，发现用方框标出。
import { h, fill, $, $$ } from './dom.js';
import { api } from './api.js';
import { PART, SEV, group, GROUPS } from './fmt.js';

/**
 * 文件的分块文本（服务器 GET /api/v1/documents/{id}/text，大文件分段读取：window.next 为下一段的起点）；
 * 该接口尚不可用时返回 null，页面退回到只列出发现原文。统一成
 * {blocks: [{part, tab, page, source, start, end, text}], tabs: [{key, name}] | null, pageCount, pdfPages, complete}。
 */
export async function loadText(id) {
  const base = `/api/v1/documents/${encodeURIComponent(id)}/text`;
  let t = await api.maybe(base);
  if (!t || !Array.isArray(t.blocks)) return null;
  const findingTabs = Object.fromEntries((t.findings || []).filter((f) => f.tab).map((f) => [f.id, f.tab]));
  const raw = [...t.blocks];
  for (let n = 0; t.window && t.window.next !== null && t.window.next !== undefined && n < 50; n++) {
    t = await api.get(`${base}?from=${t.window.next}`);
    raw.push(...t.blocks);
  }
  let at = 0;
  const blocks = raw.map((b) => {
    const start = Number.isInteger(b.start) ? b.start : at;
    const end = Number.isInteger(b.end) ? b.end : start + (b.text || '').length;
    at = end + 1;
    return { part: b.part || 'BODY', tab: b.tab || null, page: b.page ?? null, source: b.source || '', start, end, text: b.text || '', cut: !!b.cut };
  });
  const images = t.pageImages || null;
  const pages = (images && images.pageCount) || t.pageCount || Math.max(0, ...blocks.map((b) => b.page || 0));
  return { blocks, tabs: Array.isArray(t.tabs) ? t.tabs.filter((x) => x.blocks > 0) : null, pageCount: pages,
    pdfPages: images ? !!images.available : null, complete: t.complete !== false, findingTabs };
}

/** 原文中可定位的发现（有长度）。 */
function placed(f) { return Number.isInteger(f.start) && Number.isInteger(f.end) && f.end > f.start; }

/**
 * 渲染分标签页的原文并高亮发现。返回 {focus(findingId)}：切到所在标签页、滚动到该处并突出显示。
 * opts.onPick(findingId) 在点击高亮时调用；opts.verdicts: findingId → CONFIRMED/DISMISSED。
 */
export function renderText(container, text, findings, opts = {}) {
  const verdicts = opts.verdicts || {};
  const byPart = new Map();
  const names = {};
  let partsOrder = Object.keys(PART);
  const tabbed = text && text.tabs && text.blocks.every((b) => b.tab);
  if (tabbed) {
    partsOrder = text.tabs.map((t) => t.key);
    text.tabs.forEach((t) => { names[t.key] = t.name; });
  }
  if (text) {
    for (const b of text.blocks) {
      const key = tabbed ? b.tab : b.part;
      if (!byPart.has(key)) byPart.set(key, []);
      byPart.get(key).push(b);
    }
  } else {
    for (const f of findings.filter((x) => x.text)) {
      if (!byPart.has(f.part)) byPart.set(f.part, []);
      byPart.get(f.part).push({ part: f.part, page: f.page, source: f.source || '', start: f.start, end: f.end, text: f.text, only: f });
    }
  }
  const parts = [...byPart.keys()].sort((a, b) => partsOrder.indexOf(a) - partsOrder.indexOf(b));
  const tabs = h('div', { class: 'tabs', role: 'tablist' });
  const panes = h('div');
  const count = (p) => findings.filter((f) => (tabbed ? (f.tab || text.findingTabs[f.id]) === p : f.part === p) && placed(f)).length;
  const panel = {};
  for (const p of parts) {
    const n = count(p);
    const btn = h('button', { type: 'button', role: 'tab', dataset: { part: p }, onclick: () => show(p) }, names[p] || PART[p] || p,
      n ? h('span', { class: 'count' }, `(${n})`) : null);
    tabs.append(btn);
    const pane = h('div', { class: 'doc-text', role: 'tabpanel', dataset: { part: p }, hidden: true });
    for (const b of byPart.get(p)) pane.append(block(b, b.only ? [b.only] : findings, verdicts, opts.onPick, tabbed));
    panel[p] = pane;
    panes.append(pane);
  }
  if (pdfPages(opts) && (!text || text.pdfPages !== false)) {
    tabs.append(h('button', { type: 'button', role: 'tab', dataset: { part: 'PAGES' }, onclick: () => show('PAGES') }, '页面图像'));
    panel.PAGES = h('div', { class: 'pages', dataset: { part: 'PAGES' }, hidden: true });
    panes.append(panel.PAGES);
  }
  const legend = h('div', { class: 'legend' }, Object.entries(GROUPS).map(([g, name]) => h('span', null, h('mark', { class: 'g-' + g }, name))));
  const note = text ? (text.complete ? null : h('p', { class: 'notice' }, '该文件的文字未能完整读取（见“无法提取文本”类发现），须人工核对原件。'))
    : h('p', { class: 'notice' }, '全文视图暂不可用：以下按部位列出每项发现在文件中的原文。');
  fill(container, legend, note || '', tabs, panes);
  if (parts.length === 0 && !panel.PAGES) container.append(h('p', { class: 'hint' }, '没有可显示的文字。'));

  let pagesLoaded = false;
  let current = null;
  function show(p) {
    current = p;
    for (const b of $$('button[role=tab]', tabs)) b.classList.toggle('current', b.dataset.part === p);
    for (const [k, pane] of Object.entries(panel)) pane.hidden = k !== p;
    if (p === 'PAGES' && !pagesLoaded) {
      pagesLoaded = true;
      loadPages(panel.PAGES, opts.documentId, text ? text.pageCount : 0, opts.onPick);
    }
  }
  if (parts.length) show(parts.includes('BODY') ? 'BODY' : parts[0]);
  else if (panel.PAGES) show('PAGES');

  return {
    focus(id) {
      $$('mark.active, .box.active', container).forEach((m) => m.classList.remove('active'));
      const boxes = $$(`.box[data-finding="${CSS.escape(id)}"]`, container);
      if (current === 'PAGES' && boxes.length) { // reading the page images: stay on them
        boxes.forEach((b) => b.classList.add('active'));
        boxes[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
        return true;
      }
      const m = $(`mark[data-finding="${CSS.escape(id)}"]`, container);
      if (!m) return false;
      const pane = m.closest('[role=tabpanel]');
      if (pane) show(pane.dataset.part);
      m.classList.add('active');
      m.scrollIntoView({ block: 'center', behavior: 'smooth' });
      $$(`.box[data-finding="${CSS.escape(id)}"]`, container).forEach((b) => b.classList.add('active'));
      return true;
    },
    mark(id, verdict) {
      $$(`mark[data-finding="${CSS.escape(id)}"]`, container).forEach((m) => {
        m.classList.toggle('confirmed', verdict === 'CONFIRMED');
        m.classList.toggle('dismissed', verdict === 'DISMISSED');
      });
    },
  };
}

function pdfPages(opts) { return opts.pdf && opts.documentId; }

/** 一个文本块，其中落在块内的发现包成 <mark>（发现可能跨块，则分段标出）。 */
function block(b, findings, verdicts, onPick, tabbed) {
  // offsets are in the whole joined text, so a finding belongs to the block its range overlaps
  const inside = findings.filter((f) => placed(f) && f.end > b.start && f.start < b.end && (b.only || tabbed || f.part === b.part))
    .sort((x, y) => x.start - y.start || y.end - x.end);
  const el = h('div', { class: 'block' });
  if (b.source || b.page) el.append(h('span', { class: 'where' }, [b.page ? `第 ${b.page} 页` : '', b.source].filter(Boolean).join(' · ')));
  let at = b.start;
  for (const f of inside) {
    const s = Math.max(f.start, b.start);
    const e = Math.min(f.end, b.end);
    if (s < at) continue; // 重叠的发现：先出现的那一项已标出这段文字
    el.append(b.text.slice(at - b.start, s - b.start));
    const v = verdicts[f.id];
    el.append(h('mark', { class: `g-${group(f.category)}${v === 'CONFIRMED' ? ' confirmed' : ''}${v === 'DISMISSED' ? ' dismissed' : ''}`,
      dataset: { finding: f.id }, title: `${f.categoryName || f.category}（${SEV[f.severity] || f.severity}）`,
      onclick: () => onPick && onPick(f.id) }, b.text.slice(s - b.start, e - b.start)));
    at = e;
  }
  el.append(b.text.slice(at - b.start));
  if (b.cut) el.append(h('span', { class: 'hint' }, '（此段过长，只显示开头）'));
  return el;
}

/** PDF 页面图像（GET …/pages/{n}）与发现方框（GET …/pages/{n}/boxes，页面比例坐标 0..1）。 */
async function loadPages(pane, id, count, onPick) {
  const n = Math.max(1, count || 1);
  for (let p = 1; p <= Math.min(n, 200); p++) {
    const wrap = h('div', { class: 'page-img' }, h('img', { src: `/api/v1/documents/${encodeURIComponent(id)}/pages/${p}`, alt: `第 ${p} 页`,
      loading: 'lazy' }));
    pane.append(h('div', null, h('div', { class: 'hint' }, `第 ${p} 页`), wrap));
    api.maybe(`/api/v1/documents/${encodeURIComponent(id)}/pages/${p}/boxes`).then((r) => {
      const boxes = Array.isArray(r) ? r : r && Array.isArray(r.boxes) ? r.boxes : [];
      for (const b of boxes) {
        const fid = b.findingId || b.finding || b.id;
        const rects = Array.isArray(b.rects) ? b.rects : [b];
        for (const r of rects) {
          if (r.x === undefined && r.left === undefined) continue;
          const box = h('div', { class: 'box' + (b.certain === false ? ' uncertain' : ''), dataset: { finding: fid },
            title: (b.categoryName || b.category || '') + (b.note ? '：' + b.note.split(' / ')[0] : ''), onclick: () => onPick && onPick(fid) });
          box.style.left = (100 * (r.x ?? r.left)) + '%';
          box.style.top = (100 * (r.y ?? r.top)) + '%';
          box.style.width = (100 * (r.w ?? r.width)) + '%';
          box.style.height = (100 * (r.h ?? r.height)) + '%';
          wrap.append(box);
        }
      }
    }).catch(() => {});
  }
}

/**
 * 发现列表：类别、严重程度、原文、位置、说明与依据；点击跳到原文。opts.verdict(f) 返回该项的裁定控件（审查页）。
 */
export function findingList(findings, opts = {}) {
  const ul = h('ul', { class: 'findings', id: 'findings' });
  findings.forEach((f, i) => {
    const li = h('li', { dataset: { finding: f.id }, tabindex: 0, id: 'f-' + f.id },
      h('div', { class: 'head' }, h('span', { class: 'hint' }, `${i + 1}.`), h('span', { class: 'tag sev-' + f.severity }, SEV[f.severity] || f.severity),
        h('b', null, f.categoryName || f.category), h('span', { class: 'hint' }, [PART[f.part] || f.part, f.page ? `第 ${f.page} 页` : '', f.source || '']
          .filter(Boolean).join(' · '))),
      f.text ? h('div', { class: 'text' }, f.text) : h('div', { class: 'hint' }, '（涉及全文）'),
      h('div', { class: 'why' }, f.explanation || ''), f.basis ? h('div', { class: 'why' }, '依据：' + f.basis) : null,
      opts.verdict ? opts.verdict(f) : null);
    li.addEventListener('click', (e) => { if (!e.target.closest('button, input, select, textarea, a')) opts.onPick && opts.onPick(f.id); });
    ul.append(li);
  });
  if (!findings.length) ul.append(h('li', null, '未发现问题。'));
  return ul;
}
