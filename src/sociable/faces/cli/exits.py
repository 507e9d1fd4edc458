"""Exit codes of ``sociable`` (ruff's): 0 clean, 1 findings, 2 usage, configuration or input
errors. A module of their own so ``check`` and ``--fix`` share them without importing each other."""

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
