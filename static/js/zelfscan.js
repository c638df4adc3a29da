// Progressive enhancement only: everything works without this file.
// When a form comes back with errors, move focus to the error summary so screen readers
// announce it and keyboard users start there.
document.addEventListener("DOMContentLoaded", function () {
  var samenvatting = document.getElementById("foutoverzicht");
  if (samenvatting) {
    samenvatting.focus();
  }
});
