/**
 * The preview's pages: a Sheets-like window (the active sheet as a grid with
 * sheet tabs, the sidebar on the right, the "Periksa semua" dialog as a modal
 * window), and the shim that gives the real Sidebar.html and
 * CheckAllDialog.html a `google.script.run` which calls the sandbox over HTTP.
 */
export const RUN_SHIM = `<script>
(function () {
  function runner(success, failure) {
    return new Proxy({}, {
      get: function (_t, name) {
        if (name === 'withSuccessHandler') return function (f) { return runner(f, failure); };
        if (name === 'withFailureHandler') return function (f) { return runner(success, f); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/rpc/' + encodeURIComponent(name), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args) })
            .then(function (r) { return r.json(); })
            .then(function (answer) {
              if (window.parent !== window) window.parent.postMessage({ type: 'pantau-rpc', name: name }, '*');
              if (answer.ok) { if (success) success(answer.value); }
              else if (failure) failure(new Error(answer.message));
            }, function (error) { if (failure) failure(error); });
        };
      }
    });
  }
  // host.close(): a dialog asks the window to close it (as Sheets closes a modal dialog).
  window.google = { script: { run: runner(null, null), host: { close: function () { if (window.parent !== window) window.parent.postMessage({ type: 'pantau-close' }, '*'); } } } };
})();
</script>`;

export const WINDOW_PAGE = `<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8" />
<title>Pantau KKMP — pratinjau</title>
<style>
  body { margin: 0; font: 13px Arial, sans-serif; display: flex; height: 100vh; background: #f8f9fa; }
  #sheet { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  #bar { padding: 8px 12px; background: #fff; border-bottom: 1px solid #dadce0; font-size: 15px; }
  #bar small { color: #5f6368; margin-left: 8px; }
  #grid { flex: 1; overflow: auto; background: #fff; }
  table { border-collapse: collapse; font-size: 12px; }
  th, td { border: 1px solid #e0e0e0; padding: 2px 6px; white-space: nowrap; max-width: 260px; overflow: hidden; text-overflow: ellipsis; }
  th { background: #f1f3f4; color: #5f6368; font-weight: normal; position: sticky; top: 0; }
  td.rownum { background: #f1f3f4; color: #5f6368; text-align: right; position: sticky; left: 0; }
  td.b { font-weight: bold; }
  tr.active td { box-shadow: inset 0 0 0 1px #1a73e8; }
  #tabs { display: flex; gap: 2px; padding: 4px 8px; background: #f1f3f4; border-top: 1px solid #dadce0; overflow-x: auto; }
  #tabs button { border: 0; background: none; padding: 6px 12px; cursor: pointer; font: inherit; }
  #tabs button[aria-selected="true"] { background: #fff; color: #188038; font-weight: bold; border-bottom: 3px solid #188038; }
  #side { width: 300px; border-left: 1px solid #dadce0; background: #fff; display: flex; flex-direction: column; }
  #side header { padding: 8px 12px; border-bottom: 1px solid #dadce0; font-weight: bold; }
  iframe { border: 0; flex: 1; width: 300px; }
  #bar button { margin-left: 16px; font: inherit; font-size: 13px; border: 1px solid #dadce0; background: #fff; border-radius: 4px; padding: 3px 10px; cursor: pointer; }
  #modal { position: fixed; inset: 0; background: rgba(32, 33, 36, .6); display: flex; align-items: center; justify-content: center; }
  #modal[hidden] { display: none; }
  #modal .window { background: #fff; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.3); display: flex; flex-direction: column; }
  #modal header { display: flex; justify-content: space-between; align-items: center; padding: 14px 18px 0; font-size: 18px; }
  #modal header button { border: 0; background: none; font-size: 20px; cursor: pointer; color: #5f6368; }
  #modal iframe { width: 460px; height: 200px; flex: none; }
</style>
</head>
<body>
  <div id="sheet">
    <div id="bar">Pantau KKMP <small>pratinjau lokal — tanpa Google</small><button type="button" id="menu-check-all" title="Ekstensi › Pantau KKMP › Periksa semua koperasi">Periksa semua koperasi</button></div>
    <div id="grid" role="region" aria-label="Lembar"></div>
    <nav id="tabs" aria-label="Sheet"></nav>
  </div>
  <aside id="side"><header>Pantau KKMP</header><iframe id="sidebar" title="Pantau KKMP" src="/sidebar"></iframe></aside>
  <div id="modal" hidden role="dialog" aria-modal="true" aria-labelledby="modal-title">
    <div class="window"><header><span id="modal-title">Periksa semua koperasi</span><button type="button" id="modal-close" aria-label="Tutup">×</button></header><iframe id="dialog" title="Periksa semua koperasi"></iframe></div>
  </div>
<script>
  var current = null;
  function text(v) { return v === null || v === undefined ? '' : String(v); }
  function show(name) {
    fetch('/sheet?name=' + encodeURIComponent(name || '')).then(function (r) { return r.json(); }).then(function (sheet) {
      current = sheet.name;
      var tabs = document.getElementById('tabs');
      tabs.replaceChildren.apply(tabs, sheet.sheets.map(function (n) {
        var b = document.createElement('button');
        b.textContent = n; b.setAttribute('aria-selected', String(n === sheet.name));
        b.addEventListener('click', function () { show(n); });
        return b;
      }));
      var table = document.createElement('table');
      var head = document.createElement('tr');
      head.appendChild(document.createElement('th'));
      (sheet.values[0] || []).forEach(function (_, c) { var th = document.createElement('th'); th.textContent = sheet.columns[c]; head.appendChild(th); });
      table.appendChild(head);
      sheet.values.forEach(function (row, r) {
        var tr = document.createElement('tr');
        if (sheet.activeRow === r + 1) tr.className = 'active';
        var num = document.createElement('td'); num.className = 'rownum'; num.textContent = String(r + 1); tr.appendChild(num);
        row.forEach(function (cell, c) {
          var td = document.createElement('td');
          td.textContent = text(cell);
          var bg = sheet.backgrounds[r] && sheet.backgrounds[r][c];
          if (bg) td.style.background = bg;
          if (sheet.bold[r] && sheet.bold[r][c]) td.className = 'b';
          tr.appendChild(td);
        });
        table.appendChild(tr);
      });
      var grid = document.getElementById('grid');
      grid.replaceChildren(table);
      var active = table.querySelector('tr.active');
      if (active) active.scrollIntoView({ block: 'center' });
    });
  }
  // The menu item "Periksa semua koperasi" opens the built dialog as Sheets opens a modal dialog; closing it drops the page.
  function closeDialog() { document.getElementById('modal').hidden = true; document.getElementById('dialog').removeAttribute('src'); }
  document.getElementById('menu-check-all').addEventListener('click', function () {
    document.getElementById('dialog').src = '/dialog';
    document.getElementById('modal').hidden = false;
  });
  document.getElementById('modal-close').addEventListener('click', closeDialog);
  window.addEventListener('message', function (event) {
    if (event.data && event.data.type === 'pantau-close') closeDialog();
    // The sheet is drawn again after a call that may have written; the sidebar's frequent read-only ask (getCheckAllState) writes nothing.
    if (event.data && event.data.type === 'pantau-rpc' && event.data.name !== 'getCheckAllState') show(event.data.name === 'runCheckAll' ? 'Hasil Pemeriksaan' : (event.data.name === 'openCoopFor' || /^writeMentor/.test(event.data.name) ? '' : current));
  });
  show('');
</script>
</body>
</html>`;
