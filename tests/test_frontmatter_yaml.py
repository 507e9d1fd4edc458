"""Frontmatter read through libyaml gives the same data and the same messages as pure PyYAML."""

from __future__ import annotations

import pytest
import yaml

from sociable.document import Document, DocumentError, _load_yaml

FRONTMATTERS = [
    "channel: linkedin-connect          # a comment\n",
    "to: {name: Priya Raman, company: Northwind Health, role: Head of Data}\n",
    "subject: 'Your PyData talk: a question'\nsociable: {ignore: [GP101, EB102]}\n",
    "channel: cold-email\nto:\n  name: \"Dana O'Neil\"\n  company: Hartley Foods\n",
    "date: 2024-05-01\nsent: yes\ncount: 012\nratio: 1e3\nempty:\nlist: [a, 'b', \"c\"]\n",
    "title: Überraschung – naïve café 😀\nnote: |\n  two lines\n  of text\n",
    "anchors: &a {x: 1}\ncopy: *a\n",
]


@pytest.mark.parametrize("raw", FRONTMATTERS)
def test_same_data_as_safe_load(raw: str) -> None:
    assert _load_yaml(raw) == yaml.safe_load(raw)


@pytest.mark.parametrize("raw", ["channel: [\n", "a: b: c\n", "to: {name: x\n", "\tx: 1\n"])
def test_same_message_for_bad_yaml(raw: str) -> None:
    with pytest.raises(yaml.YAMLError) as ours:
        _load_yaml(raw)
    with pytest.raises(yaml.YAMLError) as theirs:
        yaml.safe_load(raw)
    assert str(ours.value) == str(theirs.value)
    with pytest.raises(DocumentError, match="invalid YAML frontmatter"):
        Document.from_text(f"---\n{raw}---\nHi there\n", "a.md")
