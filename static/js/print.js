// Buttons marked data-print print the page (an inline onclick would break the Content Security Policy).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
