// MVTRX dashboard: shared helpers. Plain JS, no libraries, nothing fetched from elsewhere.
'use strict';

const mvtrx = (() => {
  const pages = [['/', 'Overview'], ['/book', 'Books'], ['/leaderboard', 'Leaderboard'], ['/miner', 'Miners'],
    ['/report', 'Report']];

  function header() {
    const h = document.createElement('header');
    const title = document.createElement('strong');
    title.textContent = 'MVTRX';
    h.appendChild(title);
    for (const [path, name] of pages) {
      const a = document.createElement('a');
      a.href = path;
      a.textContent = name;
      if (location.pathname === path) a.className = 'here';
      h.appendChild(a);
    }
    const live = document.createElement('span');
    live.className = 'live';
    live.id = 'live';
    live.textContent = 'connecting';
    h.appendChild(live);
    document.body.insertBefore(h, document.body.firstChild);
  }

  async function json(path) {
    const res = await fetch(path, {cache: 'no-store'});
    const body = await res.json();
    if (!res.ok) throw new Error(body.error || res.statusText);
    return body;
  }

  // Calls refresh() now and after every update the server announces (SSE), at most one at a time.
  function live(refresh) {
    let running = false, again = false;
    const run = async () => {
      if (running) { again = true; return; }
      running = true;
      try { await refresh(); } catch (e) { status('error: ' + e.message); }
      running = false;
      if (again) { again = false; run(); }
    };
    run();
    const source = new EventSource('/api/events');
    source.addEventListener('update', ev => {
      const o = JSON.parse(ev.data);
      status('live · version ' + o.version + (o.finished ? ' · finished' : ''));
      run();
    });
    source.onerror = () => status('reconnecting');
  }

  function status(text) {
    const el = document.getElementById('live');
    if (el) el.textContent = text;
  }

  function num(v, digits = 4) {
    if (v === null || v === undefined) return '–';
    if (typeof v !== 'number') return String(v);
    if (Number.isInteger(v) && Math.abs(v) < 1e12) return v.toLocaleString('en-US');
    return v.toLocaleString('en-US', {maximumFractionDigits: digits, minimumFractionDigits: Math.min(digits, 2)});
  }

  function clock(ns) {
    const s = Math.floor(ns / 1e9);
    const pad = n => String(n).padStart(2, '0');
    return pad(Math.floor(s / 3600)) + ':' + pad(Math.floor(s / 60) % 60) + ':' + pad(s % 60);
  }

  function param(name) {
    return new URLSearchParams(location.search).get(name);
  }

  function cell(tr, text, cls) {
    const td = document.createElement('td');
    td.textContent = text;
    if (cls) td.className = cls;
    tr.appendChild(td);
    return td;
  }

  function fillBody(table, rows, build) {
    const body = table.tBodies[0];
    const fresh = document.createElement('tbody');
    rows.forEach(r => fresh.appendChild(build(r)));
    table.replaceChild(fresh, body);
  }

  // A table whose header cells with data-key sort its rows (numbers, nulls last); state kept across refreshes.
  function sortable(table, onChange) {
    const state = {key: null, desc: true};
    for (const th of table.tHead.rows[0].cells) {
      if (!th.dataset.key) continue;
      th.classList.add('sortable');
      th.addEventListener('click', () => {
        state.desc = state.key === th.dataset.key ? !state.desc : true;
        state.key = th.dataset.key;
        for (const other of table.tHead.rows[0].cells) other.classList.remove('sorted-asc', 'sorted-desc');
        th.classList.add(state.desc ? 'sorted-desc' : 'sorted-asc');
        onChange();
      });
    }
    return rows => {
      if (!state.key) return rows;
      const k = state.key, sign = state.desc ? -1 : 1;
      return rows.slice().sort((a, b) => {
        const x = a[k], y = b[k];
        if (x === null || x === undefined) return 1;
        if (y === null || y === undefined) return -1;
        return x < y ? -sign : x > y ? sign : a.uid - b.uid;
      });
    };
  }

  // Line chart on a canvas: series = [{name, color, points: [[x, y], ...], dashed}], nulls break lines.
  function chart(canvas, series, xLabel) {
    const ctx = canvas.getContext('2d');
    const w = canvas.width, h = canvas.height, left = 64, right = 12, top = 12, bottom = 28;
    ctx.clearRect(0, 0, w, h);
    const all = series.flatMap(s => s.points.filter(p => p[1] !== null && Number.isFinite(p[1])));
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = '#667085';
    if (all.length === 0) { ctx.fillText('no data yet', left, h / 2); return; }
    let x0 = Math.min(...all.map(p => p[0])), x1 = Math.max(...all.map(p => p[0]));
    let y0 = Math.min(...all.map(p => p[1])), y1 = Math.max(...all.map(p => p[1]));
    if (x1 === x0) x1 = x0 + 1;
    if (y1 === y0) { y0 -= 1; y1 += 1; }
    const pad = (y1 - y0) * 0.05; y0 -= pad; y1 += pad;
    const X = x => left + (x - x0) / (x1 - x0) * (w - left - right);
    const Y = y => top + (1 - (y - y0) / (y1 - y0)) * (h - top - bottom);
    ctx.strokeStyle = '#e3e6eb';
    for (let i = 0; i <= 4; i++) {
      const y = y0 + (y1 - y0) * i / 4;
      ctx.beginPath(); ctx.moveTo(left, Y(y)); ctx.lineTo(w - right, Y(y)); ctx.stroke();
      ctx.fillText(num(y, 3), 4, Y(y) + 4);
    }
    ctx.fillText(xLabel + ' ' + clock(x0) + ' … ' + clock(x1), left, h - 8);
    series.forEach((s, i) => {
      ctx.strokeStyle = s.color;
      ctx.setLineDash(s.dashed ? [5, 4] : []);
      ctx.beginPath();
      let pen = false;
      for (const [x, y] of s.points) {
        if (y === null || !Number.isFinite(y)) { pen = false; continue; }
        if (pen) ctx.lineTo(X(x), Y(y)); else ctx.moveTo(X(x), Y(y));
        pen = true;
      }
      ctx.stroke();
      ctx.setLineDash([]);
      // a legend line per series, up to ten (a miner on 128 books would cover the chart)
      ctx.fillStyle = s.color;
      if (i < 10) ctx.fillText(i < 9 || series.length === 10 ? s.name : '… ' + (series.length - 9) + ' more',
        w - right - 150, top + 12 + i * 13);
    });
  }

  const colors = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#4b5563', '#ca8a04'];

  return {header, json, live, num, clock, param, cell, fillBody, sortable, chart, colors};
})();

document.addEventListener('DOMContentLoaded', mvtrx.header);
