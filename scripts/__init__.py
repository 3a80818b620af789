"""Editorial checks and build of the bilingual manual: ``python -m scripts check`` (see ``cli.py``).

The model, read by the checks and the build alike: ``model`` (one parsed page), ``site`` (all pages,
mkdocs.yml, glossary, lock, shortlinks, config, parsed once), ``align`` (zh/en page and section pairing),
``targets`` (where a link goes), ``glossary`` (terms and matching), ``lock/`` (translation lock file,
fingerprints, status, ``stamp``), ``shortlinks`` (shortlinks.yml), ``config`` (checks.yml),
``diagnostics`` (the one finding type and its formats), ``yamlfile`` (YAML with line numbers), ``cache``
(parsed pages kept between runs).

The checks: ``checks/`` (one module per family), ``runner`` (runs the families, applies suppressions),
``probe`` (``--online`` URL prober). The build: ``build`` (``make build``), ``mkdocs_hooks/`` (one module
per hook), ``pdf``, ``article`` (cutting built pages). ``compare_builds`` diffs two builds. The layers
are written down, and enforced, in pyproject.toml.
"""
