"""Form robustness: do the shipped rules still fire when their own examples take real-world forms?

A rule written from tidy sentences can miss the same habit in the form real posts and messages
take: no final punctuation, one clause per line, all lower case or ALL CAPS, emoji between
words, sentences glued without a space ("week.Thrilled"), mathematical bold letters, curly quotes, a leading ``@name`` or "Hi all,", trailing
hashtags, a filler word ("just", "really", "please", "guys"), a name or a link in the middle, the habit
inside a longer sentence, a typo. For every rule (or ``--family X``, ``--rule CODE``) this
takes each ``bad`` example, applies each transform (deterministic: no randomness), lints the
variant with only that rule selected and the example's channel (the rule's first channel when
the example names none, as ``tests/test_pack_examples.py`` does), and prints per rule and per
transform how many variants still fire. The same runs for ``good`` examples, counting variants
that *start* firing: a precision risk.

    python benchmarks/variants.py [--family NAME] [--rule CODE] [--transform NAME]
                                  [--show miss|fire|all] [--summary]

``--show miss`` prints the bad variants a rule no longer fires on (and ``fire`` the good
variants it starts firing on), so the form that defeats a rule can be read and the rule fixed,
not the example. Only the packs' own examples are used: no corpus text is read.
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # run from a checkout too

if TYPE_CHECKING:
    from sociable.ruleset import RuleSet

_FRONTMATTER = re.compile(r"\A(---\r?\n.*?\r?\n---\r?\n)", re.S)
_SENTENCE_END = re.compile(r"([.!?]+)(?=\s|$)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

# --- transforms: text -> text, deterministic ----------------------------------------------


def no_final_punct(text: str) -> str:
    """Drop the full stops, exclamation marks and question marks that end sentences."""
    return _SENTENCE_END.sub("", text)


def broetry(text: str) -> str:
    """One clause per line, no full stops: sentence ends and commas become line breaks."""
    out = re.sub(r"[.!]+(?=\s|$)\s*", "\n", text)
    out = re.sub(r",\s+", "\n", out)
    return out.strip("\n")


def glued(text: str) -> str:
    """No space after a sentence's closing mark, as scrapes print posts ("week.Thrilled")."""
    return re.sub(r"([.!?])[ \t]+(?=[A-Z])", r"\1", text)


def lowercase(text: str) -> str:
    return text.lower()


def uppercase(text: str) -> str:
    return text.upper()


def emoji_between(text: str) -> str:
    """An emoji after the first word of every sentence ("Tag 👉 a friend")."""
    def first_word(match: re.Match[str]) -> str:
        return match.group(1) + " 👉"
    return re.sub(r"(?:(?<=^)|(?<=[.!?]\s)|(?<=\n))([A-Za-z][\w'’-]*)", first_word, text)


def emoji_instead(text: str) -> str:
    """Emoji standing for words: "and" as ➕, "love" as ❤️, "fire" as 🔥."""
    out = re.sub(r"\band\b", "➕", text)
    out = re.sub(r"\blove\b", "❤️", out, flags=re.I)
    return out


_BOLD_UPPER, _BOLD_LOWER = 0x1D400, 0x1D41A


def _bold(word: str) -> str:
    chars = []
    for char in word:
        if "A" <= char <= "Z":
            chars.append(chr(_BOLD_UPPER + ord(char) - ord("A")))
        elif "a" <= char <= "z":
            chars.append(chr(_BOLD_LOWER + ord(char) - ord("a")))
        else:
            chars.append(char)
    return "".join(chars)


def math_bold(text: str) -> str:
    """The first three words of every line in mathematical bold letters, as posts set them."""
    def line(text_line: str) -> str:
        count = 0

        def word(match: re.Match[str]) -> str:
            nonlocal count
            count += 1
            return _bold(match.group()) if count <= 3 else match.group()
        return _WORD.sub(word, text_line)
    return "\n".join(line(part) for part in text.split("\n"))


def curly_quotes(text: str) -> str:
    """Straight quotes and apostrophes as word processors and phones type them."""
    out = re.sub(r"(\w)'(\w)", "\\1\u2019\\2", text)
    out = re.sub(r"'([^']*)'", "\u2018\\1\u2019", out)
    out = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", out)
    return out.replace("'", "\u2019")


def leading_mention(text: str) -> str:
    return "@dana_k " + text


def hi_all(text: str) -> str:
    return "Hi all,\n\n" + text


def trailing_hashtags(text: str) -> str:
    return text.rstrip() + "\n\n#growth #community #mondaymotivation"


def filler_just(text: str) -> str:
    """'just' at the start of every sentence ("Just tag a friend ...")."""
    return re.sub(r"(?:(?<=^)|(?<=[.!?]\s)|(?<=\n))([A-Z])", lambda m: "Just " + m.group(1).lower(), text)


