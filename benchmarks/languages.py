"""Compare language detectors by speed and accuracy on the archive's own texts.

    python -m benchmarks.languages [--corpus DIR [-n 2000]] [--runs 5] [--markdown OUT.md]

Every detector gets what ``detect_language`` reads, the first 400 characters
of title and body, and the same rule before it: fewer than 20 letters give no
language. The sets are:

- ``seeds``: the 31 files of ``seeds/``, prepared as an import prepares them,
  each with the language written by hand below;
- ``tests``: the texts the tests name a language for;
- ``ledes``, ``short``, ``mixed``, ``none``: ``benchmarks.language_texts``,
  news in 30 languages as outlets write it, alone and with noise;
- ``corpus``: the synthetic articles of ``benchmarks.corpus`` (``--corpus``),
  in the generator's two invented vocabularies, ``ru`` in Cyrillic and ``en``
  in Latin: words that no dictionary knows, so a detector that abstains on
  them is not wrong about any real text.

Accuracy is the share of texts given the expected language (None included);
a detector's abstentions are counted apart from its mistakes. Times are the
median of ``--runs`` calls for each text, then the median over the set, and
milliseconds per 1,000 characters read. Candidates whose package is not
installed are left out: pip install pycld2 cld3-py whatlang-pyo3
lingua-language-detector.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from unittest.mock import patch

from archive.ingest import metadata
from archive.ingest.prepare import Context, Prepared, prepare
from benchmarks.language_texts import LEDES, MIXED, NO_LANGUAGE, SHORT, Text

ROOT = Path(__file__).resolve().parent.parent
SEED_LANGUAGES = {
    "000": "en", "001": "en", "002": "en", "003": "en", "004": "de", "005": "de", "006": "ru",
    "007": "ru", "008": "ru", "009": "en", "010": "en", "011": "en", "012": "en", "013": "en",
    "014": "es", "015": "pl", "016": "fr", "017": "it", "018": "pt", "019": "uk", "020": "bg",
    "021": "hi", "022": "ar", "023": "zh", "024": "en", "025": "en", "026": "de", "027": "en",
    "028": "en", "029": "en", "030": "ru",
}  # fmt: skip
"""Each seed file's language, read by eye: the number its name starts with -> ISO 639-1."""
TEST_TEXTS: list[Text] = [
    ("en", "Port strike ends", "Dock workers returned to work after a deal was agreed."),
    ("de", "Hafen meldet Rekord", "Der Oberbürgermeister äußerte sich zufrieden darüber."),
    ("ru", "Новый мост", "Новый пешеходный мост открыли во Владивостоке в среду утром."),
    ("bg", "Нова линия", "Новата линия на метрото в София беше открита в неделя сутринта."),
    ("uk", "Свято", "У суботу в Києві відзначили День Незалежності України на Хрещатику."),
    ("it", "Neve", "Le forti nevicate della notte hanno costretto a chiudere tre passi."),
    (None, "Hi", "ok"),
    ("ru", "В Москве открыли новую станцию метро",
     "Сегодня в Москве открылась новая станция метро. Пассажиры смогут пользоваться ею с утра."),
]  # fmt: skip
"""From tests/test_metadata.py and tests/test_prepare.py."""

Classify = Callable[[str], "str | None"]
"""A candidate: a sample of at least MIN_LETTERS letters -> ISO 639-1 code or None."""
Detect = Callable[[str, str], "str | None"]
"""What the archive calls: title and body -> ISO 639-1 code or None."""

# Codes that detectors give in other forms than ISO 639-1.
ALIASES = {"iw": "he", "in": "id", "jw": "jv", "zh-Hant": "zh", "nb": "no"}
ISO_639_3 = dict(
    pair.split("=")
    for pair in (
        "eng=en rus=ru ukr=uk bel=be bul=bg srp=sr mkd=mk deu=de fra=fr spa=es ita=it por=pt "
        "nld=nl pol=pl ces=cs slk=sk slv=sl hrv=hr tur=tr ara=ar pes=fa heb=he cmn=zh jpn=ja "
        "kor=ko hin=hi ell=el ron=ro hun=hu fin=fi vie=vi ind=id swe=sv dan=da nob=no lat=la "
        "est=et lit=lt lav=lv cat=ca epo=eo afr=af aze=az tgl=tl zul=zu urd=ur mar=mr nep=ne"
    ).split()
)


def code(found: str) -> str:
    return ALIASES.get(found, found)


def py3langid() -> Classify:
    identifier = metadata._identifier()

    def classify(sample: str) -> str | None:
        language, probability = identifier.classify(sample)
        return str(language) if probability >= 0.5 else None

    return classify


