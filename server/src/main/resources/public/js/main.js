// 工作台入口：每个页面一个地址（刷新、收藏都回到原处），按 <body data-page> 载入该页的模块。
import { session, Halt } from './lib/api.js';
import { header } from './lib/layout.js';
import { errorBox, fill } from './lib/dom.js';

const CURRENT = { home: '/', upload: '/upload', document: null, queues: '/queues', queue: '/queues', review: '/queues', search: '/search',
  returned: '/office/returned', register: '/register', statistics: '/statistics', dictionaries: '/dictionaries', users: '/admin/users',
  audit: '/admin/audit', system: '/admin/system' };

async function start() {
  const page = document.body.dataset.page;
  const main = document.getElementById('main');
  try {
    const me = await session();
    header(me, CURRENT[page]);
    const mod = await import(`./pages/${page}.js`);
    await mod.render(main, me);
  } catch (e) {
    if (e instanceof Halt) return;
    fill(main, errorBox(e));
  }
}

start();