def filler_really(text: str) -> str:
    """'really' where people put it: after the first pronoun or verb of being ("I'm really
    thrilled"), else "Really," opening the text."""
    out = re.sub(r"\b(I|we|you|they|I'm|we're|you're|it's|is|are|am|was|so)\b ", r"\1 really ", text, count=1)
    return out if out != text else "Really, " + text[:1].lower() + text[1:]


def filler_please(text: str) -> str:
    """'please' opening every sentence ("Please tag a friend ...")."""
    return re.sub(r"(?:(?<=^)|(?<=[.!?]\s)|(?<=\n))([A-Z])", lambda m: "Please " + m.group(1).lower(), text)


def filler_guys(text: str) -> str:
    """', guys' before the end of every sentence."""
    out = _SENTENCE_END.sub(lambda m: " guys" + m.group(1), text)
    return out if out != text else text.rstrip() + " guys"


def filler_everyone(text: str) -> str:
    """'Everyone, ' opening the text."""
    return "Everyone, " + text[:1].lower() + text[1:]


def _middle(text: str) -> int:
    """A word boundary near the middle of the text (after a space)."""
    spaces = [m.start() for m in re.finditer(r" ", text)]
    if not spaces:
        return len(text)
    return spaces[len(spaces) // 2]


def name_in_middle(text: str) -> str:
    """A name where people address someone mid-text: opening the second sentence, else
    before the first comma, else as a vocative before the closing mark."""
    second = re.search(r"[.!?]\s+([A-Z])", text)
    if second:
        at = second.start(1)
        return text[:at] + "Dana, " + text[at].lower() + text[at + 1 :]
    comma = text.find(", ")
    if comma > 0:
        return text[:comma] + " Dana" + text[comma:]
    body = text.rstrip()
    end = len(body) - len(body.rstrip(".!?"))
    return body[: len(body) - end] + ", Dana" + body[len(body) - end :]


def link_in_middle(text: str) -> str:
    at = _middle(text)
    return text[:at] + " https://example.com/spring" + text[at:]


def long_sentence(text: str) -> str:
    """The habit in the middle of a long sentence: a clause before it and one after."""
    body = text.rstrip()
    end = ""
    if body and body[-1] in ".!?":
        body, end = body[:-1], body[-1]
    lead = "After a long week of shipping the new release with the whole team, "
    first = body[:1].lower() + body[1:] if body[1:2].islower() else body
    return lead + first + " because the weekend is almost here and everyone deserves a break" + (end or ".")


def two_habits(text: str) -> str:
    """Another ask in the same sentence, joined with 'and'."""
    body = text.rstrip()
    end = ""
    if body and body[-1] in ".!?":
        body, end = body[:-1], body[-1]
    return body + " and let me know what you think" + (end or "!")


def typo(text: str) -> str:
    """One typo: the two middle letters of the longest word of four letters or more swapped."""
    words = [m for m in _WORD.finditer(text) if len(m.group()) >= 4]
    if not words:
        return text
    target = max(words, key=lambda m: (len(m.group()), -m.start()))
    word = target.group()
    middle = len(word) // 2
    swapped = word[: middle - 1] + word[middle] + word[middle - 1] + word[middle + 1 :]
    return text[: target.start()] + swapped + text[target.end() :]


TRANSFORMS: dict[str, Callable[[str], str]] = {
    "nopunct": no_final_punct,
    "broetry": broetry,
    "glued": glued,
    "lower": lowercase,
    "upper": uppercase,
    "emoji": emoji_between,
    "emoji4w": emoji_instead,
    "bold": math_bold,
    "curly": curly_quotes,
    "@name": leading_mention,
    "hiall": hi_all,
    "#tags": trailing_hashtags,
    "just": filler_just,
    "really": filler_really,
    "please": filler_please,
    "guys": filler_guys,
    "everyone": filler_everyone,
    "name": name_in_middle,
    "link": link_in_middle,
    "long": long_sentence,
    "two": two_habits,
    "typo": typo,
}


def apply(transform: Callable[[str], str], example: str) -> str:
    """Transform the draft body only; frontmatter (the channel) stays as written."""
    match = _FRONTMATTER.match(example)
    head = match.group(1) if match else ""
    return head + transform(example[len(head) :])


# --- running ------------------------------------------------------------------------------


@dataclass
class RuleResult:
    code: str
    bad: int = 0
    good: int = 0
    #: transform -> [variants that still fire, variants tried] for bad examples
    kept: dict[str, list[int]] = field(default_factory=dict)
    #: transform -> [variants that start firing, variants tried] for good examples
    started: dict[str, list[int]] = field(default_factory=dict)
    misses: list[tuple[str, str]] = field(default_factory=list)
    fires: list[tuple[str, str]] = field(default_factory=list)


def _fires(ruleset: RuleSet, code: str, text: str) -> bool:
    from sociable.document import Document, DocumentError
    from sociable.engine import check_document

    spec = ruleset.specs[code]
    channel = spec.channels[0] if spec.channels else None
    try:
        doc = Document.from_text(text, f"<{code} variant>", channel=channel)
    except DocumentError:  # a transform that breaks the frontmatter is no finding
        return False
    return any(code in finding.codes for finding in check_document(doc, ruleset))


def _tally(ruleset: RuleSet, code: str, examples: list[str], transforms: dict[str, Callable[[str], str]],
           bad: bool, counts: dict[str, list[int]], listed: list[tuple[str, str]]) -> None:
    """Variants of each example that reads as it should (a bad one fires, a good one does not):
    per transform [variants firing, variants tried]; the ones that change sides are listed."""
    for example in examples:
        if _fires(ruleset, code, example) != bad:
            continue  # a broken example is the pack test's business, not a form's
        for name, transform in transforms.items():
            variant = apply(transform, example)
            hit = _fires(ruleset, code, variant)
            tried = counts.setdefault(name, [0, 0])
            tried[0] += hit
            tried[1] += 1
            if hit != bad:
                listed.append((name, variant))


def run_rule(ruleset: RuleSet, code: str, transforms: dict[str, Callable[[str], str]]) -> RuleResult:
    """One rule alone (copy of the run's rule set with only it selected) over every variant."""
    single = copy.copy(ruleset)
    single.selected = [code]
    spec = ruleset.specs[code]
    result = RuleResult(code, len(spec.examples_bad), len(spec.examples_good))
    _tally(single, code, spec.examples_bad, transforms, True, result.kept, result.misses)
    _tally(single, code, spec.examples_good, transforms, False, result.started, result.fires)
    return result


def _cell(counts: list[int] | None, worst_is_low: bool) -> str:
    if not counts or not counts[1]:
        return "-"
    hit, total = counts
    if worst_is_low and hit == total:
        return "."
    if not worst_is_low and hit == 0:
        return "."
    return f"{hit}/{total}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--family", help="only rules of this category (e.g. engagement-bait)")
    parser.add_argument("--rule", action="append", help="only this rule code (repeatable)")
    parser.add_argument("--transform", action="append", choices=sorted(TRANSFORMS), help="only this transform")
    parser.add_argument("--show", choices=("miss", "fire", "all"), help="print defeated bad / newly firing good variants")
    parser.add_argument("--summary", action="store_true", help="only the per-transform totals")
    args = parser.parse_args(argv)

    from sociable.config import Config
    from sociable.context import load_context

    ruleset = load_context(Config(), use_cache=False).ruleset
    transforms = {name: TRANSFORMS[name] for name in (args.transform or TRANSFORMS)}
    codes = sorted(
        code for code, spec in ruleset.specs.items()
        if (not args.family or spec.category == args.family)
        and (not args.rule or code in args.rule)
        and not ruleset.is_corpus(code)
        and not ruleset.kinds[spec.kind].needs_setting
    )
    if not codes:
        print("no rule matches", file=sys.stderr)
        return 2
    results = [run_rule(ruleset, code, transforms) for code in codes]

    names = list(transforms)
    width = max(6, *(len(n) + 1 for n in names))
    if not args.summary:
        print("bad examples that still fire after each transform ('.' = all of them)")
        print(f"{'rule':<8}{'n':>3} " + "".join(f"{n:>{width}}" for n in names))
        for result in results:
            print(f"{result.code:<8}{result.bad:>3} " + "".join(
                f"{_cell(result.kept.get(n), True):>{width}}" for n in names))
        print()
        print("good examples that start firing after each transform ('.' = none)")
        print(f"{'rule':<8}{'n':>3} " + "".join(f"{n:>{width}}" for n in names))
        for result in results:
            if any(result.started.get(n, [0, 0])[0] for n in names):
                print(f"{result.code:<8}{result.good:>3} " + "".join(
                    f"{_cell(result.started.get(n), False):>{width}}" for n in names))
        print()
    print(f"{'transform':<10}{'bad kept':>12}{'share':>8}{'good fire':>12}")
    total_kept = [0, 0]
    total_started = [0, 0]
    for name in names:
        kept = [sum(r.kept.get(name, [0, 0])[i] for r in results) for i in (0, 1)]
        started = [sum(r.started.get(name, [0, 0])[i] for r in results) for i in (0, 1)]
        total_kept = [a + b for a, b in zip(total_kept, kept, strict=True)]
        total_started = [a + b for a, b in zip(total_started, started, strict=True)]
        share = kept[0] / kept[1] if kept[1] else 1.0
        print(f"{name:<10}{kept[0]:>6}/{kept[1]:<5}{share:>8.0%}{started[0]:>6}/{started[1]:<5}")
    share = total_kept[0] / total_kept[1] if total_kept[1] else 1.0
    print(f"{'all':<10}{total_kept[0]:>6}/{total_kept[1]:<5}{share:>8.0%}{total_started[0]:>6}/{total_started[1]:<5}")
    if args.show:
        for result in results:
            if args.show in ("miss", "all"):
                for name, variant in result.misses:
                    print(f"MISS {result.code} [{name}] {variant!r}")
            if args.show in ("fire", "all"):
                for name, variant in result.fires:
                    print(f"FIRE {result.code} [{name}] {variant!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
