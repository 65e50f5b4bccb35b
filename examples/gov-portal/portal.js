// The portal's own script (no inline script, so the page runs under a strict CSP): the office
// directory (each county's judicial offices with the townships each serves, and "which office
// serves my township?") from the Sifa server's public org procedures, and the page's language and
// display switches (the embedded widgets follow both).
const sifaScript = document.querySelector('script[src$="/embed.js"]');
const sifaOrigin = new URL(sifaScript.src).origin;
const publishableKey = sifaScript.dataset.sifaKey;
const city = '1504';

const countySelect = document.getElementById('county');
const list = document.getElementById('office-list');
const status = document.getElementById('directory-status');

async function call(path, input) {
  // Another origin than the portal's: a publishable key that lists this portal's origin.
  const res = await fetch(`${sifaOrigin}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { 'x-sifa-locale': 'zh-CN', 'x-sifa-key': publishableKey },
  });
  const body = await res.json();
  if (body.error) throw new Error(body.error.message);
  return body.result.data;
}

const element = (tag, className, text) => {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
};

/** A county's offices, each with the townships it serves (one office may serve several). */
async function showCounty(code) {
  status.textContent = '正在加载…';
  list.replaceChildren();
  try {
    const [offices, townships] = await Promise.all([call('platform.org.children', { code }), call('platform.org.divisions', { county: code })]);
    for (const office of offices) {
      const li = element('li');
      li.id = `office-${office.code}`;
      li.tabIndex = -1;
      li.append(element('span', 'name', office.name.zh), element('span', 'code', office.code));
      const served = townships.filter((t) => t.office.code === office.code).map((t) => t.name.zh);
      li.append(element('span', 'serves', served.length > 0 ? `服务：${served.join('、')}` : '暂无服务的乡镇（街道）'));
      list.append(li);
    }
    const several = offices.filter((o) => townships.filter((t) => t.office.code === o.code).length > 1).length;
    status.textContent = `共 ${offices.length} 个司法所，服务 ${townships.length} 个乡镇（街道）${several > 0 ? `，其中 ${several} 个司法所服务多个乡镇` : ''}`;
  } catch (error) {
    status.textContent = `加载失败：${error.message}`;
  }
}

/** Shows an office in the directory: its county's list, the office marked and focused. */
async function showOffice(countyCode, officeCode) {
  countySelect.value = countyCode;
  await showCounty(countyCode);
  const li = document.getElementById(`office-${officeCode}`);
  if (!li) return;
  for (const other of list.querySelectorAll('.found')) other.classList.remove('found');
  li.classList.add('found');
  li.focus();
}

// "Which office serves my township?": townships and villages by name or code, with the office serving each.
const lookup = document.getElementById('township-lookup');
const lookupInput = document.getElementById('township-q');
const lookupStatus = document.getElementById('lookup-status');
const lookupResults = document.getElementById('lookup-results');
lookup.addEventListener('submit', async (event) => {
  event.preventDefault();
  const q = lookupInput.value.trim();
  lookupResults.replaceChildren();
  if (!q) {
    lookupStatus.textContent = '请输入乡镇（街道）或村（社区）的名称。';
    lookupInput.focus();
    return;
  }
  lookupStatus.textContent = '正在查找…';
  try {
    const found = await call('platform.org.findDivisions', { q, within: city, limit: 10 });
    for (const match of found) {
      const li = element('li');
      const place = match.division.level === 'village' ? `${match.division.name.zh}（${match.township.name.zh}，${match.county.name.zh}）` : `${match.division.name.zh}（${match.county.name.zh}）`;
      li.append(element('strong', '', place), document.createTextNode(' 由 '), element('strong', '', match.office.name.zh), document.createTextNode(' 服务 '));
      const show = element('button', '', '在名录中查看');
      show.type = 'button';
      show.addEventListener('click', () => void showOffice(match.county.code, match.office.code));
      li.append(show);
      lookupResults.append(li);
    }
    lookupStatus.textContent = found.length > 0 ? `找到 ${found.length} 个乡镇（街道）、村（社区）` : `没有找到“${q}”。请检查名称，或在下方按旗县区查看。`;
  } catch (error) {
    lookupStatus.textContent = `查找失败：${error.message}`;
  }
});

// Language and display: the page's lang (widgets follow it) and the widgets' theme attribute.
for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => {
    document.documentElement.lang = button.dataset.lang;
    for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b === button));
  });
}
for (const button of document.querySelectorAll('[data-theme]')) {
  button.addEventListener('click', () => {
    document.body.dataset.theme = button.dataset.theme;
    for (const el of document.querySelectorAll('sifa-diary, sifa-cases, sifa-apply, sifa-legal-map, sifa-vr-viewer, sifa-score-card, sifa-plan-board, sifa-warnings, sifa-notifications, sifa-dashboard, sifa-correction-caseload, sifa-correction-plan')) el.setAttribute('theme', button.dataset.theme);
    for (const b of document.querySelectorAll('[data-theme]')) b.setAttribute('aria-pressed', String(b === button));
  });
}

try {
  const counties = await call('platform.org.children', { code: city });
  countySelect.replaceChildren(
    ...counties.map((c) => {
      const option = document.createElement('option');
      option.value = c.code;
      option.textContent = c.name.zh;
      return option;
    }),
  );
  countySelect.disabled = false;
  countySelect.addEventListener('change', () => showCounty(countySelect.value));
  if (counties[0]) await showCounty(counties[0].code);
} catch (error) {
  countySelect.replaceChildren(new Option('无法加载'));
  status.textContent = `加载失败：${error.message}。请先运行 npm start（含演示数据）。`;
}

// Online applications: the citizen picks what to apply for; the widget shows that form.
const applyKind = document.getElementById('apply-kind');
applyKind.addEventListener('change', () => document.querySelector('sifa-apply').setAttribute('type', applyKind.value));

// VR tours: a picker over the published tours; the map's "VR tour" link opens the tour here.
const viewer = document.querySelector('sifa-vr-viewer');
const tourPicker = document.getElementById('tour-picker');
function showTour(tourId) {
  viewer.setAttribute('tour', tourId);
  viewer.removeAttribute('version');
  tourPicker.value = tourId;
}
tourPicker.addEventListener('change', () => showTour(tourPicker.value));
document.querySelector('sifa-legal-map').addEventListener('sifa-map-tour', (event) => {
  event.preventDefault();
  showTour(event.detail.tourId);
  document.getElementById('vr').scrollIntoView({ behavior: 'smooth' });
  viewer.focus();
});
try {
  const tours = await call('tours.list', {});
  tourPicker.replaceChildren(
    ...tours.map((tour) => {
      const option = document.createElement('option');
      option.value = tour.id;
      option.textContent = tour.title.zh;
      return option;
    }),
  );
  tourPicker.disabled = false;
  if (tours[0]) showTour(tours[0].id);
} catch (error) {
  tourPicker.replaceChildren(new Option(`加载失败：${error.message}`));
}
