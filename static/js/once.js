// A create form (one carrying the one-time token "once") is sent once: after the first submit its buttons
// are disabled and a second submit is ignored, until the page is shown again (back button, bfcache).
// Only a help against double clicks: the server's token (portal/lib/once.py) is the guarantee.
(() => {
  const buttons = (form) => form.querySelectorAll("button[type=submit], button:not([type]), input[type=submit]");

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (event.defaultPrevented || !(form instanceof HTMLFormElement) || !form.querySelector("input[name=once]") || form.dataset.hxPost) {
      return;
    }
    if (form.dataset.sending) {
      event.preventDefault();
      return;
    }
    form.dataset.sending = "1";
    form.setAttribute("aria-busy", "true");
    // Disabled after this event: a disabled button's name and value (confirm=yes) would not be sent.
    setTimeout(() => buttons(form).forEach((button) => { button.disabled = true; }), 0);
  });

  window.addEventListener("pageshow", () => {
    document.querySelectorAll("form[data-sending]").forEach((form) => {
      delete form.dataset.sending;
      form.removeAttribute("aria-busy");
      buttons(form).forEach((button) => { button.disabled = false; });
    });
  });
})();
