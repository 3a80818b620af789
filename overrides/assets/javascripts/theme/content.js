/* Material 9.8.2's inline script from partials/javascripts/content.html, verbatim, as a file: a Content-Security-Policy
   without 'unsafe-inline' allows it (overrides/partials/javascripts/content.html; tests/site/test_theme.py compares). */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
