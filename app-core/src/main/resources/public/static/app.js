// benchtarget: progressive enhancement only; every page works without scripts.
document.addEventListener("DOMContentLoaded", function () {
  document.documentElement.classList.add("js");
});
