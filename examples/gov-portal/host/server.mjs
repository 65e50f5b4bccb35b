#!/usr/bin/env node
/**
 * The demo portal's own backend (DEMO: a stand-in for a city justice bureau's web site).
 * A government portal is its own site on its own origin; Sifa Kit is embedded into it:
 *
 *   - serves the portal pages with a strict CSP (the Sifa server's origin allowed for scripts and
 *     connections, nothing inline),
 *   - signs a portal user in (demo identities, cookie session) and maps them to a judicial-office
 *     role and org (what a real portal reads from its own user directory / SSO),
 *   - `POST /portal-api/embed-token`: mints a short-lived embed token for the signed-in user
 *     through the Sifa server with its SECRET key (`mintEmbedToken` from @sifa/server); the
 *     secret never reaches the browser. `<script src=".../embed.js" data-sifa-token-url=…>` calls it.
 *
 * Plain node:http, no framework: `createPortalHost(options)` for tests, `node host/server.mjs`
 * for `npm start` (settings from the environment, see main() below).
 */
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mintEmbedToken } from '@sifa/server';
import { demoPortalUsers, findPortalUser } from './users.mjs';

const siteDir = fileURLToPath(new URL('..', import.meta.url));
const sessionCookie = 'portal_session';
const sessionTtlMs = 60 * 60_000;
const assets = { '/portal.js': 'text/javascript; charset=utf-8', '/portal.css': 'text/css; charset=utf-8' };

const escapeHtml = (value) =>
  String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/**
 * @param {{
 *   port?: number; host?: string;
 *   sifaUrl: string;              // the Sifa server as the browser reaches it (embed.js, /trpc)
 *   sifaInternalUrl?: string;     // as this backend reaches it (default: sifaUrl)
 *   secretKey: string;            // sk_… for minting (stays here)
 *   publishableKey: string;       // pk_… for public widgets and the office directory
 *   publicUrl?: string;           // this portal's origin as browsers see it (default: http://host:port)
 *   tokenTtlSeconds?: number;
 *   log?: (line: string) => void;
 * }} options
 */
