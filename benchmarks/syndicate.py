"""Add re-published copies to a corpus, so that imports and ``dupes`` are timed with clusters.

``python -m benchmarks.syndicate CORPUS [--share 0.1] [--seed 1]`` writes, into
``CORPUS/syndicated/``, edited copies of a share of the corpus's articles that
have a URL, each under another outlet's URL with the same date: a
new title, a paragraph dropped or added, a few words changed, a copyright
line appended, one or two of these each. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

OUTLETS = ["dailywire.example", "morningpost.example", "citynews.example", "herald.example"]
LINES = [
    "This story was first published by the wire. All rights reserved.",
    "© Agency. Republished with permission.",
    "Read more: subscribe to our newsletter for the day's top stories.",
]


def edited(text: str, rng: random.Random, number: int) -> str | None:
    """An edited copy of an article file's text, or None when it has no URL or body."""
    header, _, rest = text.partition("\n")
    fields = header.split()
    if len(fields) < 3 or fields[0] != "date":
        return None
    title, _, body = rest.partition("\n")
    paragraphs = [p for p in body.split("\n") if p.strip()]
    if len(paragraphs) < 3:
        return None
    for edit in rng.sample(["title", "drop", "add", "words", "line"], rng.choice([1, 2])):
        if edit == "title":
            title = rng.choice(["UPDATE: ", "WATCH: ", ""]) + title + rng.choice([" - report", ""])
        elif edit == "drop":
            paragraphs.pop(rng.randrange(1, len(paragraphs)))
        elif edit == "add":
            paragraphs.insert(rng.randrange(len(paragraphs)), rng.choice(paragraphs))
        elif edit == "words":
            words = paragraphs[0].split()
            for _ in range(min(5, len(words))):
                words[rng.randrange(len(words))] = rng.choice(["said", "reported", "officials"])
            paragraphs[0] = " ".join(words)
        else:
            paragraphs.append(rng.choice(LINES))
    day = fields[1]
    url = f"https://{rng.choice(OUTLETS)}/{day[:4]}/copy-{number}.html"
    return f" date {day} {url}\n{title}\n" + "\n".join(paragraphs) + "\n"


def syndicate(corpus: Path, share: float, seed: int) -> int:
    """Write the copies; returns how many."""
    rng = random.Random(seed)
    out = corpus / "syndicated"
    out.mkdir(exist_ok=True)
    files = sorted(p for p in corpus.rglob("*.txt") if out not in p.parents)
    written = 0
    for path in rng.sample(files, int(len(files) * share)):
        text = path.read_bytes().decode("utf-8", errors="ignore")
        copy = edited(text, rng, written)
        if copy is not None:
            (out / f"copy-{written:07}.txt").write_text(copy, encoding="utf-8")
            written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--share", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    count = syndicate(arguments.corpus, arguments.share, arguments.seed)
    print(f"{count:,} copies in {arguments.corpus / 'syndicated'}")


if __name__ == "__main__":
    main()
