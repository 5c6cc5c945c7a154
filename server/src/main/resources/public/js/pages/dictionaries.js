// 词典与规则维护：各词典文件的词条和各检测规则文件（config/*.rules）的规则行（增、删、改，须写修改说明，记录修改人和时间），修改历史；
// 审查人员多次排除的词条作为允许列表建议（个人信息类从不列出，人名只在审查人说明“不是人名”时列出）。
import { api, ApiError } from '../lib/api.js';
import { h, fill, table, tag, pager, query, toast } from '../lib/dom.js';
import { pageHead, hasRole } from '../lib/layout.js';
import { dateTime } from '../lib/fmt.js';

export async function render(main, me) {
  const editor = hasRole(me, 'DOCUMENT_OFFICE');
  const [files, sugg] = await Promise.all([api.get('/api/v1/lists'), api.get('/api/v1/dictionaries/suggestions')]);
  const chosen = query.get('file', files.files.length ? `${files.files[0].kind}/${files.files[0].file}` : '');
  const nav = h('ul', { class: 'findings', id: 'list-files' }, files.files.map((f) => h('li', { class: `${f.kind}/${f.file}` === chosen ? 'active' : null },
    h('a', { href: '?file=' + encodeURIComponent(`${f.kind}/${f.file}`) }, f.file), ' ', h('span', { class: 'hint' }, `${f.kindTitle} · ${f.entries} 条`))));
  const pane = h('div', { id: 'list-editor' });
  fill(main, pageHead('词典与规则维护'),
    h('p', { class: 'hint' }, '修改保存后约 1 秒内生效（检测器自动重新加载，无需重启），每次修改记录修改人、时间、增删的行和说明。'
      + '保存前按检测器加载时的同样规则校验，有错误的修改不会写入，并指出出错的行。'),
    h('div', { class: 'grid sidebar' }, pane, h('div', null, h('section', { class: 'card' }, h('h2', null, '文件'), nav),
      suggestions(sugg.suggestions, editor, files.files))));
  if (chosen) await edit(pane, chosen.split('/')[0], chosen.split('/').slice(1).join('/'), editor);
}

async function edit(pane, kind, file, editor) {
  const base = `/api/v1/lists/${encodeURIComponent(kind)}/${encodeURIComponent(file)}`;
  const [c, hist] = await Promise.all([api.get(base), api.get(base + '/history')]);
  const add = [];
  const remove = [];
  const replace = [];
  const cols = c.columns;
  const rules = kind === 'rules';
  const pendingBox = h('div', { id: 'pending' });
  const commentBox = h('input', { id: 'change-comment', placeholder: '修改说明（为什么改）', maxlength: 2000 });
  const saveBtn = h('button', { id: 'save-list', disabled: true, onclick: () => save() }, '保存修改');
  function drawPending() {
    const n = add.length + remove.length + replace.length;
    saveBtn.disabled = n === 0;
    fill(pendingBox, n ? h('p', { class: 'notice' }, `待保存：新增 ${add.length}、删除 ${remove.length}、修改 ${replace.length} 条。`) : '');
  }
  async function save() {
    saveBtn.disabled = true;
    try {
      await api.put(base, { version: c.version, add, remove, replace, comment: commentBox.value.trim() || undefined });
      toast('已保存并生效。');
      setTimeout(() => location.reload(), 600);
    } catch (e) {
      toast(e instanceof ApiError ? e.message : String(e), 'error');
      saveBtn.disabled = false;
    }
  }
  const entries = c.lines.filter((l) => l.entry);
  const rows = entries.map((l) => {
    const cells = rules ? [l.text] : l.text.split('\t');
    const row = cols.map((_, i) => cells[i] || '');
    const actions = editor ? h('div', { class: 'actions' },
      h('button', { class: 'secondary small', onclick: (e) => {
        const input = h('input', { value: rules ? l.text : l.text.replace(/\t/g, ' | '), class: 'edit-line' });
        const tr = e.target.closest('tr');
        fill(tr.lastChild, input, h('button', { class: 'small', onclick: () => {
          const next = rules ? input.value.trimEnd() : toLine(input.value, cols.length);
          if (next && next !== l.text) { replace.push({ from: l.text, to: next }); tr.classList.add('mine'); drawPending(); }
        } }, '确定'));
        input.focus();
      } }, '修改'),
      h('button', { class: 'danger small', onclick: (e) => { remove.push(l.text); e.target.closest('tr').classList.add('overdue'); drawPending(); } }, '删除')) : '';
    return [...row, actions];
  });
  const newInputs = cols.map((col) => h('input', { placeholder: col, class: 'new-cell' }));
  const addForm = editor ? h('form', { class: 'filters', id: 'add-entry' }, newInputs.map((i, k) => h('label', null, cols[k], i)),
    h('button', { type: 'submit', id: 'add-entry-submit' }, '添加')) : '';
  if (editor) {
    addForm.addEventListener('submit', (e) => {
      e.preventDefault();
      // 规则文件中以空白开头的行是上一行的续行，开头的空白要保留
      const parts = newInputs.map((i) => (rules ? i.value.trimEnd() : i.value.trim()));
      if (!parts[0].trim()) return;
      const line = parts.filter((p, i) => i === 0 || p).join('\t');
      add.push(line);
      newInputs.forEach((i) => { i.value = ''; });
      drawPending();
      pendingList.append(h('li', null, line.replace(/\t/g, ' | ')));
    });
  }
  const pendingList = h('ul', { id: 'pending-adds' });
  // 词条多时分页，并可按词条筛选；页码和筛选词保存在地址中
  const PAGE = 50;
  const filter = h('input', { type: 'search', placeholder: rules ? '筛选规则' : '筛选词条', value: query.get('q'), id: 'entry-filter' });
  const tableBox = h('div');
  function drawEntries() {
    const q = filter.value.trim();
    const shown = rows.filter((r) => !q || String(r[0]).includes(q));
    const offset = Math.min(Number(query.get('offset', '0')) || 0, Math.max(0, shown.length - 1));
    fill(tableBox, table([...cols, ''], shown.slice(offset, offset + PAGE), { id: 'entries', class: rules ? 'rule-lines' : null }),
      pager({ offset, limit: PAGE, total: shown.length }, (o) => { query.set({ offset: o }); drawEntries(); }));
  }
  filter.addEventListener('input', () => { query.set({ q: filter.value.trim(), offset: '' }); drawEntries(); });
  fill(pane, 
    h('section', { class: 'card' }, h('h2', null, file, ' ', h('span', { class: 'hint' }, `${entries.length} 条 · 版本 ${c.version.slice(0, 8)}`)),
      h('p', { class: 'hint' }, rules ? FORMAT.rules : FORMAT.dictionary),
      editor ? h('div', null, addForm, pendingList, pendingBox, h('div', { class: 'actions' }, commentBox, saveBtn)) : h('p', { class: 'hint' }, '只读：由办文机构维护。'),
      h('div', { class: 'filters' }, filter), tableBox),
    h('section', { class: 'card' }, h('h2', null, '修改历史'), hist.changes.length ? table(['时间', '修改人', '新增', '删除', '说明'], hist.changes.map((x) => [
      dateTime(x.changedAt), x.actorName || x.actor, x.added.map((a) => a.replace(/\t/g, ' | ')).join('；') || '—',
      x.removed.map((a) => a.replace(/\t/g, ' | ')).join('；') || '—', x.comment || '—']), { id: 'history' }) : h('p', { class: 'hint' }, '尚无修改记录。')));
  drawEntries();
}

