"""Grammar backends: what the ``grammar`` kind asks to find mistakes in a draft's view.

The kind (:mod:`sociable.kinds.grammar`) owns everything rules see: which matches a rule
reports, masking, positions, messages and fixes. A backend only turns text into
:class:`~sociable.grammar.base.GrammarMatch` objects. Backends register through the
``sociable_grammar_backends`` hook, the built-in ones (:mod:`sociable.grammar.harper`,
:mod:`sociable.grammar.languagetool`) exactly as a third-party plugin's would.
"""
