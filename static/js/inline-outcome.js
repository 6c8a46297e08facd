// What happened to an action done in place with htmx, when the server did not send the region back.
//
// A form's own errors come back as 422 with the region and the errors in it, which htmx swaps in
// (base.html's htmx-config "responseHandling"). Any other failure swaps nothing: a refusal (403), something
// gone meanwhile (404), a conflict (409), a server error (5xx), no connection, or an answer that is not the
// region (a redirect: signed out, or the page changed). Then the form stays as the person left it, with all
// they typed, and a message next to it (role="alert") says what happened. The messages are the page's own,
// translated: the data-* attributes of this script's tag (templates/base.html). Another request from the same
// form takes the message away.
(() => {
  const said = document.currentScript ? document.currentScript.dataset : {};
  const CLASS = "inline-outcome";

  const message = (status) => {
    if (status === 0) {
      return said.network;
    }
    if (status === 403) {
      return said.forbidden;
    }
    if (status === 404 || status === 410) {
      return said.gone;
    }
    if (status === 409) {
      return said.conflict;
    }
    return status >= 500 ? said.server : said.failed;
  };

  // The message goes after the form the request came from (or the element itself, when it is no form).
  const place = (elt) => (elt instanceof Element ? elt.closest("form") || elt : null);

  const shown = (elt) => {
    const next = elt && elt.nextElementSibling;
    return next && next.classList.contains(CLASS) ? next : null;
  };

  const show = (elt, text) => {
    const anchor = place(elt);
    if (!anchor || !anchor.isConnected || !text) {
      return;
    }
    let alert = shown(anchor);
    if (!alert) {
      alert = document.createElement("p");
      alert.className = `${CLASS} alert alert-danger small py-2 px-3 mt-2 mb-2`;
      alert.setAttribute("role", "alert");
      anchor.after(alert);
    }
    alert.textContent = text;
  };

  // A poll (a region that asks again by itself) says nothing: its next request tries again.
  const polled = (elt) => elt instanceof Element && /\bevery\b/.test(elt.getAttribute("data-hx-trigger") || "");

  document.addEventListener("htmx:beforeRequest", (event) => {
    const alert = shown(place(event.detail.elt));
    if (alert) {
      alert.remove();
    }
  });

  // An answer that came from another address than the one asked (a redirect the browser followed: to the
  // sign-in page, or to the page itself) is a whole page, not the region: it is not put into the region.
  document.addEventListener("htmx:beforeSwap", (event) => {
    const { xhr, pathInfo } = event.detail;
    if (!event.detail.shouldSwap || !xhr.responseURL || !pathInfo || !pathInfo.requestPath) {
      return;
    }
    const asked = new URL(pathInfo.requestPath, window.location.href).pathname;
    if (new URL(xhr.responseURL).pathname !== asked) {
      event.detail.shouldSwap = false;
      if (!polled(event.detail.elt)) {
        show(event.detail.elt, said.moved);
      }
    }
  });

  document.addEventListener("htmx:responseError", (event) => {
    if (!polled(event.detail.elt)) {
      show(event.detail.elt, message(event.detail.xhr.status));
    }
  });

  document.addEventListener("htmx:sendError", (event) => {
    if (!polled(event.detail.elt)) {
      show(event.detail.elt, message(0));
    }
  });
})();
