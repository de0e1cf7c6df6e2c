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
  });
  if (!ok) {
    document.addEventListener("DOMContentLoaded", function () {
      var box = document.getElementById("no-wasm");
      var loading = document.getElementById("boot-loading");
      if (box) box.hidden = false;
      if (loading) loading.hidden = true;
    });
  }
})();
