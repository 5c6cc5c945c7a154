// 条形图（SVG，由脚本绘制，不依赖外部库，符合内容安全策略）。
const NS = 'http://www.w3.org/2000/svg';

function el(tag, attrs, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** 横向条形图：data 为 {名称: 数量}。 */
export function barChart(title, data, opts = {}) {
  const entries = Object.entries(data);
  const max = Math.max(1, ...entries.map(([, v]) => v));
  const row = 26;
  const label = opts.labelWidth || 120;
  const width = 400;
  const height = Math.max(row, entries.length * row) + 10;
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title });
  svg.append(el('title', {}, title));
  entries.forEach(([k, v], i) => {
    const y = i * row + 4;
    const w = Math.round((width - label - 60) * v / max);
    const fit = Math.floor((label - 10) / 12); // CJK characters that fit before the axis
    const t = el('text', { x: label - 8, y: y + 15, 'text-anchor': 'end' }, k.length > fit ? k.slice(0, fit - 1) + '…' : k);
    t.append(el('title', {}, k));
    svg.append(t);
    svg.append(el('rect', { x: label, y, width: Math.max(w, v ? 2 : 0), height: row - 8, class: 'bar' + (opts.alt ? ' alt' : ''), rx: 2 }));
    svg.append(el('text', { x: label + w + 6, y: y + 15 }, String(v)));
  });
  svg.append(el('line', { x1: label, y1: 0, x2: label, y2: height, class: 'axis' }));
  return svg;
}

/** 纵向柱状图（如按月）：data 为 {名称: 数量}。 */
export function columnChart(title, data) {
  const entries = Object.entries(data);
  const max = Math.max(1, ...entries.map(([, v]) => v));
  const width = 400;
  const height = 200;
  const base = height - 24;
  const step = (width - 20) / Math.max(1, entries.length);
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title });
  svg.append(el('title', {}, title));
  entries.forEach(([k, v], i) => {
    const hgt = Math.round((base - 20) * v / max);
    const x = 10 + i * step + step * 0.15;
    svg.append(el('rect', { x, y: base - hgt, width: step * 0.7, height: hgt, class: 'bar', rx: 2 }));
    svg.append(el('text', { x: x + step * 0.35, y: base - hgt - 4, 'text-anchor': 'middle' }, v ? String(v) : ''));
    svg.append(el('text', { x: x + step * 0.35, y: height - 6, 'text-anchor': 'middle' }, k));
  });
  svg.append(el('line', { x1: 10, y1: base, x2: width - 10, y2: base, class: 'axis' }));
  return svg;
}
