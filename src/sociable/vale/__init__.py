"""Vale styles, run unchanged: a plugin that reads a ``.vale.ini`` and its styles.

The plugin (:mod:`sociable.vale.plugin`) registers through the same hooks any third-party
plugin uses. The pieces, in data-flow order:

* :mod:`sociable.vale.ini` reads Vale's configuration (``StylesPath``, ``MinAlertLevel``,
  glob sections, ``BasedOnStyles``, per-rule switches, ``Vocab``, scopes to skip).
* :mod:`sociable.vale.styles` turns each enabled style rule into a :class:`RuleSpec` whose
  options carry the rule's YAML and the per-glob levels that apply to it.
* :mod:`sociable.vale.regex` translates Go/regexp2 syntax to Python's ``regex`` module.
* :mod:`sociable.vale.markup` splits a draft into the blocks Vale sees (headings, paragraphs,
  list items, table cells, sentences), with code, frontmatter and markup removed.
* :mod:`sociable.vale.kinds` holds one module per Vale extension point.
* ``faces/formatters/vale_line.py`` prints Vale's ``--output=line``.
"""
