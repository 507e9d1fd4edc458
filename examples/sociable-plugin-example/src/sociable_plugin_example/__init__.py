"""An example sociable plugin: the ``example`` rule pack and the ``paragraph-length`` kind."""

__version__ = "0.1.0"
