"""Write a deterministic corpus of synthetic article files for the benchmarks.

    python -m benchmarks.corpus OUT -n 100000 [--seed 1]

The files follow the article file format: a ``date`` header with a URL, a
label, the title or nothing after it; a title; 3-9 paragraphs. Words are
invented but Zipf-distributed, in an English-like and a Russian-like
vocabulary, over 40 sources and 2012-2025. A few percent of files carry each
quirk that real crawls have: cp1251 and koi8-r bytes, a BOM, CRLF and CR
line endings, mojibake, HTML entities, repeated paragraphs, lines broken in
mid-sentence, partial and placeholder dates, tracking parameters, re-crawls
of the same URL with edited text, byte-identical copies, empty and binary files.

Files go into folders of 1,000 (``OUT/0000/0000000_<16 hex>.txt``). The same
``-n`` and ``--seed`` always give the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import random
from pathlib import Path

SOURCES = [
    f"{name}.{suffix}"
    for name, suffix in itertools.product(
        ["daily", "herald", "courier", "gazette", "observer", "tribune", "chronicle", "post",
         "times", "monitor"],
        ["com", "co.uk", "ru", "org"],
    )
]  # fmt: skip
LABELS = ["News", "WORLD", "HQ", "403", ".", "0", "- Reuters", "Politik", "Sport"]
SYLLABLES_EN = "ka lo mi ter son ba ri dan pe vo gu shen tra ol ne mar cu ip fe ro sta lin de wa"
SYLLABLES_RU = "ка ло ми тер сон ба ри дан пе во гу шен тра ол не мар цу ип фе ро ста лин де ёж"
VOCABULARY = 30_000


def vocabulary(syllables: list[str], rng: random.Random) -> list[str]:
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < VOCABULARY:
        word = "".join(rng.choices(syllables, k=rng.choice((1, 2, 2, 3, 3, 3, 4))))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


class Writer:
    """Article text and bytes, from one random stream."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        weights = list(itertools.accumulate(1 / rank**1.05 for rank in range(1, VOCABULARY + 1)))
        self.cumulative = weights
        self.words = {
            "en": vocabulary(SYLLABLES_EN.split(), self.rng),
            "ru": vocabulary(SYLLABLES_RU.split(), self.rng),
        }

    def sentence(self, language: str) -> str:
        words = self.rng.choices(
            self.words[language], cum_weights=self.cumulative, k=self.rng.randint(8, 26)
        )
        return " ".join(words).capitalize() + "."

    def paragraph(self, language: str) -> str:
        return " ".join(self.sentence(language) for _ in range(self.rng.randint(3, 7)))

    def article(self, number: int) -> tuple[str, str | None]:
        """The text of article ``number``, and its URL if it has one."""
        rng = self.rng
        language = "ru" if rng.random() < 0.3 else "en"
        source = SOURCES[number % len(SOURCES)] if rng.random() < 0.9 else rng.choice(SOURCES)
        year = rng.randint(2012, 2025)
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        shape = rng.random()
        date = (
            f"{year}-{month:02d}"
            if shape < 0.3
            else (str(year) if shape < 0.32 else f"{year}-{month:02d}-{day:02d}")
        )
        if rng.random() < 0.005:
            date = "1970-01-01"
        title = self.sentence(language).rstrip(".")
        paragraphs = [self.paragraph(language) for _ in range(rng.randint(3, 9))]
        form = rng.random()
        url = None
        if form < 0.4:
            slug = "-".join(title.lower().split()[:6])
            url = f"https://{source}/{year}/{month:02d}/{slug}-{number}.html"
            url = self.url_quirks(url)
            header = f" date {date} {url}\n{title}\n"
        elif form < 0.65:
            header = f" date {date}\n{title}\n"
        elif form < 0.75:
            header = f" date {date} {rng.choice(LABELS)}\n{title}\n"
        else:
            header = f" date {date} {title}\n"
        if rng.random() < 0.03:  # a repeated paragraph
            paragraphs.insert(rng.randint(1, len(paragraphs)), paragraphs[0])
        if rng.random() < 0.02:  # a teaser block gluing later sentences
            teaser = ".".join(p.split(". ")[0].rstrip(".") for p in paragraphs[1:4]) + "."
            paragraphs.insert(1, teaser)
        if rng.random() < 0.05:  # lines broken in mid-sentence
            paragraphs = [self.break_lines(p) for p in paragraphs]
        if rng.random() < 0.03:
            paragraphs[-1] += " &quot;Quoted&quot; &amp; said\u00a0so."
        separator = "\n\n" if rng.random() < 0.3 else "\n"
        text = header + separator.join(paragraphs) + ("\n" if rng.random() < 0.8 else "")
        return text, url

    def url_quirks(self, url: str) -> str:
        rng = self.rng
        if rng.random() < 0.05:
            url += "?utm_source=rss&utm_medium=feed"
        if rng.random() < 0.03:
            url = url.replace("https://", "http://www.")
        if rng.random() < 0.02:
            url = url.replace(".html", ".html#comments")
        return url

    def break_lines(self, paragraph: str) -> str:
        words = paragraph.split(" ")
        cut = self.rng.randint(1, max(1, len(words) - 1))
        return " ".join(words[:cut]) + "\n" + " ".join(words[cut:])

    def encode(self, text: str) -> bytes:
        """The bytes a crawler might have written for ``text``."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.03:
            text = text.replace("\n", "\r\n")
        elif roll < 0.04:
            text = text.replace("\n", "\r")
        roll = rng.random()
        if roll < 0.03:
            return text.encode("cp1251", errors="replace")
        if roll < 0.04:
            return text.encode("koi8-r", errors="replace")
        if roll < 0.06:
            return b"\xef\xbb\xbf" + text.encode("utf-8")
        if roll < 0.08:
            # Mojibake: one paragraph's UTF-8 read as cp1252 and written again.
            head, _, rest = text.partition("\n")
            title, _, body = rest.partition("\n")
            broken = (title + " café naïve").encode("utf-8").decode("cp1252", errors="replace")
            return f"{head}\n{broken}\n{body}".encode()
        return text.encode("utf-8")


def write_corpus(out: Path, count: int, seed: int = 1) -> int:
    """Write ``count`` article files under ``out``; return the bytes written."""
    writer = Writer(seed)
    rng = writer.rng
    written = 0
    previous: list[bytes] = []
    crawled: list[tuple[str, str]] = []
    for number in range(count):
        roll = rng.random()
        if roll < 0.02 and previous:  # a byte-identical copy under another name
            data = rng.choice(previous)
        elif roll < 0.04 and crawled:  # the same URL crawled again, edited
            text, url = rng.choice(crawled)
            data = text.replace(". ", ". Updated: ", 1).encode("utf-8")
        elif roll < 0.041:
            data = b""
        elif roll < 0.042:
            data = bytes(rng.getrandbits(8) for _ in range(512))
        else:
            text, found = writer.article(number)
            data = writer.encode(text)
            previous = (previous + [data])[-50:]
            if found is not None:
                crawled = (crawled + [(text, found)])[-50:]
        name = f"{number:07d}_{hashlib.sha256(data + str(number).encode()).hexdigest()[:16]}.txt"
        folder = out / f"{number // 1000:04d}"
        if number % 1000 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
        written += len(data)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write into (created)")
    parser.add_argument("-n", type=int, default=100_000, help="number of files")
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    written = write_corpus(arguments.out, arguments.n, arguments.seed)
    print(f"{arguments.n:,} files, {written:,} bytes in {arguments.out}")


if __name__ == "__main__":
    main()
