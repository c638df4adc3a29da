// Progressive enhancement only: everything works without this file.
document.addEventListener("DOMContentLoaded", function () {
  // When a form comes back with errors, move focus to the error summary so screen readers
  // announce it and keyboard users start there.
  var samenvatting = document.getElementById("foutoverzicht");
  if (samenvatting) {
    samenvatting.focus();
  }

  // Show or hide a password (templates/_wachtwoordveld.html, as GOV.UK's password input):
  // the button is offered only now; its name changes and a polite live region says what
  // happened. The field is hidden again before the form is sent and when the page is
  // shown again from the back/forward cache.
  document.querySelectorAll(".wachtwoordknop").forEach(function (knop) {
    var veld = document.getElementById(knop.getAttribute("aria-controls"));
    var status = knop.parentNode.querySelector("[data-wachtwoordstatus]");
    if (!veld) {
      return;
    }
    function toon(zichtbaar, melden) {
      veld.type = zichtbaar ? "text" : "password";
      knop.textContent = zichtbaar ? knop.dataset.verberg : knop.dataset.toon;
      knop.setAttribute("aria-label", zichtbaar ? knop.dataset.verbergNaam : knop.dataset.toonNaam);
      if (melden && status) {
        status.textContent = zichtbaar ? knop.dataset.zichtbaar : knop.dataset.verborgen;
      }
    }
    knop.addEventListener("click", function () {
      toon(veld.type === "password", true);
    });
    if (veld.form) {
      veld.form.addEventListener("submit", function () {
        toon(false, false);
      });
    }
    window.addEventListener("pageshow", function () {
      toon(false, false);
    });
    knop.hidden = false;
  });
});
