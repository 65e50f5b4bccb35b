// The portal's own script (no inline script, so the page runs under a strict CSP): lists the
// judicial offices of each county from the Sifa server's public org procedures, and offers the
// page's language and display switches (the embedded widgets follow both).
const sifaScript = document.querySelector('script[src$="/embed.js"]');
const sifaOrigin = new URL(sifaScript.src).origin;
const publishableKey = sifaScript.dataset.sifaKey;

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

async function showCounty(code) {
  status.textContent = '正在加载…';
  list.replaceChildren();
  try {
    const offices = await call('platform.org.children', { code });
    for (const office of offices) {
      const li = document.createElement('li');
      li.textContent = office.name.zh;
      const span = document.createElement('span');
      span.className = 'code';
      span.textContent = office.code;
      li.append(span);
      list.append(li);
    }
    status.textContent = `共 ${offices.length} 个司法所`;
  } catch (error) {
    status.textContent = `加载失败：${error.message}`;
  }
}

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
    for (const el of document.querySelectorAll('sifa-diary, sifa-cases, sifa-apply, sifa-legal-map, sifa-vr-viewer, sifa-score-card, sifa-plan-board, sifa-warnings, sifa-notifications, sifa-dashboard')) el.setAttribute('theme', button.dataset.theme);
    for (const b of document.querySelectorAll('[data-theme]')) b.setAttribute('aria-pressed', String(b === button));
  });
}

try {
  const counties = await call('platform.org.children', { code: '1504' });
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
