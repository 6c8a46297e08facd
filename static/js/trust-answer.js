// The trust survey's answer form: the questions of trust and value show only for the organisations the
// respondent works with (cooperation or closer). Without JavaScript they all show, and the server ignores
// them for the others.
document.querySelectorAll("fieldset.trust-row").forEach((row) => {
  const scores = row.querySelector(".trust-scores");
  const radios = row.querySelectorAll("input[type=radio]");
  const update = () => {
    const checked = row.querySelector("input[type=radio]:checked");
    scores.hidden = !checked || Number(checked.value) < 2;
  };
  radios.forEach((radio) => radio.addEventListener("change", update));
  update();
});
