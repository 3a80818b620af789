"""MkDocs hooks: every module here but ``shared`` is a hook listed under ``hooks:`` in mkdocs.yml.

MkDocs loads each hook by file path under its bare file name, so hooks never import each other: what
two hooks need (the manual's model, loaded once per build; page -> (lang, rel); where each language is
built) lives in :mod:`scripts.mkdocs_hooks.shared`, and everything about pages, sections, pairs, the
glossary and the translation lock comes from the model below it (``scripts.site``, ``scripts.model``,
``scripts.align``, ``scripts.lock``, ``scripts.glossary``). A new hook goes here, in its own module,
reading that model; it never parses Markdown itself.
"""
