// 调用 JSON 接口：带会话 Cookie 与 CSRF 令牌；错误一律转为中文提示（ApiError），从不把 JSON 原样给人看。
let me = null;

/** 页面跳转后不再继续执行的信号。 */
export class Halt extends Error {}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** 当前登录用户（/api/v1/me）；未登录转登录页，须改口令转改口令页。 */
export async function session() {
  if (me) return me;
  const res = await fetch('/api/v1/me', { headers: { Accept: 'application/json' } });
  if (res.status === 401) {
    location.href = '/login?next=' + encodeURIComponent(location.pathname + location.search + location.hash);
    throw new Halt();
  }
  if (!res.ok) throw await toError(res);
  me = await res.json();
  if (me.mustChangePassword) {
    location.href = '/password';
    throw new Halt();
  }
  return me;
}

/** 从错误响应中取出中文说明（接口消息为“中文 / English”）。 */
export async function toError(res) {
  let code = 'HTTP_' + res.status;
  let message = statusText(res.status);
  try {
    const j = await res.json();
    if (j && j.error) {
      code = j.error.code || code;
      message = chinese(j.error.message) || message;
    }
  } catch (e) { /* 非 JSON 响应：用通用说明 */ }
  if (res.status === 401) {
    location.href = '/login?next=' + encodeURIComponent(location.pathname + location.search);
    throw new Halt();
  }
  if (res.status === 403 && code === 'PASSWORD_CHANGE_REQUIRED') {
    location.href = '/password';
    throw new Halt();
  }
  return new ApiError(res.status, code, message);
}

export function chinese(message) {
  return message ? String(message).split(' / ')[0] : message;
}

function statusText(s) {
  if (s === 403) return '您无权执行此操作';
  if (s === 404) return '找不到该文件或页面（可能无权查看）';
  if (s === 409) return '操作冲突：内容已被他人修改，请刷新后重试';
  if (s === 413) return '文件过大';
  if (s === 429) return '操作过于频繁，请稍后再试';
  if (s >= 500) return '服务器暂时无法完成请求，请稍后重试';
  return '请求失败（' + s + '）';
}

async function request(method, url, body) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin' };
  if (method !== 'GET') {
    const m = await session();
    headers['X-CSRF-Token'] = m.csrfToken || '';
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
  }
  let res;
  try {
    res = await fetch(url, init);
  } catch (e) {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return null;
  const type = res.headers.get('Content-Type') || '';
  return type.includes('json') ? res.json() : res.text();
}

export const api = {
  get: (url) => request('GET', url),
  post: (url, body) => request('POST', url, body === undefined ? {} : body),
  put: (url, body) => request('PUT', url, body),
  patch: (url, body) => request('PATCH', url, body),
  del: (url) => request('DELETE', url),
  /** GET that answers null for 404 instead of failing (an endpoint or item that may not exist). */
  async maybe(url) {
    try {
      return await request('GET', url);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return null;
      throw e;
    }
  },
};

/** 上传一个文件（multipart），onProgress(已发送, 总数) 报告进度；XMLHttpRequest 才有上传进度。 */
export async function upload(url, form, onProgress) {
  const m = await session();
  return new Promise((resolve, reject) => {
    const x = new XMLHttpRequest();
    x.open('POST', url);
    x.setRequestHeader('X-CSRF-Token', m.csrfToken || '');
    x.setRequestHeader('Accept', 'application/json');
    x.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded, e.total); };
    x.onerror = () => reject(new ApiError(0, 'NETWORK', '上传中断：无法连接服务器'));
    x.onload = () => {
      let j = null;
      try { j = JSON.parse(x.responseText); } catch (e) { /* 非 JSON */ }
      if (x.status >= 200 && x.status < 300) resolve(j);
      else reject(new ApiError(x.status, j && j.error ? j.error.code : 'HTTP_' + x.status,
        j && j.error ? chinese(j.error.message) : statusText(x.status)));
    };
    x.send(form);
  });
}

/**
 * 下载接口生成的文件：先取回再保存，出错时给中文提示而不是打开一页 JSON。
 */
export async function download(url, fallbackName) {
  const res = await fetch(url, { headers: { Accept: '*/*' }, credentials: 'same-origin' });
  if (!res.ok) throw await toError(res);
  const blob = await res.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName(res.headers.get('Content-Disposition')) || fallbackName;
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

function fileName(disposition) {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1] : null;
}
