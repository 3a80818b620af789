"""Editorial checks for the bilingual manual: ``python -m scripts check`` (see ``cli.py``).

Modules: ``model`` (one parsed page), ``site`` (all pages, mkdocs.yml, glossary, lock, config, parsed once),
``align`` (zh/en page and section pairing), ``glossary`` (terms and matching), ``lock`` (translation
fingerprints, ``stamp``, ``translation_status``), ``config`` (checks.yml), ``diagnostics`` (the one finding
type and its formats), ``checks/`` (one module per family), ``runner`` (runs the families, applies
suppressions), ``cache`` (parsed pages kept between runs), ``yamlfile`` (YAML with line numbers).
"""
