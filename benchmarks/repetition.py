"""Benchmark of cross-draft repetition (RP101): recall, precision, time and memory at scale.

Generates N synthetic outreach drafts from sentence templates with many random slots (so two
unrelated drafts share little text), plants near-duplicates of 5% of them (name swapped, one
word swapped, a comma moved, a sentence added), then runs the real code: ``Document`` parsing and
``NearDuplicate.signature`` in a process pool (as the CLI does), then ``NearDuplicate.compare``
in the main process. Prints recall, precision, seconds and peak memory per size.

Times: ``wall`` is what the clock saw (including generating the texts in the workers, and
whatever else the machine is doing); ``cpu`` is process time spent parsing drafts, signing
them (view, normalise, shingle, sketch) and comparing, with "on N cores" = (parse + sign) / N
+ compare, the figure to hold against the 60 s target on a loaded machine.

With ``--datasketch`` it also runs the same drafts through datasketch's MinHash (128
permutations) and MinHashLSH, to check that the library does not beat the built-in sketch.

    .venv/bin/python benchmarks/repetition.py                 # 10k and 100k, 2 workers
    .venv/bin/python benchmarks/repetition.py --sizes 10000 --datasketch
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import sys
import time
from collections.abc import Iterator, Sequence
from typing import Any

from sociable.document import Document
from sociable.kinds.base import Rule
from sociable.kinds.hashtag_set import HashtagSet
from sociable.kinds.near_duplicate import NearDuplicate
from sociable.kinds.self_repetition import SelfRepetition
from sociable.kinds.shared_sentence import SharedSentence
from sociable.packs.loader import load_pack
from sociable.plugins.builtin import PACKS_DIR

NAMES = ("Ana", "Ben", "Chloe", "Dev", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Lars",
         "Maya", "Nico", "Olu", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wen", "Yusuf")
COMPANIES = ("Acme", "Globex", "Initech", "Hooli", "Stark", "Wayne", "Umbrella", "Soylent", "Vandelay",
             "Pied Piper", "Tyrell", "Cyberdyne", "Aperture", "Wonka", "Monarch", "Oscorp")
TOPICS = ("onboarding churn", "trial conversion", "pricing pages", "warehouse picking", "field service routes",
          "clinic scheduling", "invoice disputes", "freight quotes", "tenant screening", "volunteer rosters",
          "school timetables", "menu costing", "sensor calibration", "grant reporting", "returns fraud",
          "shift swaps", "podcast editing", "seed sourcing", "solar permits", "loan underwriting",
          "press releases", "claims triage", "spare parts forecasting", "lab sample tracking",
          "event ticketing", "fleet maintenance", "store layouts", "payroll errors", "donor retention",
          "course completion", "API rate limits", "hiring funnels", "customer interviews", "data contracts")
ADJ = ("quiet", "stubborn", "hidden", "slow", "manual", "seasonal", "costly", "messy", "fragile", "noisy",
       "overlooked", "recurring", "late", "duplicated", "unpriced", "half-finished", "legacy", "risky")
NOUN = ("handoff", "spreadsheet", "approval step", "export", "queue", "backlog", "form", "audit",
        "checklist", "dashboard", "report", "calendar", "inbox", "ticket", "contract", "forecast",
        "template", "migration", "review", "pipeline", "survey", "playbook", "budget", "policy")
VERB = ("cut", "halved", "rebuilt", "automated", "simplified", "measured", "untangled", "replaced",
        "merged", "documented", "tested", "priced", "mapped", "trimmed", "redesigned", "rescued")
PLACE = ("a regional bakery chain", "two rural clinics", "a mid-size logistics firm", "a city council team",
         "a seed-stage fintech", "a family-run hotel group", "a university lab", "a nonprofit food bank",
         "an e-commerce brand", "a construction supplier", "a public library network", "a dental group")
ASK = ("Would a short call next {day} be useful?", "Is this on your list for the {when}?",
       "Should I send the two-page write-up instead?", "Who on your team owns the {noun} today?",
       "Did you try anything like this at {company} already?", "Is the {adj} {noun} still a problem?",
       "Would it help if I shared the numbers from {place}?", "Can I ask how you handle the {noun} now?")
SENTENCES = (
    "I read your post about {topic} and the bit on the {adj} {noun}.",
    "Your note on {topic} made me rethink our {noun}.",
    "We {verb} the {adj} {noun} for {place} last {when} and saved {n} hours a week.",
    "At {place} the {noun} took {n} days until we {verb} it.",
    "Most teams I talk to treat {topic} as a {noun} problem, but it is usually a {adj} {noun}.",
    "The {adj} {noun} behind {topic} is where the money leaks.",
    "I noticed {company} is hiring for {topic}, which usually means the {noun} is getting {adj}.",
    "Our team {verb} a {noun} for {topic} in {n} weeks, and the {adj} part was the {noun2}.",
    "When {place} {verb} their {noun}, {topic} improved by {n} percent.",
    "You mentioned the {adj} {noun} in your talk on {topic}.",
    "The fix was boring: we {verb} the {noun2} and stopped the {adj} {noun}.",
    "I keep a short list of what worked for {topic}, including the {noun2} we {verb}.",
    "Quick context: I spent {n} years fixing {topic} for {place}.",
    "Congrats on the {when} launch; the {noun} looked far less {adj} than before.",
    "One thing surprised us about {topic}: nobody owned the {noun2}.",
    "If the {noun} still needs a manual step, there is a cheap way around it.",
    "Happy to walk through the {noun2} we {verb}, warts and all.",
    "Your comment under the {topic} thread was the sharpest one there.",
    "We measured {n} hours lost per month to the {adj} {noun} alone.",
    "Not pitching anything yet, just curious how {company} thinks about {topic}.",
    "Last {when} a client asked us to look at {topic} and we found {n} duplicate {noun}s.",
    "The numbers went from {n} to {n2} within a {when} once the {noun2} was gone.",
    "My guess is the {noun} is fine and the {noun2} is where it hurts.",
    "A friend at {place} pointed me to your write-up on {topic}.",
    "There is a {adj} pattern in how teams approach {topic} that I keep seeing.",
    "Before we {verb} anything, we sat with the people who use the {noun} every day.",
    "I am building a small tool for {topic} and would value a blunt opinion.",
    "Your podcast episode on {topic} came up in our standup twice this {when}.",
    "The part about the {adj} {noun2} matched what we saw at {place} almost exactly.",
    "We tried three vendors for {topic} before we {verb} the {noun} ourselves.",
    "Sorry for the cold note; I only write when I have something concrete about {topic}.",
    "It took us {n} tries to get the {noun2} right, and the third failure taught us most.",
    "Teams that {verb} the {noun} first tend to see {topic} settle within weeks.",
    "I noticed your job post mentions the {noun2} and {topic} in the same line.",
    "Our data from {n} pilots says the {adj} {noun} matters more than the software.",
    "You probably get a lot of notes about {topic}, so I will keep this to the numbers.",
)
# Optional tails, so two drafts that pick the same sentence templates still differ.
CLAUSES = (
    "which cost us {n} weeks", "and nobody noticed for a {when}", "though the {noun2} stayed {adj}",
    "mostly by deleting the {noun2}", "with help from {place}", "once the {noun2} had an owner",
    "after {n} failed attempts", "and the {adj} {noun2} went away", "before anyone asked for a budget",
    "which surprised the finance team", "without touching the {noun2}", "in under {n} days",
    "and the support queue dropped by {n} percent", "because the {noun2} was {adj}",
    "while the {noun} kept running", "which I did not expect", "so the {noun2} could wait",
    "and that changed how we think about {topic}", "for roughly {n} euros a month",
    "but only after the {when} rush", "with a {adj} spreadsheet as the spec", "and it stuck",
)
DAYS = ("week", "Tuesday", "Thursday", "month")
WHEN = ("quarter", "spring", "year", "autumn", "summer", "winter")


def _fill(rng: random.Random, template: str) -> str:
    return template.format(
        topic=rng.choice(TOPICS), adj=rng.choice(ADJ), noun=rng.choice(NOUN), noun2=rng.choice(NOUN),
        verb=rng.choice(VERB), place=rng.choice(PLACE), when=rng.choice(WHEN), day=rng.choice(DAYS),
        n=rng.randint(2, 60), n2=rng.randint(61, 900), company=rng.choice(COMPANIES),
    )


def _with_tail(rng: random.Random, sentence: str) -> str:
    if rng.random() < 0.6:
        return f"{sentence[:-1]}, {_fill(rng, rng.choice(CLAUSES))}{sentence[-1]}"
    return sentence


def base_draft(seed: int) -> tuple[str, str, list[str]]:
    """Name, greeting line and the sentences of one unrelated draft."""
    rng = random.Random(seed)
    name = rng.choice(NAMES)
    chosen = rng.sample(SENTENCES, rng.randint(3, 6))
    body = [_with_tail(rng, _fill(rng, s)) for s in chosen] + [_fill(rng, rng.choice(ASK))]
    return name, rng.choice(("Hi", "Hello", "Hey")), body


MUTATIONS = ("name", "word", "comma", "sentence")


def render(name: str, hello: str, body: Sequence[str]) -> str:
    return f"{hello} {name},\n\n{' '.join(body)}\n\nBest,\nSam\n"


def draft_text(index: int, size: int, seed: int) -> str:
    """The text of draft ``index``: unrelated, or a planted near-duplicate of an earlier one."""
    original = planted_original(index, size)
    if original is None:
        return render(*base_draft(seed * 1_000_003 + index))
    name, hello, body = base_draft(seed * 1_000_003 + original)
    rng = random.Random(index)
    mutation = MUTATIONS[index % len(MUTATIONS)]
    body = list(body)
    if mutation == "name":
        name = rng.choice([n for n in NAMES if n != name])
    elif mutation == "word":
        k = rng.randrange(len(body))
        words = body[k].split()
        w = rng.randrange(len(words))
        words[w] = rng.choice(("really", "honestly", "simply", "clearly", "frankly"))
        body[k] = " ".join(words)
    elif mutation == "comma":
        k = rng.randrange(len(body))
        words = body[k].replace(",", "").split()
        w = rng.randrange(1, len(words) - 1)
        words[w] += ","
        body[k] = " ".join(words)
    else:
        body.insert(rng.randrange(len(body) + 1), _fill(rng, rng.choice(SENTENCES)))
    return render(name, hello, body)


def planted_original(index: int, size: int) -> int | None:
    """Every 20th draft copies an unplanted draft about half the corpus away (wrapping)."""
    if index % 20 != 19:
        return None
    original = (index + size // 2 + 7) % size
    return original if original % 20 != 19 else (original + 1) % size


def truth(size: int) -> set[tuple[int, int]]:
    pairs = set()
    for index in range(size):
        original = planted_original(index, size)
        if original is not None:
            pairs.add((min(index, original), max(index, original)))
    return pairs


# --- the real code, in workers ---------------------------------------------------------------

_RULE: Rule | None = None


def _rule() -> Rule:
    """RP101 as the built-in pack defines it (only this pack's kinds: no other plugin needed)."""
    global _RULE
    if _RULE is None:
        kinds = {k.name: k for k in (NearDuplicate(), SharedSentence(), HashtagSet(), SelfRepetition())}
        spec = next(s for s in load_pack(PACKS_DIR / "repetition.yaml", kinds) if s.code == "RP101")
        kind = kinds[spec.kind]
        _RULE = Rule(spec, kind, kind.prepare(spec), {})
    return _RULE


def sign_range(task: tuple[int, int, int, int]) -> tuple[list[Any], float, float]:
    """Signatures of drafts ``start..stop``, with the CPU seconds spent parsing and signing
    (generating the text is not counted)."""
    start, stop, size, seed = task
    rule = _rule()
    texts = [draft_text(index, size, seed) for index in range(start, stop)]
    out = []
    parse = sign = 0.0
    for index, text in zip(range(start, stop), texts, strict=True):
        t0 = time.process_time()
        doc = Document.from_text(text, f"drafts/{index}.md")
        t1 = time.process_time()
        out.append(rule.kind.signature(doc, rule))
        parse += t1 - t0
        sign += time.process_time() - t1
    return out, parse, sign


def chunks(size: int, seed: int, step: int = 500) -> Iterator[tuple[int, int, int, int]]:
    for start in range(0, size, step):
        yield start, min(size, start + step), size, seed


def score(found: set[tuple[int, int]], size: int) -> tuple[float, float]:
    expected = truth(size)
    hits = len(found & expected)
    return hits / len(expected), (hits / len(found) if found else 1.0)


def run_builtin(size: int, workers: int, seed: int) -> None:
    rule = _rule()
    begin = time.perf_counter()
    signatures: list[Any] = []
    parse = sign = 0.0
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for part, part_parse, part_sign in pool.imap(sign_range, chunks(size, seed)):
            signatures.extend(part)
            parse += part_parse
            sign += part_sign
    signed = time.perf_counter()
    cpu = time.process_time()
    findings = list(rule.kind.compare([s for s in signatures if s is not None], rule))
    done = time.perf_counter()
    compare_cpu = time.process_time() - cpu
    found = set()
    for finding in findings:
        mine = int(finding.path.split("/")[1].split(".")[0])
        other = int(finding.message.split("drafts/")[1].split(".")[0])
        found.add((min(mine, other), max(mine, other)))
    recall, precision = score(found, size)
    peak_main = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    sketch_bytes = sum(len(s.sketch) for s in signatures if s is not None)
    print(
        f"builtin    n={size:>6}  recall={recall:.3f}  precision={precision:.3f}  "
        f"wall: generate+parse+sign={signed - begin:.1f}s compare={done - signed:.1f}s  "
        f"cpu: parse={parse:.1f}s sign={sign:.1f}s compare={compare_cpu:.1f}s "
        f"(on {workers} cores: {(parse + sign) / workers + compare_cpu:.1f}s)  "
        f"peak RSS main={peak_main:.0f} MB worker={peak_workers:.0f} MB  sketches={sketch_bytes / 2**20:.1f} MB  "
        f"findings={len(findings)}"
    )
    sys.stdout.flush()


def datasketch_range(task: tuple[int, int, int, int]) -> tuple[list[Any], float, float]:
    from datasketch import MinHash

    from sociable.kinds.corpus import normalise

    start, stop, size, seed = task
    rule = _rule()
    texts = [draft_text(index, size, seed) for index in range(start, stop)]
    out = []
    parse = sign = 0.0
    for index, text in zip(range(start, stop), texts, strict=True):
        t0 = time.process_time()
        doc = Document.from_text(text, f"drafts/{index}.md")
        t1 = time.process_time()
        data = normalise(doc.view(rule.spec.scope).strip()).encode()
        minhash = MinHash(num_perm=128)
        minhash.update_batch([data[i : i + 5] for i in range(len(data) - 4)])
        out.append(minhash)
        parse += t1 - t0
        sign += time.process_time() - t1
    return out, parse, sign


def run_datasketch(size: int, workers: int, seed: int) -> None:
    from datasketch import MinHashLSH

    begin = time.perf_counter()
    hashes: list[Any] = []
    parse = sign = 0.0
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for part, part_parse, part_sign in pool.imap(datasketch_range, chunks(size, seed)):
            hashes.extend(part)
            parse += part_parse
            sign += part_sign
    signed = time.perf_counter()
    cpu = time.process_time()
    lsh = MinHashLSH(threshold=0.7, num_perm=128)
    for index, minhash in enumerate(hashes):
        lsh.insert(index, minhash)
    found = set()
    for index, minhash in enumerate(hashes):
        for other in lsh.query(minhash):
            if other != index and minhash.jaccard(hashes[other]) >= 0.7:
                found.add((min(index, other), max(index, other)))
    done = time.perf_counter()
    compare_cpu = time.process_time() - cpu
    recall, precision = score(found, size)
    print(
        f"datasketch n={size:>6}  recall={recall:.3f}  precision={precision:.3f}  "
        f"wall: generate+parse+sign={signed - begin:.1f}s compare={done - signed:.1f}s  "
        f"cpu: parse={parse:.1f}s sign={sign:.1f}s compare={compare_cpu:.1f}s "
        f"(on {workers} cores: {(parse + sign) / workers + compare_cpu:.1f}s)"
    )
    sys.stdout.flush()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated draft counts")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--datasketch", action="store_true", help="also time datasketch on the same drafts")
    args = parser.parse_args(argv)
    for size in (int(s) for s in args.sizes.split(",")):
        run_builtin(size, args.workers, args.seed)
        if args.datasketch:
            run_datasketch(size, args.workers, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
