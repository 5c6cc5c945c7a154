// 北京时间与中文标签：日期写作 2026年12月7日，时间 2026年12月7日 14:05。
const PARTS = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

function parts(d) {
  const o = {};
  for (const p of PARTS.formatToParts(d)) o[p.type] = p.value;
  return o;
}

/** 日期（"2026-12-07"、带时区的时间或 Date）→ 2026年12月7日（北京时间）。 */
export function date(v) {
  if (!v) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) return `${+m[1]}年${+m[2]}月${+m[3]}日`;
  const p = parts(new Date(v));
  return `${p.year}年${+p.month}月${+p.day}日`;
}

/** 时间 → 2026年12月7日 14:05（北京时间）。 */
export function dateTime(v) {
  if (!v) return '—';
  const p = parts(new Date(v));
  return `${p.year}年${+p.month}月${+p.day}日 ${p.hour}:${p.minute}`;
}

/** 时刻 → 14:05（北京时间）。 */
export function time(v) {
  const p = parts(new Date(v));
  return `${p.hour}:${p.minute}`;
}

/** 北京时间今天，yyyy-MM-dd。 */
export function today() {
  const p = parts(new Date());
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** 期限说明：剩几个工作日、今天到期或已超期几个工作日。 */
export function deadline(item) {
  if (!item || !item.deadline) return '—';
  const d = date(item.deadline);
  if (item.overdue) return `${d}（已超期 ${-item.workingDaysLeft} 个工作日）`;
  if (item.workingDaysLeft === 0) return `${d}（今天到期）`;
  return `${d}（剩 ${item.workingDaysLeft} 个工作日）`;
}

export const ROUTE = { RETURNED: '退回起草单位', SECRECY_REVIEW: '保密审查', DISCLOSURE_REVIEW: '区分处理审查',
  PUBLICATION_REVIEW: '发布审核（三级审核）', REGISTERED: '登记备案', MANUAL_REVIEW: '人工审查' };
export const ATTR = { PUBLIC: '主动公开', ON_REQUEST: '依申请公开', NOT_PUBLIC: '不予公开', PARTIAL: '部分公开', NONE: '未标注' };
export const PART = { BODY: '正文', TABLE: '表格', HEADER: '页眉', FOOTER: '页脚', COMMENT: '批注', TRACKED_INSERTION: '修订（插入）',
  TRACKED_DELETION: '修订（删除）', HIDDEN: '隐藏文字', METADATA: '文档属性', ATTACHMENT: '附件与嵌入对象', IMAGE: '图片文字（OCR）' };
export const QUEUE = { SECRECY_REVIEW: '保密审查', DISCLOSURE_REVIEW: '区分处理审查', PUBLICATION_REVIEW: '发布审核（三级审核）',
  MANUAL_REVIEW: '人工审查', RETURNED: '退回起草单位（办文机构）', REGISTERED: '登记备案', AUTHORITY_REVIEW: '报上级/保密工作部门审查' };
export const SEV = { BLOCKER: '阻断', HIGH: '高', MEDIUM: '中', LOW: '低', INFO: '提示' };
export const STATE = { PROCESSING: '检查中', OPEN: '审核中', PUBLISHED: '已公开', REGISTERED: '已登记备案', RETURNED: '已退回' };
export const ACTION = { APPROVE: '通过', RETURN: '退回起草单位', ESCALATE: '需报审', REDACT: '区分处理（部分公开）', REGISTER: '登记备案（不公开）',
  RELEASE: '释放认领', CLAIMED: '认领', QUEUED: '进入队列', RECEIVED: '收到文件', PROCESSING: '开始检查', CHECKED: '检查完成' };
export const ROLE = { DRAFTER: '起草人', DOCUMENT_OFFICE: '办文机构', SECRECY_REVIEWER: '保密审查员', APPROVER: '审核领导',
  AUDITOR: '安全审计员', SECURITY_ADMIN: '安全保密管理员', SYSTEM_ADMIN: '系统管理员', SYSTEM: '系统' };

/** 发现类别 → 高亮色组。 */
const GROUP = {
  SECRECY_MARKING: 'secret', SECRET_CONTENT: 'secret', STABILITY: 'secret', INTERNAL_MARKING: 'exempt',
  ID_NUMBER: 'personal', PHONE_NUMBER: 'personal', BANK_CARD: 'personal', EMAIL: 'personal', PERSON_NAME: 'personal', ADDRESS: 'personal',
  PASSPORT: 'personal', LICENSE_PLATE: 'personal', TRADE_SECRET: 'personal',
  INTERNAL_AFFAIRS: 'exempt', PROCESS_INFO: 'exempt', ENFORCEMENT_CASE: 'exempt',
  HIDDEN_CONTENT: 'hidden', FORMAT: 'format', INTERPRETATION_MISSING: 'attribute',
  ATTRIBUTE_MISSING: 'attribute', ATTRIBUTE_REASON_MISSING: 'attribute', ATTRIBUTE_CONFLICT: 'attribute', ATTRIBUTE_MISMATCH: 'attribute',
};
export const GROUPS = { secret: '涉密与“三安全一稳定”', personal: '个人信息与商业秘密', exempt: '工作秘密、内部事务、过程性信息',
  hidden: '隐藏内容', attribute: '公开属性', format: '格式' };
export function group(category) { return GROUP[category] || 'format'; }

export function fileSize(n) {
  if (n < 1024) return n + ' 字节';
  if (n < 1024 * 1024) return (n / 1024).toFixed(1) + ' KB';
  return (n / 1024 / 1024).toFixed(1) + ' MB';
}

/** 办理记录说明中的 ISO 时间与日期改写为北京时间的中文写法。 */
export function humanize(text) {
  if (!text) return text;
  return String(text)
    .replace(/ \/ [A-Za-z][^；]*/g, '') // the English half of a bilingual note
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})/g, (m) => dateTime(m))
    .replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m, y, mo, d) => `${+y}年${+mo}月${+d}日`);
}
