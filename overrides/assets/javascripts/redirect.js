/* A short link's stub (scripts/mkdocs_hooks/shortlinks.py) sends the reader on to its chapter at once,
   keeping the #section the meta refresh would drop. A file, not an inline script: see deploy/nginx.conf. */
location.replace(document.currentScript.dataset.target + location.hash);