def cld2(*, reliable_only: bool = True, fallback: Classify | None = None) -> Classify:
    import pycld2

    def classify(sample: str) -> str | None:
        try:
            reliable, _, details = pycld2.detect(sample, isPlainText=True)
        except pycld2.error:  # text it rejects as invalid UTF-8, e.g. lone surrogates
            reliable, details = False, (("", "un", 0, 0.0),)
        found = details[0][1]
        if found != "un" and (reliable or not reliable_only):
            return code(found)
        return fallback(sample) if fallback else None

    return classify


def cld3() -> Classify:
    import gcld3

    identifier = gcld3.NNetLanguageIdentifier(min_num_bytes=0, max_num_bytes=4000)

    def classify(sample: str) -> str | None:
        result = identifier.FindLanguage(text=sample)
        return code(result.language) if result.is_reliable else None

    return classify


def whatlang() -> Classify:
    import whatlang as package

    def classify(sample: str) -> str | None:
        result: Any = package.detect(sample)
        return ISO_639_3.get(result.lang, result.lang) if result.is_reliable else None

    return classify


def lingua() -> Classify:
    from lingua import LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode()
    detector = builder.with_preloaded_language_models().build()

    def classify(sample: str) -> str | None:
        found = detector.detect_language_of(sample)
        return found.iso_code_639_1.name.lower() if found is not None else None

    return classify


def candidates() -> dict[str, Detect]:
    """Every detector whose package is installed, by name: py3langid as it was first."""
    today = py3langid()
    makers: dict[str, Callable[[], Classify]] = {
        "py3langid (before)": lambda: today,
        "cld2, reliable": cld2,
        "cld2, best guess": partial(cld2, reliable_only=False),
        "cld2, else py3langid": partial(cld2, fallback=today),
        "cld3 (cld3-py)": cld3,
        "whatlang": whatlang,
        "lingua, low accuracy": lingua,
    }
    found: dict[str, Detect] = {}
    for name, make in makers.items():
        try:
            found[name] = partial(gated, make())
        except ImportError:
            continue
    found["detect_language (chosen)"] = metadata.detect_language
    return found


def sample_of(title: str, body: str) -> str | None:
    """What detect_language reads, or None where it gives no language before detecting."""
    sample = f"{title}\n{body}"[: metadata.LANGUAGE_SAMPLE]
    return sample if sum(map(str.isalpha, sample)) >= metadata.MIN_LETTERS else None


def gated(classify: Classify, title: str, body: str) -> str | None:
    """A candidate behind detect_language's rules: its sample, and no guess on a few letters."""
    sample = sample_of(title, body)
    return classify(sample) if sample is not None else None


@dataclass
class Score:
    right: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    times: list[float] = field(default_factory=list)
    characters: int = 0

    @property
    def accuracy(self) -> float:
        total = self.right + len(self.missed) + len(self.wrong)
        return self.right / total if total else 0.0


def measure(detect: Detect, texts: list[Text], runs: int) -> Score:
    score = Score()
    for expected, title, body in texts:
        detect(title, body)  # warm up: caches, lazily built tables
        calls = []
        for _ in range(runs):
            started = time.perf_counter()
            found = detect(title, body)
            calls.append((time.perf_counter() - started) * 1000)
        score.times.append(statistics.median(calls))
        score.characters += len(f"{title}\n{body}"[: metadata.LANGUAGE_SAMPLE])
        if found == expected:
            score.right += 1
        else:
            mistakes = score.missed if found is None else score.wrong
            mistakes.append(f"{expected}->{found}: {(title or body)[:40]!r}")
    return score


def prepared(paths: Iterator[Path]) -> Iterator[tuple[Path, Prepared]]:
    for path in paths:
        data = path.read_bytes()
        sha256 = hashlib.sha256(data).hexdigest()
        result = prepare(str(path), path.name, data, sha256, Context())
        if isinstance(result, Prepared):
            yield path, result


def seed_texts() -> list[Text]:
    return [
        (SEED_LANGUAGES[path.name[:3]], result.values["title"], result.values["body"])
        for path, result in prepared(iter(sorted((ROOT / "seeds").glob("*.txt"))))
    ]


def corpus_texts(corpus: Path, limit: int) -> list[Text]:
    """The corpus's articles with the generator's language: Cyrillic words are its ``ru``."""
    texts: list[Text] = []
    for _, result in prepared(iter(sorted(corpus.rglob("*.txt"))[:limit])):
        title, body = result.values["title"], result.values["body"]
        sample = f"{title}\n{body}"
        cyrillic = sum("\u0400" <= letter <= "\u04ff" for letter in sample)
        latin = sum(letter.isascii() and letter.isalpha() for letter in sample)
        texts.append(("ru" if cyrillic > latin else "en", title, body))
    return texts


