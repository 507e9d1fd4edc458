"""``directive``: rules whose findings sociable's engine makes itself.

An unused ``<!-- sociable: ignore -->`` comment is found by :mod:`sociable.decisions` after
every other rule has run, so the kind checks nothing per draft; it exists so that such rules
are declared in a pack like any other (code, message, why, examples) and can be selected,
ignored and explained. Messages may use ``{match}`` (the comment) and ``{codes}``.
"""

from __future__ import annotations

from sociable.kinds.base import Kind


class Directive(Kind):
    name = "directive"
    message_fields = ("codes",)
