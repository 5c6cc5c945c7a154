// 构建页面元素：文字一律以 textContent 写入，不把任何数据当作 HTML 解释。
export const $ = (s, root = document) => root.querySelector(s);
export const $$ = (s, root = document) => [...root.querySelectorAll(s)];

/**
 * h('a', {href: '/x', class: 'button', onclick: fn}, '文字', child…)
 * 属性：class、text、dataset、on*（事件）、其余作为 attribute；子节点为字符串或元素（null/false 忽略）。
 */
export function h(tag, props, ...children) {
  const e = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k === 'dataset') Object.assign(e.dataset, v);
      else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
      else if (k === 'value') e.value = v;
      else if (k === 'checked' || k === 'selected' || k === 'disabled' || k === 'hidden') e[k] = !!v;
      else e.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(e, children);
  return e;
}

function append(e, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces an element's children, skipping null, false and '' (so optional parts of a page can be written inline). */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A table from column headings and rows of cells (strings, numbers or elements). */
export function table(columns, rows, opts = {}) {
  const head = h('tr', null, columns.map((c) => h('th', { class: typeof c === 'object' ? c.class : null }, typeof c === 'object' ? c.text : c)));
  const body = rows.map((r) => {
    const cells = r.cells || r;
    return h('tr', { class: r.class || null, dataset: r.dataset || null },
      cells.map((c, i) => h('td', { class: typeof columns[i] === 'object' ? columns[i].class : null }, c)));
  });
  const t = h('table', { class: opts.class || null, id: opts.id || null }, h('thead', null, head), h('tbody', null, body));
  return h('div', { class: 'table-wrap' }, t);
}

/** 上一页/下一页：state 为 {offset, limit, hasMore 或 total}。 */
export function pager(state, go) {
  const { offset, limit } = state;
  const more = state.hasMore !== undefined ? state.hasMore : offset + limit < state.total;
  const page = Math.floor(offset / limit) + 1;
  const pages = state.total !== undefined ? Math.max(1, Math.ceil(state.total / limit)) : null;
  return h('div', { class: 'pager' },
    h('button', { class: 'secondary small', disabled: offset <= 0, onclick: () => go(Math.max(0, offset - limit)), 'data-test': 'prev' }, '上一页'),
    h('span', null, pages ? `第 ${page} / ${pages} 页` : `第 ${page} 页`),
    h('button', { class: 'secondary small', disabled: !more, onclick: () => go(offset + limit), 'data-test': 'next' }, '下一页'));
}

/** 短暂提示（成功或错误）。 */
export function toast(message, kind = 'success') {
  const t = h('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
  document.body.append(t);
  setTimeout(() => t.remove(), kind === 'error' ? 8000 : 4000);
}

/** 页面内错误提示框。 */
export function errorBox(e) {
  return h('p', { class: 'error', role: 'alert' }, e && e.message ? e.message : String(e));
}

/** 当前地址的查询参数；set() 改写地址（不新增历史记录），刷新后仍在同一处。 */
export const query = {
  get(name, dflt = '') { return new URLSearchParams(location.search).get(name) ?? dflt; },
  all() { return Object.fromEntries(new URLSearchParams(location.search)); },
  set(values) {
    const p = new URLSearchParams(location.search);
    for (const [k, v] of Object.entries(values)) {
      if (v === '' || v === null || v === undefined || v === 0 && k === 'offset') p.delete(k); else p.set(k, v);
    }
    const s = p.toString();
    history.replaceState(null, '', location.pathname + (s ? '?' + s : '') + location.hash);
  },
};

/** 表单各字段的值（空值去掉）。 */
export function formValues(form) {
  const out = {};
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim() !== '') out[k] = v.trim();
  return out;
}

export function tag(text, cls) { return h('span', { class: 'tag ' + (cls || '') }, text); }

export function link(href, text) { return h('a', { href }, text); }