def prepare_times(
    corpus: Path, limit: int, detectors: dict[str, Detect], runs: int
) -> dict[str, float]:
    """Mean ms to prepare a corpus file (decode, parse, clean, language, compress) with each
    detector. The detectors take turns on each file, so that a busy moment costs them all."""
    files = [path.read_bytes() for path in sorted(corpus.rglob("*.txt"))[:limit]]
    spent: dict[str, float] = dict.fromkeys(detectors, 0.0)
    for data in files:
        sha256 = hashlib.sha256(data).hexdigest()
        for name, detect in detectors.items():
            with patch("archive.ingest.enrich.detect_language", detect):
                calls = []
                for _ in range(runs):
                    started = time.perf_counter()
                    prepare("f", "f", data, sha256, Context())
                    calls.append((time.perf_counter() - started) * 1000)
            spent[name] += statistics.median(calls)
    return {name: total / len(files) for name, total in spent.items()}


ARTICLES = ("seeds", "ledes", "corpus")
"""The sets of whole articles, where time per character is worth reading."""


def accuracy_table(results: dict[str, dict[str, Score]], sets: list[str]) -> str:
    lines = ["| detector | " + " | ".join(sets) + " |", "|" + " --- |" * (len(sets) + 1)]
    for name, scores in results.items():
        cells = []
        for label in sets:
            score = scores[label]
            misses = [f"{len(score.wrong)} wrong" if score.wrong else "",
                      f"{len(score.missed)} none" if score.missed else ""]  # fmt: skip
            missed = ", ".join(miss for miss in misses if miss)
            cells.append(f"{score.accuracy:.0%}" + (f" ({missed})" if missed else ""))
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def time_table(results: dict[str, dict[str, Score]], sets: list[str]) -> str:
    articles = [label for label in sets if label in ARTICLES]
    head = " | ".join(sets) + " | per 1,000 characters of articles |"
    lines = ["| detector | " + head, "|" + " ---: |" * (len(sets) + 2)]
    for name, scores in results.items():
        cells = [f"{statistics.median(scores[label].times):.3f}" for label in sets]
        spent = sum(sum(scores[label].times) for label in articles)
        characters = sum(scores[label].characters for label in articles)
        cells.append(f"{spent / characters * 1000:.3f}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a folder written by benchmarks.corpus")
    parser.add_argument("-n", type=int, default=2000, help="corpus files to read")
    parser.add_argument("--runs", type=int, default=5, help="calls timed for each text")
    parser.add_argument("--markdown", type=Path, help="also write the tables to this file")
    parser.add_argument("--mistakes", action="store_true", help="list every text missed")
    arguments = parser.parse_args()
    sets: dict[str, list[Text]] = {
        "seeds": seed_texts(), "tests": TEST_TEXTS, "ledes": LEDES, "short": SHORT,
        "mixed": MIXED, "none": NO_LANGUAGE,
    }  # fmt: skip
    if arguments.corpus:
        sets["corpus"] = corpus_texts(arguments.corpus, arguments.n)
    detectors = candidates()
    results = {
        name: {label: measure(detect, texts, arguments.runs) for label, texts in sets.items()}
        for name, detect in detectors.items()
    }
    sizes = ", ".join(f"{label} {len(texts)}" for label, texts in sets.items())
    report = [f"Texts: {sizes}.", "", "Accuracy (texts given another language, or none):", "",
              accuracy_table(results, list(sets)), "",
              "Milliseconds per call, median over the set:", "",
              time_table(results, list(sets))]  # fmt: skip
    if arguments.corpus:
        files = min(arguments.n, 1000)
        baseline: dict[str, Detect] = {"no detection (None)": lambda title, body: None}
        times = prepare_times(arguments.corpus, files, {**detectors, **baseline}, 5)
        report += [
            "",
            "Preparing a corpus file (decode, parse, clean, language, compress): "
            f"the mean over {files} files of the median of 5 calls, the detectors taking turns:",
            "",
            "| detector | ms/article |",
            "| --- | ---: |",
            *(f"| {name} | {spent:.3f} |" for name, spent in times.items()),
        ]
    text = "\n".join(report)
    print(text)
    if arguments.mistakes:
        for name, scores in results.items():
            for label, score in scores.items():
                for mistake in score.wrong + score.missed:
                    print(f"{name} [{label}] {mistake}")
    if arguments.markdown:
        arguments.markdown.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