export async function createPortalHost(options) {
  const sifaOrigin = new URL(options.sifaUrl).origin;
  const sessions = new Map();
  const log = options.log ?? ((line) => console.log(line));
  let ownOrigin = options.publicUrl ? new URL(options.publicUrl).origin : '';

  const csp = [
    "default-src 'self'",
    `script-src 'self' ${sifaOrigin}`,
    "style-src 'self'",
    `connect-src 'self' ${sifaOrigin}`,
    // The legal map's worker (maplibre starts it from a one-line blob: module importing the
    // worker file from the Sifa origin) and the VR viewer's flat previews: see the widgets' READMEs.
    `worker-src blob: ${sifaOrigin}`,
    `img-src 'self' data: blob: ${sifaOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

  const sessionOf = (req) => {
    const id = (req.headers.cookie ?? '').split(/;\s*/).find((c) => c.startsWith(`${sessionCookie}=`))?.slice(sessionCookie.length + 1);
    const session = id ? sessions.get(id) : undefined;
    if (!session) return null;
    if (session.expires < Date.now()) {
      sessions.delete(id);
      return null;
    }
    return { id, ...session };
  };

  /** State-changing requests must come from our own pages (the cookie is SameSite=Lax too). */
  const fromOwnPage = (req) => {
    const origin = req.headers.origin;
    return origin === undefined || origin === ownOrigin;
  };

  const readForm = async (req) => {
    let body = '';
    for await (const chunk of req) {
      body += chunk;
      if (body.length > 4096) throw new Error('form too large');
    }
    return new URLSearchParams(body);
  };

  const renderPage = async (user) => {
    const template = await readFile(join(siteDir, 'index.html'), 'utf8');
    const account = user
      ? `<sifa-notifications align="end"></sifa-notifications>
        <p class="account-name">已登录：<strong>${escapeHtml(user.displayName)}</strong>（${escapeHtml(user.title)}）</p>
        <form method="post" action="/portal-api/logout"><button type="submit">退出登录</button></form>`
      : `<form method="post" action="/portal-api/login" class="login">
          <label for="portal-user">演示身份</label>
          <select id="portal-user" name="user">${demoPortalUsers.map((u) => `<option value="${escapeHtml(u.id)}">${escapeHtml(u.displayName)} · ${escapeHtml(u.title)}</option>`).join('')}</select>
          <button type="submit">登录（演示）</button>
        </form>`;
    const diary = user
      ? `<p class="hint">${escapeHtml(user.displayName)} 的工作日志（${escapeHtml(user.orgName)}）。数据保存在 Sifa Kit 服务器上；本门户只为已登录用户换取短期嵌入令牌。</p>
        <sifa-diary org-code="${escapeHtml(user.diaryOrgCode)}"></sifa-diary>`
      : '<p class="hint">请先在页首以演示身份登录，再填报工作日志。</p>';
    // Case files of the casework plugins (one widget, any case type): offices record and take steps, a county or the city reads them, parties' data masked.
    const cases = user
      ? `<p class="hint">${escapeHtml(user.orgName)} 的案卷：人民调解案件、法律咨询记录、合法性审核、行政复议申请转递和法律援助申请接收转交。司法所工作人员登记并办理每一步；县级、市级管理员查看所辖单位的案卷（当事人信息按规定隐去）。</p>
        <div class="cases">
          <sifa-cases type="mediation.case" org-code="${escapeHtml(user.orgCode)}"></sifa-cases>
          <sifa-cases type="consultation.record" org-code="${escapeHtml(user.orgCode)}"></sifa-cases>
          <sifa-cases type="legality-review.case" org-code="${escapeHtml(user.orgCode)}"></sifa-cases>
          <sifa-cases type="applications.reconsideration" org-code="${escapeHtml(user.orgCode)}"></sifa-cases>
          <sifa-cases type="applications.legal-aid" api="applications.legalAid" org-code="${escapeHtml(user.orgCode)}"></sifa-cases>
        </div>`
      : '<p class="hint">请先在页首以演示身份登录，再登记或查看人民调解、法律咨询、合法性审核、行政复议转递和法律援助申请案卷。</p>';
    // Scores, plans and warnings are computed from the diaries (demo history seeded for the last 12 months).
    const year = String(new Date().getFullYear());
    const management = user
      ? `<p class="hint">${escapeHtml(user.orgName)}：考核得分（示范标准，数据来自工作日志）、工作规划进度与提醒督办记录、预警处置。新通知实时出现在页首的铃铛中。</p>
        <div class="management">
          <sifa-score-card org-code="${escapeHtml(user.orgCode)}" period="${year}"></sifa-score-card>
          <sifa-plan-board org-code="${escapeHtml(user.orgCode)}" period="${year}"></sifa-plan-board>
          <sifa-warnings org-code="${escapeHtml(user.orgCode)}"></sifa-warnings>
        </div>
        <p class="hint">本局自建模块（examples/village-advisers，一个不在 Sifa Kit 内的插件）：村（居）法律顾问服务登记。</p>
        <sifa-village-advisers-list org-code="${escapeHtml(user.orgCode)}"></sifa-village-advisers-list>`
      : '<p class="hint">请先在页首以演示身份登录（县级管理员或市级管理员可查看所辖单位的排名与预警）。</p>';
    // Community correction: the office's or county's caseload; choosing a person opens their plan beside it (the plan follows the caseload's selection).
    const correction = user && user.role !== 'city_admin'
      ? `<p class="hint">${escapeHtml(user.orgName)} 的社区矫正在册人员与主要指标（脱管、漏管应为 0）；选择一名矫正对象查看其矫正方案（档案条件、措施及依据、任务、月度考核）。县级只看到隐去个人信息的档案。</p>
        <div class="correction">
          <sifa-correction-caseload org-code="${escapeHtml(user.orgCode)}"></sifa-correction-caseload>
          <sifa-correction-plan></sifa-correction-plan>
        </div>`
      : '<p class="hint">请先在页首以司法所工作人员或县级管理员的演示身份登录。</p>';
    // Every figure comes from the facts (the demo diary history and the warnings); 大屏 = big-screen mode.
    const dashboard = user
      ? `<p class="hint">${escapeHtml(user.orgName)} 的数据统计（示范数据入口）：点击旗县区、柱条或排名逐级下钻，直至背后的工作日志；可导出 Excel / CSV，可切换“大屏”模式。</p>
        <sifa-dashboard org-code="${escapeHtml(user.orgCode)}" period="${year}"></sifa-dashboard>`
      : '<p class="hint">请先在页首以演示身份登录（市级管理员可查看全市，县级管理员查看本旗县区）。</p>';
    return template
      .replaceAll('{{sifaOrigin}}', escapeHtml(sifaOrigin))
      .replaceAll('{{publishableKey}}', escapeHtml(options.publishableKey))
      // Only a signed-in user has a token source (nobody else could get a token anyway).
      .replace('{{tokenUrlAttribute}}', user ? ' data-sifa-token-url="/portal-api/embed-token"' : '')
      .replace('<!-- portal:account -->', account)
      .replace('<!-- portal:diary -->', diary)
      .replace('<!-- portal:cases -->', cases)
      .replace('<!-- portal:management -->', management)
      .replace('<!-- portal:correction -->', correction)
      .replace('<!-- portal:dashboard -->', dashboard);
  };

  const send = (res, status, headers, body) => {
    res.writeHead(status, { 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin', ...headers });
    res.end(body);
  };
  const json = (res, status, body) => send(res, status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, JSON.stringify(body));

  const handle = async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://portal.invalid');
    const session = sessionOf(req);

    if (req.method === 'GET' && (pathname === '/' || pathname === '/index.html')) {
      const user = session ? findPortalUser(session.userId) : null;
      return send(res, 200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp, 'cache-control': 'no-store' }, await renderPage(user));
    }
    if (req.method === 'GET' && pathname in assets) {
      return send(res, 200, { 'content-type': assets[pathname], 'cache-control': 'no-cache' }, await readFile(join(siteDir, pathname.slice(1))));
    }
    if (req.method === 'GET' && pathname === '/favicon.ico') return send(res, 204, {}, '');

    if (req.method === 'POST' && pathname === '/portal-api/login') {
      if (!fromOwnPage(req)) return send(res, 403, { 'content-type': 'text/plain; charset=utf-8' }, 'forbidden');
      const user = findPortalUser((await readForm(req)).get('user') ?? '');
      if (!user) return send(res, 400, { 'content-type': 'text/plain; charset=utf-8' }, '未知的演示身份 / unknown demo identity');
      if (session) sessions.delete(session.id);
      const id = randomBytes(32).toString('base64url');
      sessions.set(id, { userId: user.id, expires: Date.now() + sessionTtlMs });
      log(`[portal] signed in ${user.id} (${user.role} @ ${user.orgCode})`);
      return send(res, 303, { location: '/#diary', 'set-cookie': `${sessionCookie}=${id}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${sessionTtlMs / 1000}` }, '');
    }
    if (req.method === 'POST' && pathname === '/portal-api/logout') {
      if (!fromOwnPage(req)) return send(res, 403, { 'content-type': 'text/plain; charset=utf-8' }, 'forbidden');
      if (session) sessions.delete(session.id);
      return send(res, 303, { location: '/', 'set-cookie': `${sessionCookie}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0` }, '');
    }
    if (req.method === 'POST' && pathname === '/portal-api/embed-token') {
      if (!fromOwnPage(req)) return json(res, 403, { error: 'forbidden' });
      const user = session ? findPortalUser(session.userId) : null;
      if (!user) return json(res, 401, { error: '请先登录门户 / sign in to the portal first' });
      try {
        const token = await mintEmbedToken({
          endpoint: options.sifaInternalUrl ?? options.sifaUrl,
          secretKey: options.secretKey,
          user: { id: `portal:${user.id}`, displayName: user.displayName },
          role: user.role,
          orgCode: user.orgCode,
          ttlSeconds: options.tokenTtlSeconds ?? 600,
        });
        return json(res, 200, token);
      } catch (error) {
        log(`[portal] minting an embed token failed: ${error instanceof Error ? error.message : String(error)}`);
        return json(res, 502, { error: 'embed token unavailable' });
      }
    }
    return send(res, 404, { 'content-type': 'text/plain; charset=utf-8' }, 'not found');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      log(`[portal] ${req.method} ${req.url} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) send(res, 500, { 'content-type': 'text/plain; charset=utf-8' }, 'internal error');
      else res.destroy();
    });
  });

  return {
    /** Starts listening; resolves with this portal's URL. */
    async listen() {
      const host = options.host ?? '127.0.0.1';
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, host, resolve);
      });
      const url = `http://${host}:${server.address().port}`;
      ownOrigin ||= url;
      return url;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * `npm start` runs this beside the Sifa server (scripts/bootstrap.mjs provisions the keys):
 * PORT (portal, default 3000), SIFA_URL, SIFA_SECRET_KEY, SIFA_PUBLISHABLE_KEY, PORTAL_URL.
 */
async function main() {
  const need = (name) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set (npm start sets it; see examples/gov-portal/README.md)`);
    return value;
  };
  const port = Number(process.env.PORT ?? 3000);
  const host = await createPortalHost({
    port,
    host: process.env.HOST ?? '127.0.0.1',
    sifaUrl: need('SIFA_URL'),
    secretKey: need('SIFA_SECRET_KEY'),
    publishableKey: need('SIFA_PUBLISHABLE_KEY'),
    publicUrl: process.env.PORTAL_URL,
  });
  const url = await host.listen();
  console.log(`Demo portal (host site) serving ${process.env.PORTAL_URL ?? url} — widgets from ${process.env.SIFA_URL}`);
  const stop = () => host.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

