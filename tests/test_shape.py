"""The shape kind: token patterns over word classes, clause starts, guards, lexicons as data."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from sociable.config import Config, load_config
from sociable.context import load_context
from sociable.document import Document
from sociable.engine import check_document
from sociable.kinds.base import Rule, RuleError
from sociable.kinds.pattern import Pattern
from sociable.kinds.shape import ShapeKind, describe_rule, describe_shape, parse_shape
from sociable.packs.loader import PackError, inflect, link_lexicons, load_pack_parts
from sociable.packs.schema import RuleSpec
from sociable.ruleset import RuleSet, load_specs

KINDS = {"shape": ShapeKind(), "pattern": Pattern()}

PACK = """\
pack: t
lexicons:
  ask-verb: {words: [like, share, tag], inflect: verb}
  preamble: [please, just]
  negation: [not, don't]
  commentary: [bait]
  reporting: [said]
  fruit: [apple]
rules:
  - code: ZZ201
    name: zz-shape
    kind: shape
    category: engagement-bait
    severity: warning
    scope: text
    message: 'Asks ("{match}").'
    why: Because.
    shapes: ['^ {ask-verb} this|it ...2 if']
    examples:
      bad: ["Like this if you agree"]
      good: ["I like it"]
"""


def load(tmp_path: Path, text: str = PACK, extra: str | None = None) -> dict[str, RuleSpec]:
    paths = [tmp_path / "p.yaml"]
    paths[0].write_text(textwrap.dedent(text), encoding="utf-8")
    if extra is not None:
        paths.append(tmp_path / "q.yaml")
        paths[1].write_text(textwrap.dedent(extra), encoding="utf-8")
    return {spec.code: spec for spec in load_specs(paths, KINDS)}


def hits(spec: RuleSpec, text: str, settings: dict[str, object] | None = None) -> list[str]:
    kind = ShapeKind()
    rule = Rule(spec, kind, kind.prepare(spec), settings or {})
    doc = Document.from_text(text)
    return [doc.text[f.start : f.end] for f in kind.check(doc, rule)]


def with_shapes(spec: RuleSpec, **options: object) -> RuleSpec:
    return RuleSpec(**{**spec.__dict__, "options": {**spec.options, **options}})


def test_word_classes_take_inflections() -> None:
    assert inflect("tag", "verb") == ("tag", "tags", "tagged", "tagging")
    assert inflect("share", "verb") == ("share", "shares", "shared", "sharing")
    assert inflect("reply", "verb") == ("reply", "replies", "replied", "replying")
    assert inflect("channel", "noun") == ("channel", "channels")


def test_shape_matches_word_classes_gaps_and_clause_starts(tmp_path: Path) -> None:
    spec = load(tmp_path)["ZZ201"]
    assert hits(spec, "Like this post if you agree!") == ["Like this post if"]
    assert hits(spec, "Please SHARE it now if it helped.") == ["SHARE it now if"]
    # after an "if you ..., " clause and after a colon, an imperative starts again
    assert hits(spec, "If you laughed, tagged this if you want more") == ["tagged this if"]
    assert hits(spec, "Quick one: like this if you agree") == ["like this if"]
    # not at a clause start: a statement, not a request
    assert hits(spec, "I like this if the sun is out.") == []
    # the gap is bounded
    assert hits(spec, "Like this one very much today if you can") == []


def test_a_reply_opens_a_clause_after_the_handles_it_answers(tmp_path: Path) -> None:
    spec = load(tmp_path)["ZZ201"]
    assert hits(spec, "@ana @ben please like this if you agree") == ["like this if"]
    # a mention inside the sentence is not a clause start
    assert hits(spec, "Thanks to @ana like this if you agree") == []


def test_a_shape_that_opens_with_a_token_test_is_anchored_on_a_later_word() -> None:
    shape = parse_shape(":number {slot} left|remaining", {"slot": ["spots", "seats"]})
    assert shape.first_words is None
    assert shape.required_words == frozenset({"spots", "seats"})
    assert parse_shape(":number ...2 :emoji").required_words is None


def test_shared_guards(tmp_path: Path) -> None:
    spec = load(tmp_path)["ZZ201"]
    assert hits(spec, "Don't like this if you are tired.") == []  # negation is part of the clause start
    assert hits(spec, "So much bait: like this if you agree.") == []  # commentary about the habit
    assert hits(spec, "My boss said like this if you agree.") == []  # reported speech
    assert hits(spec, 'He wrote "like this if you agree" on every post.') == []  # quoted speech is masked
    question = with_shapes(spec, guards=["question"])
    assert hits(question, "Like this if you agree?") == []
    assert hits(question, "Like this if you agree.") == ["Like this if"]


def test_bold_unicode_letters_read_as_letters(tmp_path: Path) -> None:
    spec = load(tmp_path)["ZZ201"]
    assert hits(spec, "\U0001d40b\U0001d422\U0001d424\U0001d41e this if you agree") != []


def test_token_tests_dictated_words_and_affixes(tmp_path: Path) -> None:
    spec = load(tmp_path)["ZZ201"]
    dictated = with_shapes(spec, shapes=["^ say|type '? :dictated"])
    assert hits(dictated, "Type 'AMEN' if you believe") == ["Type 'AMEN"]
    assert hits(dictated, "Say 7 now") == ["Say 7"]
    assert hits(dictated, "Say hello to Ana") == []
    affix = with_shapes(spec, shapes=["#support~ ...6 buy"])
    assert hits(affix, "#SupportLocal and buy our mugs") == ["#SupportLocal and buy"]


def test_handle_reads_user_names_as_tools_paste_them(tmp_path: Path) -> None:
    spec = load(tmp_path)["ZZ201"]
    handle = with_shapes(spec, shapes=["^ hi :handle ,"])
    assert hits(handle, "Hi dana_lee, thanks") == ["Hi dana_lee,"]
    assert hits(handle, "Hi jsmith84, thanks") == ["Hi jsmith84,"]
    assert hits(handle, "Hi @kev, thanks") == ["Hi @kev,"]
    assert hits(handle, "Hi Dana, thanks") == []
    assert hits(handle, "Hi B2B, thanks") == []
    assert hits(handle, "Hi 3rd, thanks") == []


def test_count_reads_numbers_and_magnitude_letters(tmp_path: Path) -> None:
    spec = load(tmp_path)["ZZ201"]
    count = with_shapes(spec, shapes=["to :count likes"])
    assert hits(count, "get this to 500 likes") == ["to 500 likes"]
    assert hits(count, "get this to 10K likes") == ["to 10K likes"]
    assert hits(count, "get this to 2m likes") == ["to 2m likes"]
    # a word that only starts with digits, or a unit that is not a magnitude, is no count
    assert hits(count, "get this to 3rd likes") == []
    assert hits(count, "get this to 10kg likes") == []
    assert hits(count, "get this to many likes") == []


def test_links_are_one_token_read_only_by_rules_that_name_them(tmp_path: Path) -> None:
    spec = load(tmp_path)["ZZ201"]
    link = with_shapes(spec, shapes=["my {fruit} :url"])
    assert hits(link, "Try my apple https://example.com/a?b=1 now") == ["my apple https://example.com/a?b=1"]
    assert hits(link, "Try my apple www.example.org today") == ["my apple www.example.org"]
    assert hits(link, "Try my apple mysite.com today") == ["my apple mysite.com"]
    # a link is not a word, and text without one does not match
    assert hits(link, "Try my apple pie today") == []
    # rules that do not name :url keep reading links as masked, as before
    words = with_shapes(spec, shapes=["apple now"])
    assert hits(words, "apple https://example.com/a now") == ["apple https://example.com/a now"]


def test_groups_match_any_of_several_word_sequences(tmp_path: Path) -> None:
    spec = load(tmp_path)["ZZ201"]
    group = with_shapes(spec, shapes=["^ (sign up|register|put your name down) for my {fruit}"])
    assert hits(group, "Sign up for my apple club") == ["Sign up for my apple"]
    assert hits(group, "Please register for my apple club") == ["register for my apple"]
    assert hits(group, "Put your name down for my apple tree") == ["Put your name down for my apple"]
    assert hits(group, "Sign for my apple") == []  # half a sequence is not the sequence
    optional = with_shapes(spec, shapes=["(very much|really)? {ask-verb} it"])
    assert hits(optional, "I really like it") == ["really like it"]
    assert hits(optional, "I like it") == ["like it"]
    classes = with_shapes(spec, shapes=["(my {fruit}|our pears) :url"])
    assert hits(classes, "see our pears shop.io/x") == ["our pears shop.io/x"]
    assert "'sign up' or 'register'" in describe_shape("(sign up|register) now")
    with pytest.raises(RuleError, match="unclosed group"):
        parse_shape("(sign up|register now")
    with pytest.raises(RuleError, match="put gaps"):
        parse_shape("(sign ... up|register) now")


def test_requires_unless_and_max_words(tmp_path: Path) -> None:
    spec = load(tmp_path)["ZZ201"]
    requires = with_shapes(spec, requires=["{fruit}"])
    assert hits(requires, "Like this if you agree") == []
    assert hits(requires, "Like this if you agree. Apple pie later.") == ["Like this if"]
    unless = with_shapes(spec, unless=["agree"], unless_draft=[])
    assert hits(unless, "Like this if you agree") == []
    short = with_shapes(spec, max_words=3)
    assert hits(short, "Like this if you agree") == []


def test_max_other_words_flags_only_text_that_is_little_but_matches(tmp_path: Path) -> None:
    spec = with_shapes(load(tmp_path)["ZZ201"], shapes=["{fruit}", "like|share"], max_other_words=1)
    assert hits(spec, "Like apple, share apple!") == ["Like", "apple", "share"]
    assert hits(spec, "Like apple, share apple, really!") == ["Like", "apple", "share"]
    assert hits(spec, "Like apple pie with cream") == []  # three words of its own
    overlapping = with_shapes(spec, shapes=["like apple", "apple pie", "pie"], max_other_words=0)
    assert hits(overlapping, "like apple pie") == ["like apple", "pie"]  # every word is in some match
    off = with_shapes(spec, max_other_words=-1)
    assert hits(off, "Like apple pie with cream") == ["Like", "apple"]


def test_extend_lexicons_from_settings_adds_words_without_copying_a_rule(tmp_path: Path) -> None:
    spec = load(tmp_path)["ZZ201"]
    assert hits(spec, "Repost this if you agree") == []
    settings = {"extend_lexicons": {"ask-verb": ["repost"]}}
    assert hits(spec, "Repost this if you agree", settings) == ["Repost this if"]


def test_extend_lexicons_from_another_pack(tmp_path: Path) -> None:
    extra = """\
    pack: more
    extend-lexicons:
      ask-verb: [upvote]
    """
    spec = load(tmp_path, extra=extra)["ZZ201"]
    assert hits(spec, "Upvote it if you agree") == ["Upvote it if"]


def test_extend_lexicons_config_key(tmp_path: Path) -> None:
    (tmp_path / "sociable.toml").write_text('[extend-lexicons]\nspread-verb = ["boost"]\n', encoding="utf-8")
    config = load_config(tmp_path / "sociable.toml")
    assert config.extend_lexicons == {"spread-verb": ("boost",)}
    ruleset = load_context(config, use_cache=False).ruleset
    doc = Document.from_text("Boost this if you agree!", channel="linkedin-post")
    assert "EB120" in {f.code for f in check_document(doc, ruleset)}
    plain = load_context(Config(), use_cache=False).ruleset
    assert "EB120" not in {f.code for f in check_document(doc, plain)}


def test_unknown_word_class_is_an_error_at_the_rule(tmp_path: Path) -> None:
    with pytest.raises(PackError, match=r"p\.yaml:10: rule ZZ201: unknown word class \{nope\}"):
        load(tmp_path, PACK.replace("{ask-verb} this", "{nope} this"))


def test_class_declared_twice_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="already declared"):
        load(tmp_path, extra="pack: more\nlexicons:\n  fruit: [pear]\n")


def test_a_class_may_hold_phrases_matched_as_word_sequences(tmp_path: Path) -> None:
    # "lost" alone is a brag as often as a plea ("I lost 10 kg"); "lost dog" is the plea.
    text = PACK.replace("fruit: [apple]", "fruit: [apple, 'green  Pear', red fig tree]")
    spec = with_shapes(load(tmp_path, text)["ZZ201"], shapes=["eat a? {fruit} now?"])
    assert hits(spec, "Eat a green pear now. Eat apple. Eat red fig tree") == [
        "Eat a green pear now", "Eat apple", "Eat red fig tree"]
    assert hits(spec, "Eat the green apple, eat a pear") == []
    assert hits(with_shapes(spec, shapes=["{fruit}|:number today"]), "Apple today, 3 today, red fig today") == [
        "Apple today", "3 today"]
    inside = with_shapes(spec, shapes=["(eat {fruit})"])
    with pytest.raises(RuleError, match="holds phrases"):
        ShapeKind().prepare(inside)


def test_bad_shape_syntax_is_reported(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="unknown token test ':colour'"):
        load(tmp_path, PACK.replace("...2 if", ":colour"))
    with pytest.raises(RuleError, match="can match nothing"):
        parse_shape("this? that?")
    with pytest.raises(RuleError, match="gap"):
        parse_shape("a ...40 b")
    # a group written as one alternative of a token would split at its space unnoticed
    with pytest.raises(RuleError, match="mixes words and a group"):
        parse_shape("home ok|(all right)")


def test_long_pattern_is_rejected_with_a_pointer_to_shapes(tmp_path: Path) -> None:
    long_pattern = "|".join(f"word{i}" for i in range(60))
    text = PACK.replace("kind: shape", "kind: pattern").replace(
        "shapes: ['^ {ask-verb} this|it ...2 if']", f"pattern: '{long_pattern}'"
    )
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PackError, match=r"too long to review .*kind: shape"):
        load_pack_parts(path, KINDS)


def test_every_built_in_pattern_is_short(ruleset: RuleSet) -> None:
    for spec in ruleset.specs.values():
        if spec.kind == "pattern":
            patterns = spec.options["pattern"]
            for source in [patterns] if isinstance(patterns, str) else patterns:
                assert len(source) <= 300, spec.code


def test_explain_describes_the_shape(tmp_path: Path) -> None:
    spec = load(tmp_path)["ZZ201"]
    words = describe_rule(spec)
    assert "a ask-verb word" in words and "up to 2 words" in words and "'if'" in words
    assert "negation" in words or "negation comes" in words
    assert describe_shape("^ please? {x} $").startswith("at the start of a sentence")


def test_link_lexicons_gives_every_shape_rule_the_shared_table(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(PACK, encoding="utf-8")
    parts = load_pack_parts(tmp_path / "p.yaml", KINDS)
    link_lexicons([parts])
    table = parts.specs[0].options["lexicons"]
    assert "tagging" in table["ask-verb"] and table["fruit"] == ("apple",)


def test_shape_rules_run_in_linear_time(ruleset: RuleSet) -> None:
    """A draft ten times longer costs about ten times as much, not a hundred.

    Measured in CPU time of this process with the collector paused, the best of several runs:
    on a loaded machine (a parallel suite, CI neighbours) wall time counts other processes."""
    import gc
    import time

    sentence = "We shipped the release on Friday and the team celebrated with pizza. "
    def cost(repeat: int) -> float:
        doc = Document.from_text(sentence * repeat, channel="linkedin-post")
        start = time.process_time()
        for code in ruleset.selected:
            spec = ruleset.specs[code]
            if spec.kind == "shape" and spec.applies_to("linkedin-post"):
                rule = ruleset.rule(code)
                list(rule.kind.check(doc, rule))
        return time.process_time() - start
    cost(5)  # warm up
    gc.disable()
    try:
        small, large = min(cost(20) for _ in range(5)), min(cost(200) for _ in range(3))
    finally:
        gc.enable()
    assert large < small * 30


def test_a_draft_without_a_sentence_is_read_without_failing(tmp_path: Path) -> None:
    """Only emoji or marks ("🔥🔥", "{{ }}") make tokens but no sentence: no match, and no crash."""
    spec = with_shapes(load(tmp_path)["ZZ201"], shapes=[":emoji+", "{ {"])
    assert hits(spec, "🔥🔥🔥") == []
    assert hits(spec, "{{ }}") == []
    assert hits(spec, "Nice 🔥🔥") == ["🔥🔥"]


def test_emoji_between_words_are_decoration_and_an_emoji_ends_a_clause(tmp_path: Path) -> None:
    """Posts put emoji between the words of an ask ("Like 👉 this if") and use one in place of
    a full stop ("Great day 🌞 like this if ..."): neither hides the shape. An element that reads
    emoji still takes them, and an emoji that starts no clause changes nothing."""
    spec = load(tmp_path)["ZZ201"]
    assert hits(spec, "Like 👉 this if you agree") == ["Like 👉 this if"]
    assert hits(spec, "Like this 😂😂 if you agree") == ["Like this 😂😂 if"]
    assert hits(spec, "Great day at the lake 🌞 like this if you swam too") == ["like this if"]
    assert hits(spec, "I like 👉 this if it rains") == []  # no clause starts at "like"
    dictated = with_shapes(spec, shapes=["^ drop a :emoji if"])
    assert hits(dictated, "Drop a 🌮 if you want the recipe") == ["Drop a 🌮 if"]


def test_a_capital_glued_to_a_full_stop_starts_a_clause(tmp_path: Path) -> None:
    """Scrapes print posts with no space after a full stop ("What a week.Like this if ..."):
    the capital after the mark opens an imperative; a lower-case word or a spaced mark
    inside a word ("e.g.like") does not."""
    spec = load(tmp_path)["ZZ201"]
    assert hits(spec, "What a week.Like this if you agree") == ["Like this if"]
    assert hits(spec, "What a week!Like this if you agree") == ["Like this if"]
    assert hits(spec, "I said it.like this if nothing else") == []


@pytest.mark.parametrize(("text", "bait"), [
    ("I lost 10 kg this year. Like if you agree and share this with your network.", True),
    ("Found the best note-taking app. Share this with your network if it helps.", True),
    ("Lost dog near Elm Park since Friday, grey collar. Please share this with your network.", False),
    ("Blood donors needed at St Mary's on Monday, O-negative especially. Please share this.", False),
])
def test_the_help_request_guard_reads_a_plea_not_a_single_word(ruleset: RuleSet, text: str, bait: bool) -> None:
    doc = Document.from_text(text, channel="facebook-post")
    found = {f.code for f in check_document(doc, ruleset) if f.category == "engagement-bait"}
    assert bool(found) is bait, found


def test_a_hash_literal_reads_only_that_hashtag(tmp_path: Path) -> None:
    spec = with_shapes(load(tmp_path)["ZZ201"], shapes=["enter our? #giveaway|#contest"])
    assert hits(spec, "Enter our #giveaway today. Enter our giveaway page. Enter #Contest now") == [
        "Enter our #giveaway", "Enter #Contest"]
    assert hits(with_shapes(spec, shapes=["#giveaway"]), "The giveaway was the smell of smoke.") == []
    assert describe_shape("#giveaway") == "'#giveaway'"


def test_an_imperative_after_a_lead_clause_or_a_word_set_off_by_a_comma(tmp_path: Path) -> None:
    spec = load(tmp_path)["ZZ201"]
    assert hits(spec, "Really, like this if you agree") == ["like this if"]
    assert hits(spec, "Dana Lee, share it if it helped") == ["share it if"]
    assert hits(spec, "After a long week of shipping the release, like this if you laughed") == ["like this if"]
    assert hits(spec, "When you are done, share it if it helped") == ["share it if"]
    # a comma late in the sentence is not a clause start
    assert hits(spec, "We shipped the new search engine, like this if you agree") == []


GUARD_PACK = PACK.replace("negation: [not, don't]", "negation: [not, don't, never]\n  nudge: [forget, hesitate]").replace(
    "reporting: [said]", "reporting: [say, said]").replace(
    "shapes: ['^ {ask-verb} this|it ...2 if']", "shapes: ['{ask-verb} my page', 'we won']")


def test_a_negated_nudge_is_an_imperative_to_act(tmp_path: Path) -> None:
    spec = load(tmp_path, GUARD_PACK)["ZZ201"]
    assert hits(spec, "Don't forget to share my page") == ["share my page"]
    assert hits(spec, "Never hesitate to share my page") == ["share my page"]
    assert hits(spec, "Don't share my page") == []  # the negation denies the act itself
    assert hits(spec, "Please don't ever share my page") == []


def test_the_nudge_verbs_are_a_word_class_a_pack_extends(tmp_path: Path) -> None:
    """The nudges are data (``nudge`` in ``rules/words.yaml``): another pack may add one."""
    extra = """\
    pack: u
    extend-lexicons:
      nudge: [neglect]
    """
    assert hits(load(tmp_path, GUARD_PACK)["ZZ201"], "Don't neglect to share my page") == []
    spec = load(tmp_path, GUARD_PACK, extra=extra)["ZZ201"]
    assert hits(spec, "Don't neglect to share my page") == ["share my page"]
    assert hits(spec, "Don't forget to share my page") == ["share my page"]


def test_a_reporting_word_after_to_is_the_writers_own_voice(tmp_path: Path) -> None:
    spec = load(tmp_path, GUARD_PACK)["ZZ201"]
    assert hits(spec, "Happy to say we won the regional final.") == ["we won"]
    assert hits(spec, "Needless to say, we won.") == ["we won"]
    assert hits(spec, "My coach said we won on points.") == []  # someone else's words


def test_an_element_with_exceptions_fits_any_token_but_those(tmp_path: Path) -> None:
    spec = load(tmp_path)["ZZ201"]
    thing = with_shapes(spec, shapes=["your :word!time|{fruit}"], guards=[])
    assert hits(thing, "Loved your thesis.") == ["your thesis"]
    # the excepted words, a class's words among them, never fit; the case does not matter
    assert hits(thing, "Thanks for your time.") == []
    assert hits(thing, "Thanks for your APPLE.") == []
    named = with_shapes(spec, shapes=["met :name!{fruit}|may at"], guards=[])
    assert hits(named, "we met Dana at the fair") == ["met Dana at"]
    assert hits(named, "we met May at the fair") == []
    # a bare "!", or one between bars, stays the exclamation mark
    bang = with_shapes(spec, shapes=["agree .|!|,", "wow !"], guards=[])
    assert hits(bang, "I agree! Wow!") == ["agree!", "Wow!"]
    assert "other than 'time' or a fruit word" in describe_shape("your :word!time|{fruit}")
    with pytest.raises(RuleError, match="exceptions"):
        parse_shape("your :word!(time|money)")


def test_when_missing_flags_a_draft_with_none_of_the_shapes_once(tmp_path: Path) -> None:
    spec = load(tmp_path)["ZZ201"]
    evidence = with_shapes(spec, shapes=["hi :name!there", "your talk on"], when="missing", guards=[])
    assert hits(evidence, "Hi there, we build dashboards.\nWant a demo?") == ["Hi there, we build dashboards."]
    assert hits(evidence, "Hi Dana, we build dashboards.") == []
    assert hits(evidence, "Loved your talk on flaky tests.") == []
    assert hits(evidence, "") == []
    # unless_draft shapes are evidence too; requires says whether the rule applies at all
    assert hits(with_shapes(evidence, unless_draft=["{fruit}"]), "Hi there, apple pie?") == []
    assert hits(with_shapes(evidence, requires=["{fruit}"]), "Hi there, we build dashboards.") == []
    assert "holds none of these shapes" in describe_rule(evidence)
    with pytest.raises(RuleError, match="'when'"):
        ShapeKind().prepare(with_shapes(spec, when="sometimes"))
