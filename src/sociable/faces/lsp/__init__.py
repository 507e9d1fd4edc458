"""The language server face: ``sociable lsp`` (see :mod:`sociable.faces.lsp.server`)."""
