"""The document model's records against the dataclasses they replaced.

``text.Token``, ``Sentence``, ``Analysis`` and ``document.Recipient``, ``Document`` are
:class:`sociable.records.Record` subclasses (making a dataclass cost every run start-up time).
Each ``Generated*`` class here is the old dataclass, field for field; the two must agree on
fields, defaults, ``repr``, ``==``, ``hash``, frozenness and pickling.
"""

from __future__ import annotations

import dataclasses
import pickle
from array import array
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pytest

from sociable.document import Document, Recipient
from sociable.records import Record
from sociable.text import Analysis, Sentence, Token, analyse, tokenize


@dataclass(frozen=True, slots=True)
class GeneratedToken:
    start: int
    end: int
    text: str
    norm: str
    kind: str
    caps: bool = False
    quoted: bool = False


@dataclass(frozen=True, slots=True)
class GeneratedSentence:
    start: int
    end: int
    first: int
    stop: int


@dataclass
class GeneratedAnalysis:
    text: str
    starts: array[int]
    ends: array[int]
    kinds: bytearray
    norms: list[str]
    flags: bytearray
    sentence_starts: array[int]
    sentence_ends: array[int]
    sentence_firsts: array[int]
    sentence_stops: array[int]
    index: Mapping[str, Sequence[int]] = field(default_factory=dict)
    questions: frozenset[int] = frozenset()
    cache: dict[object, object] = field(default_factory=dict)


@dataclass(frozen=True)
class GeneratedRecipient:
    name: str = ""
    company: str = ""
    role: str = ""


@dataclass
class GeneratedDocument:
    path: str
    text: str
    channel: str | None = None
    frontmatter: dict[str, Any] = field(default_factory=dict)
    recipient: Recipient | None = None
    ignores: tuple[str, ...] = ()
    bom: bool = False
    line_base: int = 0
    scopes: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    masks: list[tuple[int, int, str]] = field(default_factory=list)
    _line_starts: array[int] = field(default_factory=lambda: array("i"), repr=False)
    _views: dict[Hashable, str] = field(default_factory=dict, repr=False)
    _view_runs: list[tuple[array[int], str]] = field(default_factory=list, repr=False)
    _analyses: dict[Hashable, Analysis] = field(default_factory=dict, repr=False)
    _derived: dict[Hashable, Any] = field(default_factory=dict, repr=False)
    _view_keys: dict[tuple[str, tuple[str, ...]], Hashable] = field(default_factory=dict, repr=False)


PAIRS: list[tuple[type[Record], type[Any]]] = [
    (Token, GeneratedToken), (Sentence, GeneratedSentence), (Analysis, GeneratedAnalysis),
    (Recipient, GeneratedRecipient), (Document, GeneratedDocument),
]
DRAFT = '---\nchannel: dm\nto: {name: Ana Silva, company: Acme}\n---\nHi Ana,\n\nIs "this good"? Yes.\n'


def values_of(record: Record) -> dict[str, Any]:
    return {name: getattr(record, name) for name in record._fields()}


def twin(record: Record, generated: type[Any]) -> Any:
    return generated(**values_of(record))


def samples() -> list[Record]:
    doc = Document.from_text(DRAFT, "a.md")
    doc.view("body")
    analysis = doc.analysis("body")
    assert doc.recipient is not None
    return [*tokenize("Hi 'GUIDE' #tag"), *analysis.sentences, analysis, doc.recipient, Recipient(),
            doc, Document("b.md", "x")]


@pytest.mark.parametrize(("record", "generated"), PAIRS, ids=[p[0].__name__ for p in PAIRS])
def test_the_same_fields_in_the_same_order_with_the_same_slots(record: type[Record], generated: type[Any]) -> None:
    assert record._fields() == tuple(f.name for f in dataclasses.fields(generated))
    assert ("__slots__" in record.__dict__) == ("__slots__" in generated.__dict__)
    assert ("__dict__" in dir(record)) == ("__dict__" in dir(generated))


def test_defaults_are_the_dataclasses_and_containers_are_new_each_time() -> None:
    assert values_of(Token(1, 2, "a", "a", "word")) == dataclasses.asdict(GeneratedToken(1, 2, "a", "a", "word"))
    assert values_of(Recipient()) == dataclasses.asdict(GeneratedRecipient())
    first, second = Document("a.md", "x"), Document("a.md", "x")
    assert values_of(first) == vars(GeneratedDocument("a.md", "x"))
    assert all(getattr(first, name) is not getattr(second, name)
               for name in ("frontmatter", "scopes", "masks", "_line_starts", "_views", "_derived"))
    columns = [array("i")] * 2 + [bytearray(), [], bytearray()] + [array("i")] * 4
    made = Analysis("", *columns)  # type: ignore[arg-type]
    assert values_of(made) == vars(GeneratedAnalysis("", *columns))  # type: ignore[arg-type]
    assert made.cache is not Analysis("", *columns).cache  # type: ignore[arg-type]


def test_repr_equality_and_hashing_match_the_dataclasses() -> None:
    for record in samples():
        generated = next(g for r, g in PAIRS if type(record) is r)
        other = twin(record, generated)
        assert repr(record) == repr(other).replace("Generated", "", 1)
        assert record == record.replace() and record != other
        if record._frozen:
            assert hash(record) == hash(other) == hash(record.replace())
        else:
            with pytest.raises(TypeError):
                hash(record)


def test_documents_compare_their_caches_as_the_dataclass_did() -> None:
    one, two = Document.from_text(DRAFT, "a.md"), Document.from_text(DRAFT, "a.md")
    assert one == two
    one.view("body")
    assert one != two and twin(one, GeneratedDocument) != twin(two, GeneratedDocument)
    assert "_views" not in repr(one)


def test_frozen_records_refuse_assignment_and_mutable_ones_take_it() -> None:
    token, recipient = Token(0, 1, "a", "a", "word"), Recipient("Ana")
    for frozen, name in ((token, "start"), (Sentence(0, 1, 0, 1), "stop"), (recipient, "name")):
        with pytest.raises(AttributeError):
            setattr(frozen, name, 3)
        with pytest.raises(AttributeError):
            delattr(frozen, name)
    with pytest.raises(AttributeError):
        token.other = 1  # type: ignore[attr-defined]
    doc = Document("a.md", "x")
    doc.channel = "dm"
    assert doc.channel == "dm" and recipient.first_name == "Ana"


def test_pickling_keeps_every_field() -> None:
    for record in samples():
        copy = pickle.loads(pickle.dumps(record))
        assert type(copy) is type(record) and values_of(copy) == values_of(record)
    doc = Document.from_text(DRAFT, "a.md")
    copy = pickle.loads(pickle.dumps(doc))
    assert copy.view("body") == doc.view("body") and copy.position(40) == doc.position(40)


def test_the_analysis_of_a_draft_is_unchanged_by_a_round_trip() -> None:
    analysis = analyse("Hi Ana. Is it 'GUIDE'? #tag https://x.com/a")
    copy = pickle.loads(pickle.dumps(analysis))
    assert list(copy.tokens) == list(analysis.tokens) and copy.questions == analysis.questions
