// Runs before the WebAssembly app loads: tells the user plainly when their browser cannot run it,
// instead of leaving "Loading…" on screen forever.
(function () {
  "use strict";
  var ok = typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function";
  // The reload button of the crash screen is wired here because the CSP forbids inline handlers
  // and a crashed WebAssembly module can no longer run event handlers of its own.
  document.addEventListener("DOMContentLoaded", function () {
    var reload = document.getElementById("fatal-reload");
    if (reload) reload.addEventListener("click", function () { location.reload(); });
    var save = document.getElementById("fatal-download");
    if (save) save.addEventListener("click", downloadStored);
  });

  // The crash screen's "Download what is stored": every stored string of the app exactly as it
  // is, and the certificate files kept in IndexedDB, read by plain JavaScript, because after a
  // crash the WebAssembly app cannot run. The file holds the records even when the app cannot
  // start with them, and says plainly whether the certificates are in it.
  function downloadStored() {
    var keys = {};
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var k = localStorage.key(i);
        if (k && k.indexOf("cme-tracker:") === 0) keys[k] = localStorage.getItem(k);
      }
    } catch (e) {
      keys = { error: String(e) };
    }
    readCertificates(function (files, problem) {
      var count = files ? Object.keys(files).length : 0;
      var file = {
        format: "cme-tracker-stored-data",
        note: "Everything CME Tracker kept in this browser, as stored: the records (keys) and " +
          (problem ? "NOT the certificate files (" + problem + "). They are still in this browser: once CME Tracker runs again, download a backup with certificates from its Backup page."
            : count + " certificate file(s) (certificates, each as a data: URL under its id)") +
          ". Keep this file; it can be read again once the problem is fixed.",
        saved_at: new Date().toISOString(),
        keys: keys,
        certificates: files || {}
      };
      var blob = new Blob([JSON.stringify(file, null, 2)], { type: "application/json" });
      var url = URL.createObjectURL(blob);
      var a = document.createElement("a");
      a.href = url;
      a.download = "cme-tracker-stored-data-" + new Date().toISOString().slice(0, 10) + ".json";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    });
  }

  // The certificate files (Blobs under their ids) of the app's IndexedDB store; `done(files)`,
  // or `done(null, why)` when they cannot be read. Opening never creates the database: an
  // upgrade (no database yet) is aborted, so the app later creates it as it expects.
  function readCertificates(done) {
    var finished = false;
    var finish = function (files, problem) {
      if (!finished) { finished = true; done(files, problem); }
    };
    try {
      var open = indexedDB.open("cme-tracker-files");
      open.onupgradeneeded = function () { open.transaction.abort(); };
      open.onerror = function () { finish({}, null); };
      open.onsuccess = function () {
        var db = open.result;
        if (!db.objectStoreNames.contains("certificates")) { db.close(); return finish({}, null); }
        var tx = db.transaction("certificates", "readonly");
        var store = tx.objectStore("certificates");
        var keysRequest = store.getAllKeys();
        var valuesRequest = store.getAll();
        tx.onerror = function () { finish(null, "the browser would not read them"); };
        tx.oncomplete = function () {
          db.close();
          var out = {};
          var pending = 0;
          var keys = keysRequest.result;
          var values = valuesRequest.result;
          for (var i = 0; i < keys.length; i++) {
            if (!(values[i] instanceof Blob)) continue; // the automatic backup's file handle
            pending++;
            (function (key, blob) {
              var reader = new FileReader();
              reader.onload = function () {
                out[key] = { type: blob.type, size: blob.size, data: reader.result };
                if (--pending === 0) finish(out);
              };
              reader.onerror = function () { finish(null, "a file could not be read"); };
              reader.readAsDataURL(blob);
            })(String(keys[i]), values[i]);
          }
          if (pending === 0) finish(out);
        };
      };
    } catch (e) {
      finish(null, String(e));
    }
  }
  if (!ok) {
    document.addEventListener("DOMContentLoaded", function () {
      var box = document.getElementById("no-wasm");
      var loading = document.getElementById("boot-loading");
      if (box) box.hidden = false;
      if (loading) loading.hidden = true;
    });
  }
})();

// Offline support: the service worker precaches the app. A new version waits until the user
// chooses to reload, and never while a form has unsaved input.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  var reloading = false;
  // Set when the user chose "Reload to update": only then does a new worker taking control
  // reload the page (the first install also takes control, and must not reload).
  var updateRequested = false;

  function hasUnsavedInput() {
    return document.querySelector('[data-dirty="true"]') !== null;
  }

  function showUpdate(worker) {
    if (document.getElementById("update-banner")) return;
    var bar = document.createElement("div");
    bar.id = "update-banner";
    bar.className = "update-banner";
    bar.setAttribute("role", "status");
    var text = document.createElement("span");
    text.textContent = "A new version of CME Tracker is ready.";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn--primary btn--small";
    button.textContent = "Reload to update";
    button.addEventListener("click", function () {
      if (hasUnsavedInput()) {
        text.textContent = "Save or cancel the form you are editing first, then reload to update.";
        return;
      }
      updateRequested = true;
      worker.postMessage("SKIP_WAITING");
    });
    bar.appendChild(text);
    bar.appendChild(button);
    document.body.appendChild(bar);
    // What the new version brings (CHANGELOG.md, in its sw.js).
    var channel = new MessageChannel();
    channel.port1.onmessage = function (e) {
      var n = e.data;
      if (n && n.version && text.textContent.indexOf("Save") !== 0) {
        text.textContent = "Version " + n.version + " is ready: " + n.changes.join(" ") +
          (n.more ? " (" + n.more + " more on the About page.)" : "");
      }
    };
    worker.postMessage("WHATS_NEW", [channel.port2]);
  }

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (reloading || !updateRequested) return;
    reloading = true;
    location.reload();
  });

  // Registered once the app is on screen and a moment has passed: installing the worker downloads
  // every file for offline use (the worker module, the preset catalog…), which on a slow network
  // would otherwise compete with the first visit's own download.
  function whenAppShown(run) {
    var app = document.getElementById("app");
    var shown = function () { return app && app.querySelector("header"); };
    var later = function () { setTimeout(run, 1000); };
    if (shown()) return later();
    var observer = new MutationObserver(function () {
      if (shown()) {
        observer.disconnect();
        later();
      }
    });
    if (app) observer.observe(app, { childList: true, subtree: true });
    else later();
  }

  window.addEventListener("load", function () {
    whenAppShown(register);
  });

  // A new version of this page's own worker: not a worker of a copy of the app under another path
  // of the same origin that happens to control this page.
  function isUpdate(worker) {
    var current = navigator.serviceWorker.controller;
    return !!current && current.scriptURL === worker.scriptURL;
  }

  function register() {
    navigator.serviceWorker.register("./sw.js", { scope: "./" }).then(function (reg) {
      if (reg.waiting && isUpdate(reg.waiting)) showUpdate(reg.waiting);
      reg.addEventListener("updatefound", function () {
        var worker = reg.installing;
        if (!worker) return;
        worker.addEventListener("statechange", function () {
          // Only an update (a page already controlled) is announced; the first install is silent.
          if (worker.state === "installed" && isUpdate(worker)) showUpdate(worker);
        });
      });
    }).catch(function () { /* offline support is a bonus: the app works without it */ });
  }
})();