const FORMAT = {
  dictionary: '格式：词条<TAB>权重（0–1）[<TAB>上下文词|上下文词]；allow.txt 为允许列表（含词条但不构成问题的短语）。',
  rules: '每行一条指令：list 词表名 = 词 词 …；threshold 类别 阈值；rule 规则名 类别[:种类] 效果 [when 条件 [and 条件]…] [says "说明"]。'
    + '以空白开头的行接续上一行；新增的行加在文件末尾。写法见 config/README.md。',
};

/** 编辑框中的“词条 | 权重 | 上下文”还原为文件中的一行（制表符分隔）。 */
function toLine(v, n) {
  const parts = v.split('|').map((s) => s.trim());
  if (n === 1) return parts.join('|').trim();
  const head = parts.slice(0, 2);
  const ctx = parts.slice(2).filter(Boolean).join('|');
  return [...head, ctx].filter((p, i) => i < 2 || p).join('\t');
}

function suggestions(list, editor, files) {
  const allow = files.find((f) => f.file === 'allow.txt');
  return h('section', { class: 'card', id: 'suggestions' }, h('h2', null, '允许列表建议'),
    h('p', { class: 'hint' }, '审查人员排除多于确认的词条。身份证号、电话等个人信息从不列出；人名只在审查人说明“不是人名”时列出。'),
    list.length ? h('ul', { class: 'findings' }, list.map((s) => h('li', null,
      h('div', { class: 'head' }, h('b', null, s.text), tag(s.categoryName), h('span', { class: 'hint' }, `排除 ${s.dismissed} 次、确认 ${s.confirmed} 次，${s.documents} 件文件`)),
      s.reasons.length ? h('div', { class: 'why' }, '理由：' + s.reasons.join('；')) : null,
      editor && allow && s.detector === 'dictionary' ? h('button', { class: 'small', onclick: async (e) => {
        e.target.disabled = true;
        try {
          const base = `/api/v1/lists/${allow.kind}/allow.txt`;
          const c = await api.get(base);
          await api.put(base, { version: c.version, add: [s.text], comment: `采纳建议：审查人员排除 ${s.dismissed} 次` });
          toast(`已将“${s.text}”加入允许列表。`);
        } catch (err) { toast(err.message, 'error'); e.target.disabled = false; }
      } }, '加入允许列表') : h('div', { class: 'hint' }, s.advice)))) : h('p', { class: 'hint' }, '暂无建议。'));
}
