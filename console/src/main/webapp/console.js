'use strict';
// The farm console page: lists from /console/api, live updates from /console/api/events (server-sent events).
(() => {
  const STATES = ['ONLINE', 'PRINTER_OFFLINE', 'SUSPENDED', 'REVOKED', 'INVALID_CREDENTIALS', 'UNKNOWN'];
  const PLATFORMS = {OCTOPRINT: 'OctoPrint', MOONRAKER: 'Klipper (Moonraker)', OTHER: 'Printer without OctoPrint or Moonraker',
    UNKNOWN: 'Unknown platform'};
  const FEATURES = {LIGHT: 'lights', AXIS_MOVEMENT: 'axis moves', HOMING: 'homing', EXTRUSION: 'extrusion',
    TEMPERATURE: 'temperatures', PRINT_START: 'printing files'};
  const printers = new Map();
  let csrf = '';
  let filter = 'ALL';
  let countsTimer = null;

  const $ = (selector, root = document) => root.querySelector(selector);

  async function api(path, options = {}) {
    const headers = Object.assign({'X-Console-Page': '1', 'X-CSRF-Token': csrf}, options.headers || {});
    const response = await fetch('api/' + path, Object.assign({}, options, {headers, credentials: 'same-origin'}));
    if (response.status === 401) {
      location.href = 'login.html';
      throw new Error('logged out');
    }
    const text = await response.text();
    const body = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = body && body.error ? body.error : {message: response.statusText};
      throw new Error(error.message + (error.code ? ' (' + error.code + ')'
          : error.printerStatus ? ' (HTTP ' + error.printerStatus + ')' : ''));
    }
    return body;
  }

  function say(card, text, ok) {
    const message = $('.message', card);
    message.textContent = text;
    message.classList.toggle('ok', !!ok);
  }

  function number(value, digits) {
    return value === null || value === undefined ? '–' : Number(value).toFixed(digits);
  }

  function heater(label, t) {
    return t ? label + ' ' + number(t.actual, 1) + '/' + number(t.target, 0) + ' °C' : '';
  }

  function cardFor(p) {
    let card = document.querySelector('article.printer[data-id="' + CSS.escape(p.id) + '"]');
    if (card) {
      return card;
    }
    card = $('#printer-card').content.firstElementChild.cloneNode(true);
    card.dataset.id = p.id;
    const base = 'webcam/' + encodeURIComponent(p.id);
    $('.stream', card).href = base + '/stream';
    const thumb = $('.thumb', card);
    thumb.addEventListener('load', () => { thumb.hidden = false; });
    thumb.addEventListener('error', () => { thumb.hidden = true; });
    card.querySelectorAll('button[data-action]').forEach(b => b.addEventListener('click', () => act(card, b.dataset.action)));
    $('.upload-print', card).addEventListener('click', () => upload(card));
    const controls = $('.controls', card);
    controls.addEventListener('toggle', () => { if (controls.open) loadControls(card); });
    $('#printers').appendChild(card);
    return card;
  }

  function renderPrinter(p) {
    printers.set(p.id, p);
    const card = cardFor(p);
    card.dataset.state = p.state;
    $('.name', card).textContent = p.name;
    const state = $('.state', card);
    state.textContent = p.state.replace(/_/g, ' ').toLowerCase();
    state.className = 'state ' + p.state;
    $('.statusText', card).textContent = p.statusText || '';
    $('.route', card).textContent = p.route === 'LAN' ? 'via LAN' : 'via OctoEverywhere';
    const remedy = $('.remedy', card);
    remedy.hidden = !p.remedy;
    if (p.remedy) {
      $('.remedy-text', card).textContent = p.remedy.text;
      const link = $('.remedy-link', card);
      link.hidden = !p.remedy.url;
      if (p.remedy.url) link.href = p.remedy.url;
      $('.remedy-reconnect', card).hidden = p.remedy.action !== 'reconnect';
    }
    const reachable = p.state === 'ONLINE';
    const text = p.statusText || '';
    const printing = reachable && /^Printing/.test(text);
    const paused = reachable && /^Paus/.test(text);
    $('[data-action="pause"]', card).hidden = !printing;
    $('[data-action="resume"]', card).hidden = !paused;
    $('[data-action="cancel"]', card).hidden = !(printing || paused);
    $('[data-action="live-link"]', card).hidden = !reachable;
    $('.stream', card).hidden = !reachable;
    $('.controls', card).hidden = !reachable;
    $('[data-action="api-key"]', card).hidden = p.hasOctoPrintApiKey || p.state === 'REVOKED' || p.state === 'INVALID_CREDENTIALS';
    const job = p.job;
    const active = job && job.file;
    $('.job', card).hidden = !active;
    if (active) {
      $('.job-file', card).textContent = job.file;
      const progress = job.progress === null ? 0 : job.progress;
      $('.job-progress', card).value = progress;
      $('.job-progress', card).dataset.progress = String(progress);
      $('.job-progress-text', card).textContent = number(job.progress, 1) + ' %';
    }
    const t = p.temperatures || {tools: []};
    $('.temps', card).textContent = [heater('Bed', t.bed)].concat((t.tools || []).map(x => heater(x.name, x))).filter(Boolean).join(' · ');
    const gadget = $('.gadget', card);
    gadget.hidden = !reachable || !p.gadget || !p.gadget.state;
    if (p.gadget && p.gadget.state) {
      $('.dot', gadget).className = 'dot ' + p.gadget.color;
      $('.gadget-text', gadget).textContent = 'Gadget: ' + (p.gadget.status || p.gadget.state.toLowerCase());
    }
    const thumb = $('.thumb', card);
    const due = !thumb.dataset.at || Date.now() - Number(thumb.dataset.at) > 60000;
    if (!reachable) {
      thumb.hidden = true;
    } else if (due) {
      thumb.dataset.at = String(Date.now());
      thumb.src = 'webcam/' + encodeURIComponent(p.id) + '/snapshot?t=' + Date.now();
    }
    applyFilter();
  }

  // The controls a printer supports, asked when the operator opens them: the command API's features, its lights, and
  // upload-and-print. Nothing of it is offered before the printer said it can.
  async function loadControls(card) {
    const panel = $('.controls', card);
    panel.dataset.loaded = 'false';
    try {
      const d = await api('printers/' + encodeURIComponent(card.dataset.id));
      const features = new Set(d.features || []);
      const can = [...features].map(f => FEATURES[f] || f.toLowerCase()).sort();
      $('.platform', card).textContent = (PLATFORMS[d.platform] || d.platform || PLATFORMS.UNKNOWN)
        + (can.length ? ' · can do: ' + can.join(', ') : ' · no controls offered');
      $('[data-action="home"]', card).hidden = !features.has('HOMING');
      const lights = $('.lights', card);
      lights.replaceChildren();
      if (features.has('LIGHT')) {
        (d.lights || []).forEach(l => {
          const b = document.createElement('button');
          b.type = 'button';
          b.className = 'quiet light';
          b.dataset.light = l.name;
          b.textContent = 'Turn ' + l.name + (l.on ? ' off' : ' on');
          b.addEventListener('click', () => light(card, l.name, !l.on));
          lights.appendChild(b);
        });
      }
      $('.upload', card).hidden = !features.has('PRINT_START');
      panel.dataset.features = [...features].sort().join(' ');
      if (d.error) {
        say(card, d.error.message);
      } else if (d.featuresError) {
        say(card, 'The printer\'s command API did not answer (' + d.featuresError.message + '); only printing is offered.');
      }
      panel.dataset.loaded = 'true';
    } catch (e) {
      say(card, e.message);
    }
  }

  async function light(card, name, on) {
    try {
      await api('printers/' + encodeURIComponent(card.dataset.id) + '/light?name=' + encodeURIComponent(name) + '&on=' + on,
        {method: 'POST'});
      say(card, name + (on ? ' on.' : ' off.'), true);
      await loadControls(card);
    } catch (e) {
      say(card, e.message);
    }
  }

  function renderLan(l) {
    const card = $('#lan-card').content.firstElementChild.cloneNode(true);
    card.dataset.id = l.id;
    $('.name', card).textContent = l.name;
    $('.lan-url', card).textContent = l.lanUrl;
    $('.discovery', card).textContent = l.discovery.detail;
    const help = $('.plugin-help', card);
    help.hidden = !l.discovery.help;
    help.textContent = l.discovery.help || '';
    const enable = $('.enable-remote', card);
    enable.hidden = l.discovery.outcome !== 'FOUND';
    enable.href = 'connect?lanPrinter=' + encodeURIComponent(l.id);
    card.querySelectorAll('button[data-action]').forEach(b => b.addEventListener('click', () => act(card, b.dataset.action)));
    return card;
  }

  async function loadPrinters() {
    const list = await api('printers');
    const ids = new Set(list.map(p => p.id));
    document.querySelectorAll('article.printer').forEach(card => {
      if (!ids.has(card.dataset.id)) {
        printers.delete(card.dataset.id);
        card.remove();
      }
    });
    list.forEach(renderPrinter);
    $('#empty').hidden = list.length > 0 || document.querySelectorAll('article.lan').length > 0;
  }

  async function loadLan() {
    const list = (await api('lan-printers')).filter(l => !l.connectionId || !printers.has(l.connectionId));
    const section = $('#lan-printers');
    section.replaceChildren(...list.map(renderLan));
    $('#lan-title').hidden = list.length === 0;
  }

  async function loadCounts() {
    const fleet = await api('fleet');
    const nav = $('#filters');
    const buttons = [['ALL', 'All', fleet.total]].concat(STATES.filter(s => fleet.states[s] > 0 || s === filter)
      .map(s => [s, s.replace(/_/g, ' ').toLowerCase(), fleet.states[s]]));
    nav.replaceChildren(...buttons.map(([key, label, n]) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.filter = key;
      b.textContent = label + ' (' + n + ')';
      b.setAttribute('aria-pressed', String(filter === key));
      b.addEventListener('click', () => { filter = key; loadCounts(); applyFilter(); });
      return b;
    }));
  }

  function countsSoon() {
    clearTimeout(countsTimer);
    countsTimer = setTimeout(() => loadCounts().catch(() => {}), 1000);
  }

  function applyFilter() {
    document.querySelectorAll('article.printer').forEach(card => {
      card.hidden = filter !== 'ALL' && card.dataset.state !== filter;
    });
  }

  async function act(card, action) {
    const id = encodeURIComponent(card.dataset.id);
    try {
      switch (action) {
        case 'pause':
        case 'resume':
        case 'cancel':
          await api('printers/' + id + '/' + action, {method: 'POST'});
          say(card, action === 'cancel' ? 'Cancelled.' : action === 'pause' ? 'Paused.' : 'Resumed.', true);
          break;
        case 'home':
          await api('printers/' + id + '/home', {method: 'POST'});
          say(card, 'Homing.', true);
          break;
        case 'live-link': {
          const link = await api('printers/' + id + '/live-link', {method: 'POST'});
          const message = $('.message', card);
          message.replaceChildren('Live Link: ');
          const a = document.createElement('a');
          a.href = link.url;
          a.target = '_blank';
          a.rel = 'noopener';
          a.textContent = link.shortUrl || link.url;
          message.appendChild(a);
          message.classList.add('ok');
          break;
        }
        case 'api-key': {
          const key = prompt('OctoPrint API key (OctoPrint › Settings › Application Keys):');
          if (!key) return;
          await api('printers/' + id + '/octoprint-api-key', {method: 'PUT', headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({apiKey: key})});
          say(card, 'API key stored.', true);
          await loadPrinters();
          break;
        }
        case 'remove':
          if (!confirm('Remove this printer from the console? OctoEverywhere keeps the connection until it is revoked there.')) return;
          await api('printers/' + id, {method: 'DELETE'});
          await refresh();
          break;
        case 'discover':
          await api('lan-printers/' + id + '/discover', {method: 'POST'});
          await loadLan();
          break;
        case 'remove-lan':
          await api('lan-printers/' + id, {method: 'DELETE'});
          await loadLan();
          break;
      }
    } catch (e) {
      say(card, e.message);
    }
  }

  async function upload(card) {
    const file = $('.upload-file', card).files[0];
    if (!file) {
      say(card, 'Choose a G-code file first.');
      return;
    }
    const id = encodeURIComponent(card.dataset.id);
    try {
      const limits = await api('printers/' + id + '/limits');
      if (limits.maxUploadBytes !== null && file.size > limits.maxUploadBytes) {
        say(card, file.name + ' is ' + file.size + ' bytes, over the account\'s upload limit of ' + limits.maxUploadBytes + ' bytes.');
        return;
      }
    } catch (e) {
      say(card, 'Could not read the upload limit: ' + e.message);
      return;
    }
    const bar = $('.upload-progress', card);
    bar.hidden = false;
    bar.value = 0;
    const button = $('.upload-print', card);
    button.disabled = true;
    const xhr = new XMLHttpRequest();
    xhr.open('POST', 'api/printers/' + id + '/print?file=' + encodeURIComponent(file.name));
    xhr.setRequestHeader('X-Console-Page', '1');
    xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = e => { if (e.lengthComputable) bar.value = Math.round(100 * e.loaded / e.total); };
    xhr.onload = () => {
      button.disabled = false;
      if (xhr.status === 200) {
        bar.value = 100;
        const result = JSON.parse(xhr.responseText);
        say(card, result.printing ? 'Uploaded ' + file.name + '; printing.'
          : 'Uploaded ' + file.name + ', but the printer did not start it (is it busy?).', result.printing);
      } else {
        let message = xhr.statusText;
        try { message = JSON.parse(xhr.responseText).error.message; } catch (ignored) { /* not JSON */ }
        say(card, 'Upload failed: ' + message);
      }
    };
    xhr.onerror = () => { button.disabled = false; say(card, 'Upload failed: the connection to the console broke.'); };
    xhr.send(file);
  }

  async function refresh() {
    await loadPrinters();
    await loadLan();
    await loadCounts();
  }

  function listen() {
    const events = new EventSource('api/events');
    const live = $('#live');
    events.addEventListener('hello', () => { live.textContent = 'live'; });
    events.addEventListener('printer', e => {
      renderPrinter(JSON.parse(e.data));
      countsSoon();
    });
    events.addEventListener('printers', () => refresh().catch(() => {}));
    events.onerror = () => { live.textContent = 'reconnecting…'; };
  }

  $('#add-lan').addEventListener('click', () => {
    $('#lan-message').textContent = '';
    $('#lan-dialog').showModal();
  });
  $('#lan-cancel').addEventListener('click', () => $('#lan-dialog').close());
  $('#lan-form').addEventListener('submit', async e => {
    e.preventDefault();
    try {
      await api('lan-printers', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({
        name: $('#lan-name').value, url: $('#lan-url').value, apiKey: $('#lan-key').value})});
      $('#lan-form').reset();
      $('#lan-dialog').close();
      await loadLan();
      $('#empty').hidden = true;
    } catch (error) {
      $('#lan-message').textContent = error.message;
    }
  });

  api('session').then(session => {
    csrf = session.csrfToken;
    $('#user').textContent = '(' + session.user + ')';
    return refresh();
  }).then(listen).catch(e => { $('#live').textContent = e.message; });
})();
