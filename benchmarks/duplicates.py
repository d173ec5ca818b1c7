"""Measure how well the archive's near-duplicate clusters find re-published copies.

    python -m benchmarks.duplicates [--seed 1] [--threshold 0.45 0.5 ...] [--work DIR]
        [--originals-first] [--show N]

Builds a labelled set of news articles in English, German, French, Spanish and
Russian, imports it with ``archive import`` into a new database, and reports
the pairwise precision and recall of ``duplicate_clusters``: a true pair is
two documents of the same story, a predicted pair two documents of the same
cluster. The import builds the clusters at the archive's default threshold;
``archive db recluster --threshold T`` rebuilds them for each other threshold.

The set, the same for the same ``--seed``:

- originals: 12 stories a language on 12 topics (a rail strike, a factory
  closure, a flood, a bribery trial, ...), each with a cast of three people,
  a city and its region and an organisation, written from banks of sentence
  templates with slots: a headline with a kicker, a dateline and a lead, then
  statements, quotes and numbers, 4-8 paragraphs and 250-700 words;
- copies: 2-4 a story, each at another outlet's URL, with one edit or two:
  a new title, a paragraph added, a paragraph dropped, 5-10 words changed, an
  agency's copyright line appended;
- hard negatives: 1-2 a story, another article on the same topic with the
  same cast, written from other templates and other numbers, that quotes one
  or two sentences of the original word for word. Each is a story of its own.

Files get random names, so the import meets originals, copies and negatives
in random order; ``--originals-first`` imports every original first instead.
Besides the scores, the report gives for each kind of edit the exact Jaccard
similarity of five-word shingles between copy and original (what the MinHash
signature estimates) and how many copies share their original's cluster, and
for each threshold how many copies were missed although the archive's own
estimate of their similarity to the original reaches the threshold: misses
that the order of the import causes. ``--show N`` prints the files of story N.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from archive.ingest.minhash import MAX_WORDS, SHINGLE_WORDS, as_array, similarity, words
from archive.store.clusters import DEFAULT_THRESHOLD

THRESHOLDS = (0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
STORIES_PER_LANGUAGE = 12
EDITS = ("title", "add", "drop", "words", "line")
EDIT_NAMES = {
    "title": "new title",
    "add": "paragraph added",
    "drop": "paragraph dropped",
    "words": "5-10 words changed",
    "line": "copyright line",
}
RECIPES: list[tuple[str, ...]] = [(edit,) for edit in EDITS] * 2 + list(
    itertools.combinations(EDITS, 2)
)
"""One deck of edits: each single edit twice, each pair of edits once."""
SMALL_COUNTS = (5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 18, 20, 25, 30)
"""Days, hours, weeks, years, games: counts that take the plural in every language here."""

# Templates ----------------------------------------------------------------------------------

SLOT = re.compile(r"\{(\w+)\}")
GENDERED = re.compile(r"\[(p[123]):([^|\]]*)\|([^\]]*)\]")
"""``[p1:he form|she form]``: the words that agree with a person's gender."""


def entries(text: str) -> tuple[str, ...]:
    """One entry a line; a line that starts with spaces continues the entry before it."""
    found: list[str] = []
    for line in text.strip("\n").splitlines():
        if line[:1].isspace() and found:
            found[-1] += " " + line.strip()
        elif line.strip():
            found.append(line.strip())
    return tuple(found)


def substitutions(text: str) -> dict[str, str]:
    """``word -> replacement`` lines."""
    pairs = (entry.partition(" -> ") for entry in entries(text))
    return {word: replacement for word, _, replacement in pairs}


def records(text: str, fields: Sequence[str]) -> tuple[dict[str, str], ...]:
    """``a | b | c`` lines, as dictionaries with ``fields`` for keys."""
    found = []
    for entry in entries(text):
        values = [value.strip() for value in entry.split("|")]
        if len(values) != len(fields):
            raise ValueError(f"{entry!r} does not have the fields {fields}")
        found.append(dict(zip(fields, values, strict=True)))
    return tuple(found)


@dataclass(frozen=True)
class Topic:
    """One kind of story in one language: what is needed to write it."""

    key: str
    names: tuple[str, ...]
    """Names of the organisation, as written alone: one is picked for a story."""
    roles: tuple[tuple[str, str], ...]
    """What the three people of the cast are, for a man and for a woman: the official, the
    organisation's voice and the critic."""
    words: dict[str, str]
    """Slots of this topic: the issue, the people affected (``unit``), the organisation's forms."""
    headlines: tuple[str, ...]
    leads: tuple[str, ...]
    """First sentences, each introducing the organisation: one for the story, one for each hard
    negative."""


def topics(text: str) -> tuple[Topic, ...]:
    """Topics written as ``== key`` blocks of ``field: value`` lines."""
    found: list[Topic] = []
    for block in text.split("== ")[1:]:
        key, _, body = block.partition("\n")
        fields: dict[str, list[str]] = defaultdict(list)
        for entry in entries(body):
            name, _, value = entry.partition(": ")
            fields[name].append(value)
        roles = []
        for role in fields.pop("roles")[0].split(" | "):
            man, _, woman = role.partition(" // ")
            roles.append((man, woman or man))
        found.append(
            Topic(
                key=key.strip(),
                names=tuple(fields.pop("names")[0].split(" | ")),
                roles=tuple(roles),
                headlines=tuple(fields.pop("headline")),
                leads=tuple(fields.pop("lead")),
                words={name: values[0] for name, values in fields.items()},
            )
        )
    return tuple(found)


@dataclass(frozen=True)
class Language:
    """Everything one language's articles are written from."""

    code: str
    agencies: tuple[str, ...]
    outlets: tuple[str, ...]
    sections: tuple[str, ...]
    dateline: str
    months: tuple[str, ...]
    weekdays: tuple[str, ...]
    on_days: tuple[str, ...]
    """"on Monday": how an article says that something happened on that day."""
    number: Callable[[int], str]
    percent: str
    money: str
    male: tuple[str, ...]
    female: tuple[str, ...]
    surnames: tuple[str, ...]
    places: tuple[dict[str, str], ...]
    statements: tuple[str, ...]
    official_quotes: tuple[str, ...]
    critic_quotes: tuple[str, ...]
    attributions: tuple[str, ...]
    background: tuple[str, ...]
    """Sentences that only copies add: a re-publishing outlet's own paragraph."""
    copyright: tuple[str, ...]
    substitutions: dict[str, str]
    topics: tuple[Topic, ...]
    feminine: Callable[[str], str] = lambda surname: surname
    derived: Callable[[dict[str, str]], dict[str, str]] = lambda slots: {}
    """Slots computed from the others, such as French elisions (d'Aéroval)."""


def capitalised(text: str) -> str:
    """``text`` with its first letter upper-case."""
    for index, character in enumerate(text):
        if character.isalpha():
            return text[:index] + character.upper() + text[index + 1 :]
        if character.isdigit():
            break
    return text


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    female: bool
    role: str

    @property
    def full(self) -> str:
        return f"{self.role} {self.first} {self.last}"


class Filler:
    """Fills templates for one article: a person is named in full the first time, then by
    surname; ``p1n`` is always the surname alone, as headlines write it."""

    def __init__(
        self, slots: dict[str, str], people: dict[str, Person], *, introduced: bool = False
    ) -> None:
        self.slots = slots
        self.people = people
        self.introduced: set[str] = set(people) if introduced else set()

    def __call__(self, template: str) -> str:
        text = GENDERED.sub(lambda m: m[3] if self.people[m[1]].female else m[2], template)
        return capitalised(SLOT.sub(self._slot, text))

    def _slot(self, match: re.Match[str]) -> str:
        key = match[1]
        if key in self.people:
            person = self.people[key]
            if key in self.introduced:
                return person.last
            self.introduced.add(key)
            return person.full
        if key[:-1] in self.people and key.endswith("n"):
            return self.people[key[:-1]].last
        return self.slots[key]


# The labelled set ---------------------------------------------------------------------------


@dataclass
class Article:
    """A written article, with what is needed to edit it the way its cast would be named."""

    title: str
    blocks: list[list[str]]
    """The body's paragraphs as lists of sentences; the first starts with the dateline."""
    slots: dict[str, str]
    people: dict[str, Person]
    headline: int

    @property
    def paragraphs(self) -> list[str]:
        return [" ".join(block) for block in self.blocks]

    @property
    def sentences(self) -> list[str]:
        """The sentences after the lead."""
        return [sentence for block in self.blocks for sentence in block][1:]


@dataclass
class Document:
    """One file of the labelled set, and what it is."""

    story: str
    group: str
    """The story for an original and its copies; the document's own name for a hard negative."""
    kind: str
    edits: tuple[str, ...]
    language: str
    url: str
    date: dt.date
    title: str
    paragraphs: list[str]
    file: str
    quoted: int = 0
    """Sentences of the original that a hard negative quotes."""
    changed: int = 0
    """Words that a copy changed."""

    @property
    def text(self) -> str:
        body = "\n\n".join(self.paragraphs)
        return f" date {self.date.isoformat()} {self.url}\n{self.title}\n\n{body}\n"

    @property
    def label(self) -> str:
        if self.kind != "copy":
            return self.kind
        return " + ".join(EDIT_NAMES[edit] for edit in self.edits)


@dataclass(frozen=True)
class Part:
    """The templates that one article of a story may use; the parts of a story share none."""

    lead: str
    headline: int
    statements: tuple[str, ...]
    official: tuple[str, ...]
    critic: tuple[str, ...]


class Deck:
    """Edit recipes dealt in shuffled decks, so that every recipe comes up equally often."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.cards: list[tuple[str, ...]] = []

    def draw(self) -> tuple[str, ...]:
        if not self.cards:
            self.cards = list(RECIPES)
            self.rng.shuffle(self.cards)
        return self.cards.pop()


def shares(values: Sequence[str], count: int, rng: random.Random) -> list[tuple[str, ...]]:
    shuffled = rng.sample(list(values), len(values))
    size = len(shuffled) // count
    return [tuple(shuffled[i * size : (i + 1) * size]) for i in range(count)]


def partition(language: Language, topic: Topic, count: int, rng: random.Random) -> list[Part]:
    """``count`` parts: one for the story, one for each of its hard negatives."""
    chosen = rng.sample(range(len(topic.leads)), count)
    statements = shares(language.statements, count, rng)
    official = shares(language.official_quotes, count, rng)
    critic = shares(language.critic_quotes, count, rng)
    return [
        Part(topic.leads[c], c, statements[i], official[i], critic[i]) for i, c in enumerate(chosen)
    ]


def ascii_slug(title: str) -> str:
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", folded.lower())[:8])


class Writer:
    """Writes the stories of the labelled set from one random stream."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.deck = Deck(self.rng)
        self.serial = itertools.count(self.rng.randrange(100_000, 900_000), 7)

    def cast(self, language: Language, topic: Topic) -> tuple[dict[str, Person], dict[str, str]]:
        rng = self.rng
        name = rng.choice(topic.names)
        surnames = rng.sample(language.surnames, 3)
        people: dict[str, Person] = {}
        for index, (roles, surname) in enumerate(zip(topic.roles, surnames, strict=True)):
            female = rng.random() < 0.5
            first = rng.choice(language.female if female else language.male)
            last = language.feminine(surname) if female else surname
            people[f"p{index + 1}"] = Person(first, last, female, roles[1] if female else roles[0])
        place = rng.choice(language.places)
        slots = {
            **place,
            "CITY": place["city"].upper(),
            "orgname": name,
            "org": name,
            **{key: value.replace("{orgname}", name) for key, value in topic.words.items()},
        }
        slots.update(language.derived(slots))
        filled = {
            key: replace(person, role=SLOT.sub(lambda m: slots[m[1]], person.role))
            for key, person in people.items()
        }
        return filled, slots

    def numbers(self, language: Language) -> dict[str, str]:
        """Numbers for a headline and its lead, or for one sentence."""
        rng = self.rng
        return {
            "n1": language.number(rng.randrange(40, 960, 10)),
            "n2": language.number(rng.randrange(1_200, 48_000, 100)),
            "n3": str(rng.choice(SMALL_COUNTS)),
            "pct": language.percent.format(rng.randint(3, 45)),
            "money": language.money.format(rng.randrange(5, 950, 5)),
        }

    def values(self, language: Language, date: dt.date, agency: str) -> dict[str, str]:
        """The numbers and days of one article."""
        rng = self.rng
        later = date + dt.timedelta(days=rng.randint(1, 3))
        return {
            **self.numbers(language),
            "day": language.on_days[date.weekday()],
            "weekday": language.weekdays[date.weekday()],
            "day2": language.on_days[later.weekday()],
            "weekday2": language.weekdays[later.weekday()],
            "month": language.months[date.month - 1],
            "d": str(date.day),
            "year": str(date.year),
            "agency": agency,
        }

    def compose(
        self,
        language: Language,
        topic: Topic,
        people: dict[str, Person],
        story_slots: dict[str, str],
        part: Part,
        date: dt.date,
        agency: str,
    ) -> Article:
        """An article from the templates of ``part``: 4-8 paragraphs, 250-700 words."""
        rng = self.rng
        slots = {**story_slots, **self.values(language, date, agency)}
        slots.update(language.derived(slots))
        fill = Filler(slots, people)
        lead = fill(language.dateline).rstrip() + " " + fill(part.lead)
        items: list[tuple[str | None, str]] = [(None, s) for s in part.statements]
        speakers = itertools.cycle(("p1", "p2"))
        items += [(next(speakers), quote) for quote in part.official]
        items += [("p3", quote) for quote in part.critic]
        rng.shuffle(items)
        target = rng.randint(260, 680)
        sentences: list[str] = []
        count = len(lead.split())
        for speaker, template in items:
            if count >= target and len(sentences) >= 5:
                break
            if speaker is not None:
                pattern = rng.choice(language.attributions).replace("{quote}", template)
                template = pattern.replace("{p}", "{" + speaker + "}").replace(
                    "[p:", "[" + speaker + ":"
                )
            fill.slots = {**slots, **self.numbers(language)}
            sentence = fill(template)
            sentences.append(sentence)
            count += len(sentence.split())
        rest = sentences[1:]
        groups = min(max(round(len(rest) / rng.uniform(2.0, 3.2)), 3), 7, len(rest))
        sizes = [len(rest) // groups + (i < len(rest) % groups) for i in range(groups)]
        rng.shuffle(sizes)
        ends = list(itertools.accumulate(sizes))
        blocks = [[lead, sentences[0]]] + [
            rest[start:end] for start, end in itertools.pairwise([0, *ends])
        ]
        title = fill(topic.headlines[part.headline])
        return Article(title, blocks, slots, people, part.headline)

    def url(self, language: Language, outlet: str, date: dt.date, title: str) -> str:
        section = self.rng.choice(language.sections)
        number = next(self.serial)
        slug = ascii_slug(title)
        if len(slug) < 12:  # a title in Cyrillic: the outlet numbers its articles
            return f"https://{outlet}/{section}/{date:%Y%m%d}/{number}.html"
        return f"https://{outlet}/{section}/{date:%Y/%m/%d}/{slug}-{number}"

    def document(
        self,
        language: Language,
        story: str,
        kind: str,
        outlet: str,
        date: dt.date,
        title: str,
        paragraphs: list[str],
        *,
        group: str | None = None,
        edits: tuple[str, ...] = (),
    ) -> Document:
        return Document(
            story=story,
            group=group or story,
            kind=kind,
            edits=edits,
            language=language.code,
            url=self.url(language, outlet, date, title),
            date=date,
            title=title,
            paragraphs=paragraphs,
            file=f"{self.rng.getrandbits(48):012x}.txt",
        )

    def edited(
        self, language: Language, topic: Topic, original: Article, edits: tuple[str, ...]
    ) -> tuple[str, list[str], int]:
        """The title and paragraphs of a copy of ``original`` with ``edits``, and how many
        words it changed."""
        rng = self.rng
        fill = Filler(original.slots, original.people, introduced=True)
        title, paragraphs = original.title, list(original.paragraphs)
        if "drop" in edits:
            del paragraphs[rng.randrange(1, len(paragraphs))]
        if "add" in edits:
            fill.slots = {**original.slots, **self.numbers(language)}
            added = rng.sample(language.background, rng.choice((2, 3)))
            paragraphs.insert(rng.randint(1, len(paragraphs)), " ".join(map(fill, added)))
        changed = 0
        if "words" in edits:
            paragraphs, changed = substituted(
                paragraphs, language.substitutions, rng.randint(5, 10), rng
            )
        if "title" in edits:
            fill.slots = original.slots
            others = [i for i in range(len(topic.headlines)) if i != original.headline]
            title = fill(topic.headlines[rng.choice(others)])
        if "line" in edits:
            paragraphs.append(fill(rng.choice(language.copyright)))
        return title, paragraphs, changed

    def story(self, language: Language, topic: Topic) -> list[Document]:
        """An original, its copies and its hard negatives."""
        rng = self.rng
        story = f"{language.code}-{topic.key}"
        people, slots = self.cast(language, topic)
        negatives = rng.choice((1, 2))
        parts = partition(language, topic, 1 + negatives, rng)
        date = dt.date(2023, 1, 2) + dt.timedelta(days=rng.randrange(900))
        outlets = iter(rng.sample(language.outlets, len(language.outlets)))
        agency = rng.choice(language.agencies)
        original = self.compose(language, topic, people, slots, parts[0], date, agency)
        found = [
            self.document(
                language, story, "original", next(outlets), date, original.title,
                original.paragraphs,
            )
        ]  # fmt: skip
        for _ in range(rng.choice((2, 3, 4))):
            edits = self.deck.draw()
            title, paragraphs, changed = self.edited(language, topic, original, edits)
            day = date + dt.timedelta(days=rng.choice((0, 0, 1)))
            copy = self.document(
                language, story, "copy", next(outlets), day, title, paragraphs, edits=edits
            )
            copy.changed = changed
            found.append(copy)
        for number in range(negatives):
            day = date + dt.timedelta(days=rng.randint(1, 4))
            other = self.compose(
                language, topic, people, slots, parts[1 + number], day,
                rng.choice(language.agencies),
            )  # fmt: skip
            quoted = rng.sample(original.sentences, rng.choice((1, 2)))
            for sentence in quoted:
                block = other.blocks[rng.randrange(1, len(other.blocks))]
                block.insert(rng.randint(0, len(block)), sentence)
            negative = self.document(
                language, story, "negative", next(outlets), day, other.title,
                other.paragraphs, group=f"{story}-negative-{number + 1}",
            )  # fmt: skip
            negative.quoted = len(quoted)
            found.append(negative)
        return found


def substituted(
    paragraphs: list[str], table: dict[str, str], count: int, rng: random.Random
) -> tuple[list[str], int]:
    """``paragraphs`` with ``count`` words of ``table`` replaced at random places (fewer when
    there are fewer), and how many were.

    Words match as written, or capitalised at the start of a sentence: German nouns such as
    ``Treffen`` do not match the verb ``treffen``.
    """
    variants = {**table, **{capitalised(k): capitalised(v) for k, v in table.items()}}
    pattern = re.compile(
        r"\b(" + "|".join(map(re.escape, sorted(variants, key=len, reverse=True))) + r")\b"
    )
    spots = [
        (index, match.start(), match.end(), match[0])
        for index, paragraph in enumerate(paragraphs)
        for match in pattern.finditer(paragraph)
    ]
    changed = list(paragraphs)
    chosen = rng.sample(spots, min(count, len(spots)))
    for index, start, end, word in sorted(chosen, reverse=True):
        changed[index] = changed[index][:start] + variants[word] + changed[index][end:]
    return changed, len(chosen)


def labelled_set(seed: int) -> list[Document]:
    """The labelled set for ``seed``: stories in every language, in a fixed order."""
    writer = Writer(seed)
    documents: list[Document] = []
    for language in LANGUAGES:
        for topic in writer.rng.sample(language.topics, STORIES_PER_LANGUAGE):
            documents += writer.story(language, topic)
    return documents


# Measuring ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    threshold: float
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0


def pairs(counts: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in counts)


def score(threshold: float, groups: dict[int, str], clusters: dict[int, int]) -> Score:
    """Pairwise scores: a document outside every cluster is a cluster of its own."""
    cluster_of = {document: clusters.get(document, document) for document in groups}
    return Score(
        threshold,
        pairs(Counter(groups.values()).values()),
        pairs(Counter(cluster_of.values()).values()),
        pairs(Counter((cluster_of[d], groups[d]) for d in groups).values()),
    )


def shingles(text: str) -> set[tuple[str, ...]]:
    """The five-word shingles that a signature is made of."""
    found = words(text)[:MAX_WORDS]
    return {tuple(found[i : i + SHINGLE_WORDS]) for i in range(len(found) - SHINGLE_WORDS + 1)}


def jaccard(first: set[tuple[str, ...]], second: set[tuple[str, ...]]) -> float:
    union = len(first | second)
    return len(first & second) / union if union else 1.0


class Archive:
    """A new archive database, used through the command line."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def run(self, *arguments: str) -> str:
        command = [sys.executable, "-m", "archive", "--db", str(self.path), *arguments]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
        return done.stdout

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        with closing(sqlite3.connect(self.path)) as connection:
            return connection.execute(sql).fetchall()

    def clusters(self) -> dict[int, int]:
        rows = self.query("SELECT document_id, cluster_id FROM duplicate_clusters")
        return {int(document): int(cluster) for document, cluster in rows}


@dataclass
class Measured:
    documents: list[Document]
    ids: dict[str, int]
    bodies: dict[int, str]
    signatures: dict[int, bytes]
    clusters: dict[float, dict[int, int]] = field(default_factory=dict)

    def similarity(self, first: int, second: int) -> float:
        """The similarity of two documents as the archive estimates it from their signatures."""
        pair = as_array([self.signatures[first]]), as_array([self.signatures[second]])
        return float(similarity(*pair)[0])


def measure(
    documents: list[Document],
    work: Path,
    thresholds: Sequence[float],
    *,
    originals_first: bool = False,
) -> Measured:
    """Import the set into a new archive and read its clusters at each threshold.

    Files are imported in the order of their names, which are random; with
    ``originals_first``, every original is imported before every copy and negative.
    """
    folder = work / "articles"
    folder.mkdir(parents=True)
    for document in documents:
        rank = ("0-" if document.kind == "original" else "1-") if originals_first else ""
        (folder / f"{rank}{document.file}").write_text(document.text, encoding="utf-8")
    archive = Archive(work / "archive.db")
    archive.run("import", str(folder))
    stored = archive.query("SELECT id, url, body FROM documents")
    ids = {str(url): int(number) for number, url, _ in stored}
    missing = [document.url for document in documents if document.url not in ids]
    if missing or len(stored) != len(documents):
        raise SystemExit(f"{len(stored)} documents stored for {len(documents)} files: {missing}")
    signed = archive.query("SELECT document_id, signature FROM document_signatures")
    measured = Measured(
        documents,
        ids,
        {int(number): str(body) for number, _, body in stored},
        {int(number): bytes(signature) for number, signature in signed},
    )
    measured.clusters[DEFAULT_THRESHOLD] = archive.clusters()
    for threshold in thresholds:
        if threshold not in measured.clusters:
            archive.run("db", "recluster", "--threshold", str(threshold))
            measured.clusters[threshold] = archive.clusters()
    return measured


# Reporting ----------------------------------------------------------------------------------


def recipe(documents: list[Document]) -> list[str]:
    originals = [d for d in documents if d.kind == "original"]
    sizes = [len(" ".join(d.paragraphs).split()) for d in originals]
    lengths = [len(d.paragraphs) for d in originals]
    languages = Counter(d.language for d in originals)
    copies = [d for d in documents if d.kind == "copy"]
    negatives = [d for d in documents if d.kind == "negative"]
    per_edit = Counter(edit for d in copies for edit in d.edits)
    changed = [d.changed for d in copies if "words" in d.edits]
    singles = sum(1 for d in copies if len(d.edits) == 1)
    return [
        f"{len(originals)} stories in {len(languages)} languages "
        f"({', '.join(f'{code} {n}' for code, n in languages.items())}); originals "
        f"{min(sizes)}-{max(sizes)} words (median {statistics.median(sizes):.0f}), "
        f"{min(lengths)}-{max(lengths)} paragraphs.",
        f"{len(copies)} copies, {singles} with one edit and {len(copies) - singles} with two; "
        "copies with each edit: "
        + ", ".join(f"{EDIT_NAMES[edit]} {per_edit[edit]}" for edit in EDITS)
        + f" (each of these changes {min(changed)}-{max(changed)} words).",
        f"{len(negatives)} hard negatives (same topic and cast, other sentences and numbers), "
        f"quoting {sum(d.quoted for d in negatives)} sentences of their originals word for word.",
        f"{len(documents)} documents; "
        f"{pairs(Counter(d.group for d in documents).values())} true pairs.",
    ]


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    align = ["---"] + ["---:"] * (len(header) - 1)
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def report(measured: Measured, thresholds: Sequence[float]) -> list[str]:
    documents, ids = measured.documents, measured.ids
    groups = {ids[d.url]: d.group for d in documents}
    scores = [score(t, groups, measured.clusters[t]) for t in thresholds]
    lines = table(
        ["threshold", "true pairs", "predicted pairs", "correct", "precision", "recall"],
        (
            [
                f"{s.threshold:g}" + (" (default)" if s.threshold == DEFAULT_THRESHOLD else ""),
                str(s.true_pairs), str(s.predicted_pairs), str(s.correct_pairs),
                f"{s.precision:.3f}", f"{s.recall:.3f}",
            ]
            for s in scores
        ),
    )  # fmt: skip
    signed = {number: shingles(body) for number, body in measured.bodies.items()}
    originals = {d.story: ids[d.url] for d in documents if d.kind == "original"}
    story_ids: dict[str, list[int]] = defaultdict(list)
    for d in documents:
        if d.kind != "negative":
            story_ids[d.story].append(ids[d.url])

    def joined(number: int, story: str, threshold: float) -> bool:
        clusters = measured.clusters[threshold]
        return number in clusters and clusters[number] == clusters.get(originals[story])

    by_label: dict[str, list[Document]] = defaultdict(list)
    for d in documents:
        if d.kind == "copy":
            by_label[d.label].append(d)
    order = [EDIT_NAMES[e] for e in EDITS]
    labels = sorted(by_label, key=lambda label: (label.count("+"), label not in order, label))
    rows = []
    for label in labels:
        found = by_label[label]
        similar = [jaccard(signed[ids[d.url]], signed[originals[d.story]]) for d in found]
        rows.append(
            [label, str(len(found)), f"{min(similar):.2f}", f"{statistics.median(similar):.2f}"]
            + [f"{sum(joined(ids[d.url], d.story, t) for d in found)}" for t in thresholds]
        )
    lines += ["", "Copies in their original's cluster, by edit; Jaccard of the signed shingles:"]
    lines += [""] + table(
        ["edit", "copies", "Jaccard min", "median", *(f"at {t:g}" for t in thresholds)], rows
    )
    negatives = [d for d in documents if d.kind == "negative"]
    closest = [
        max(jaccard(signed[ids[d.url]], signed[other]) for other in story_ids[d.story])
        for d in negatives
    ]

    def wrong(d: Document, threshold: float) -> bool:
        clusters = measured.clusters[threshold]
        number = ids[d.url]
        return number in clusters and any(
            clusters.get(other) == clusters[number] for other in story_ids[d.story]
        )

    lines += ["", "Hard negatives in their story's cluster (they must not be):", ""]
    lines += table(
        ["", "documents", "Jaccard max", "median", *(f"at {t:g}" for t in thresholds)],
        [
            ["hard negatives", str(len(negatives)), f"{max(closest):.2f}",
             f"{statistics.median(closest):.2f}",
             *(str(sum(wrong(d, t) for d in negatives)) for t in thresholds)],
        ],
    )  # fmt: skip
    lines += ["", "Why copies miss their original's cluster:", ""]
    rows = []
    for t in thresholds:
        missed = [d for d in documents if d.kind == "copy" and not joined(ids[d.url], d.story, t)]
        close = [d for d in missed if measured.similarity(ids[d.url], originals[d.story]) >= t]
        rows.append([f"{t:g}", str(len(missed)), str(len(close))])
    lines += table(
        ["threshold", "copies missed", "of them, estimated similarity to original >= threshold"],
        rows,
    )
    unrelated = max(
        jaccard(signed[ids[a.url]], signed[ids[b.url]])
        for a, b in itertools.combinations(documents, 2)
        if a.story != b.story
    )
    lines += ["", f"Most similar documents of two different stories: Jaccard {unrelated:.2f}."]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--threshold", type=float, nargs="+", default=list(THRESHOLDS), help="thresholds to score"
    )
    parser.add_argument("--work", type=Path, help="keep the files and the database here")
    parser.add_argument(
        "--originals-first",
        action="store_true",
        help="import every original before its copies (by default the order is random)",
    )
    parser.add_argument("--show", type=int, metavar="N", help="print the documents of story N")
    arguments = parser.parse_args()
    problems = list(check_banks())
    if problems:
        raise SystemExit("\n".join(problems))
    documents = labelled_set(arguments.seed)
    if arguments.show is not None:
        story = sorted({d.story for d in documents}, key=[d.story for d in documents].index)
        for d in documents:
            if d.story == story[arguments.show]:
                print(f"--- {d.label} ({d.file})\n{d.text}")
        return
    order = "originals first" if arguments.originals_first else "files in random order"
    print(f"Labelled set, seed {arguments.seed}, {order}:", *recipe(documents), sep="\n- ")
    print()
    with tempfile.TemporaryDirectory(prefix="duplicates-") as temporary:
        work: Path = arguments.work or Path(temporary)
        measured = measure(
            documents, work, arguments.threshold, originals_first=arguments.originals_first
        )
    print("\n".join(report(measured, arguments.threshold)))


# The banks ----------------------------------------------------------------------------------


def french_of(name: str) -> str:
    """``de Lyon``, ``d'Aéroval``."""
    return f"d'{name}" if name[:1].lower() in "aeiouéèêâîôûœ" else f"de {name}"


def split_words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


ENGLISH = Language(
    code="en",
    agencies=("Reuters", "AP", "PA Media"),
    outlets=split_words(
        """
        northern-herald.example dailycourier.example eveningpost.example metro-observer.example
        countytimes.example thechronicle.example weeklyreview.example citywire-news.example
        """
    ),
    sections=("news", "uk-news", "business", "local-news"),
    dateline="{CITY}, {month} {d} ({agency}) - ",
    months=tuple(
        "January February March April May June July August September October November "
        "December".split()
    ),
    weekdays=split_words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday"),
    on_days=tuple(
        f"on {day}" for day in "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
    ),
    number=lambda n: f"{n:,}",
    percent="{}%",
    money="£{} million",
    male=tuple("James David Michael Richard Paul Andrew Mark Simon Peter Stephen Daniel".split()),
    female=tuple("Sarah Helen Emma Rachel Claire Louise Joanne Rebecca Fiona Alison Laura".split()),
    surnames=tuple(
        "Whitfield Harrington Caldwell Pemberton Ashworth Fairbairn Holloway Marsden Thornton "
        "Blakemore Radcliffe Kendrick Winslow Farrow Lyndon".split()
    ),
    places=records(
        """
Leeds | West Yorkshire
Bradford | West Yorkshire
Sheffield | South Yorkshire
Manchester | Greater Manchester
Newcastle | Tyne and Wear
Nottingham | Nottinghamshire
Norwich | Norfolk
Exeter | Devon
Plymouth | Devon
Derby | Derbyshire
Ipswich | Suffolk
Carlisle | Cumbria
""",
        ("city", "region"),
    ),
    statements=entries(
        """
{org} said in a statement that it had been in close contact with officials in {city}
  throughout the week.
According to figures released by {org}, around {n2} {unit} have been affected so far.
The cost is now expected to reach {money}, roughly {pct} more than the estimate published
  last year.
{p1} is due to meet representatives of {org} {day2} in {city}.
Opposition parties in {region} have demanded an independent inquiry into how the situation
  was handled.
A spokesperson for {org} declined to comment on the details, citing ongoing discussions.
Local media in {city} reported long queues and considerable confusion during the first hours.
The last comparable case in {region} dates back more than a decade, when about {n1} {unit}
  were affected.
Under a plan presented {day}, {org} would receive {money} over the next {n3} years, provided
  it meets a series of conditions.
Officials stressed that emergency services in {city} had remained available at all times.
The regional government in {region} has set up a telephone hotline for {unit} seeking
  information.
Talks between {org} and the regional government are expected to continue {day2}.
Independent experts warned that the true number of {unit} affected could be considerably
  higher.
In a letter seen by local reporters, {p2} asked the government in {region} for additional
  support.
The council in {city} is expected to vote on a package of measures worth {money} before the
  end of the month.
Police said the situation in the centre of {city} had remained calm, although several roads
  were closed as a precaution.
Critics say {issue} has exposed long-standing weaknesses in the way public services in
  {region} are run.
Some {n1} {unit} had already filed complaints by {weekday}, according to a regional consumer
  group.
A survey published last month found that {pct} of residents in {region} considered the issue
  one of their main concerns.
{p1} acknowledged that mistakes had been made but rejected calls for resignations.
Trade associations in {region} estimate the losses to local businesses at {money} so far.
Several hundred people gathered outside the town hall in {city} on {weekday} evening to demand
  answers.
Residents interviewed by local television said they felt they had been left to fend for
  themselves.
The regional parliament in {region} will hold a special session on the matter within {n3}
  days.
Neither {org} nor the regional government has said how long the current measures will remain
  in place.
An internal report, parts of which were published {day}, lists {n1} incidents over the past
  {n3} months.
The national government has so far kept its distance, saying the matter is for the
  authorities in {region} to resolve.
{p2} said that {org} had offered to cover part of the costs, which are estimated at {money}.
According to the latest figures, the number of {unit} affected has risen by {pct} since the
  weekend.
Officials in {city} said a decision on further steps would be taken at a meeting {day2}.
Lawyers representing some of the {unit} said they were preparing a collective claim for
  compensation.
In neighbouring districts, similar restrictions have been in place for {n3} weeks.
The episode is likely to weigh on the governing coalition ahead of next year's regional
  election in {region}.
Helplines set up by {org} received more than {n2} calls in the first {n3} hours.
{p3}, who has followed the case for years, said the figures published so far were incomplete.
The government in {region} has promised to publish a full assessment within {n3} weeks.
Unions and business groups in {city} have, unusually, made a joint appeal for a quick
  solution.
{org} has faced criticism before: an audit {n3} years ago found serious failings in its
  planning.
A final decision is not expected before the end of the year, officials in {city} said.
The events dominated the front pages of regional newspapers on {weekday}.
Observers say the coming days will show whether the fragile compromise can hold.
The area around {city} is home to roughly {n2} people, many of them elderly.
Asked whether further measures were planned, {p1} said that nothing had been ruled out.
Pictures shared on social media showed crowded streets in {city}, although some of them could
  not be verified.
Funding of {money} set aside in the current budget has not yet been released, according to
  {org}.
About {pct} of the {unit} questioned in a recent poll said they had lost confidence in the
  authorities.
Representatives of {org} are expected to brief members of the regional parliament {day2}.
The figures published by {org} on {weekday} could not be independently verified.
"""
    ),
    official_quotes=entries(
        """
We understand the frustration, and we are doing everything in our power to resolve this as
  quickly as possible
Safety has always been and remains our first priority
Nobody should be under any illusion: this will take time
We have put a fair offer on the table and we expect a serious answer
The figures speak for themselves, and they show that our approach is working
I will not make promises that we cannot keep
We owe the people of {city} clear answers, and they will get them
This is a difficult day, but it is not the end of the story
We are in constant contact with everyone involved
Every option is on the table, including additional funding
We have learnt from the mistakes of the past
I expect everyone to act responsibly in the coming days
"""
    ),
    critic_quotes=entries(
        """
This did not come out of nowhere; the warnings were there for years
People are paying the price for decisions taken behind closed doors
What we have heard so far is a collection of excuses, not a plan
The authorities have lost the trust of the people they are supposed to serve
We will not let this be swept under the carpet
Those responsible must be named and held to account
It is the same story every time: promises first, then silence
Nobody asked the people who are actually affected
The numbers being published are only the tip of the iceberg
We have been ignored for far too long
A few cosmetic changes will not be enough this time
This is a scandal, and nobody can say they did not know
"""
    ),
    attributions=entries(
        """
“{quote},” {p} said.
“{quote},” said {p}.
{p} told reporters in {city}: “{quote}.”
Speaking {day}, {p} said: “{quote}.”
“{quote},” {p} wrote on social media.
“{quote},” {p} told a local radio station.
"""
    ),
    background=entries(
        """
{city} has been hit by similar problems before, but never on this scale, according to local
  historians.
The region of {region} is home to about {n2} businesses, many of them small family firms.
Editor's note: this article has been updated with additional reporting from {city}.
Readers in {region} can follow the latest developments on our live page.
The issue has been a recurring theme in regional politics for more than a decade.
Our correspondent in {city} reports that the mood in the city centre remained tense into the
  evening.
Earlier this year, a similar dispute in a neighbouring region was settled after {n3} weeks of
  talks.
Local businesses told our reporters that they had seen fewer customers since the start of the
  week.
"""
    ),
    copyright=entries(
        """
This story was first published by {agency}. All rights reserved.
Copyright {year} {agency}. All rights reserved. This material may not be published, broadcast,
  rewritten or redistributed.
This article was republished from {agency} under a syndication agreement.
"""
    ),
    substitutions=substitutions(
        """
said -> stated
around -> roughly
about -> roughly
expected -> likely
officials -> authorities
residents -> locals
regional -> local
considerable -> significant
situation -> crisis
figures -> numbers
warned -> cautioned
promised -> pledged
support -> help
measures -> steps
decision -> ruling
meeting -> session
people -> citizens
quickly -> rapidly
affected -> hit
published -> released
concerns -> worries
serious -> grave
main -> biggest
"""
    ),
    topics=topics(
        """
== strike
names: Northline | Pennine Rail | Midshire Trains
roles: Transport Minister | {orgname} chief executive | union leader
issue: the strike
unit: passengers
headline: Rail strike: {orgname} drivers walk out across {region} as pay talks collapse
headline: Thousands of commuters stranded in {city} as {orgname} cancels most trains
headline: {orgname} strike: {p1n} urges both sides back to the table as disruption spreads
lead: Train drivers at the rail operator {orgname}, which runs most regional services in
  {region}, walked out {day} after talks over pay broke down, leaving around {n2} {unit}
  without a train.
lead: Commuters in {city} faced a second day of disruption {day} as a strike by drivers at the
  rail operator {orgname} showed no sign of ending, with only {pct} of scheduled services
  running.
lead: The walkout by drivers at the rail operator {orgname} has cost businesses in {region} an
  estimated {money}, according to the regional chamber of commerce, as negotiators prepared
  to meet again {day2}.
== factory
names: Kessler Automotive | Brandt Components | Halford Engineering
roles: Economy Minister | {orgname} chief executive | union convenor
issue: the closure
unit: workers
headline: {orgname} to close {city} plant with loss of {n1} jobs, blaming weak demand
headline: Factory closure: anger in {region} as {orgname} confirms plans to move production
  abroad
headline: ‘A black day for {city}’: {orgname} shuts plant after more than {n3} years
lead: The car parts maker {orgname} said {day} it would close its plant in {city} by the end of
  next year, putting {n1} jobs at risk in one of the largest industrial closures in {region}
  in a decade.
lead: Workers at the {city} plant of the car parts maker {orgname} staged a protest {day} after
  management confirmed that production would be moved abroad, despite subsidies worth
  {money}.
lead: The planned closure of the {city} factory run by the car parts maker {orgname} will cut
  economic output in {region} by about {pct}, economists estimated {day}.
== flood
names: Aquaterra | Riverside Water | Northern Water Services
roles: Environment Minister | {orgname} operations director | flood expert
issue: the flooding
unit: residents
headline: Floods: hundreds evacuated in {city} as river bursts its banks
headline: {region} floods: {orgname} under fire as water levels keep rising
headline: ‘Worst in living memory’: clean-up begins in {city} after record flooding
lead: Hundreds of people were evacuated from their homes in {city} {day} after the river burst
  its banks following days of heavy rain, and the water utility {orgname} warned that levels
  could rise further.
lead: Emergency crews in {region} worked through the night to shore up flood defences, as the
  water utility {orgname} said {day} that about {n2} {unit} remained without clean drinking
  water.
lead: The flooding that hit {city} earlier this week caused damage estimated at {money},
  officials said {day}, as questions mounted over the state of defences maintained by the
  water utility {orgname}.
== trial
names: Hartley Construction | Bramwell Building | Stanton Civils
roles: chief prosecutor | {orgname} chairman | anti-corruption campaigner
issue: the trial
unit: taxpayers
headline: Bribery trial opens in {city}: {orgname} accused of rigging public contracts
headline: {orgname} trial: prosecutors say officials in {region} took bribes worth {money}
headline: Corruption case: {p2n} denies wrongdoing as witnesses take the stand
lead: The trial of {n3} people accused of rigging public building contracts in favour of the
  construction group {orgname} opened in {city} {day}, in one of the largest corruption cases
  {region} has seen.
lead: Prosecutors told a court in {city} {day} that executives at the construction group
  {orgname} had paid bribes worth {money} to secure contracts for schools and roads across
  {region}.
lead: A former council official testified {day} that managers at the construction group
  {orgname} had offered cash and holidays in exchange for inside information on tenders worth
  {money}.
== hospital
names: Medica North | Hallam Health | Vitalis Care
roles: Health Minister | {orgname} medical director | doctors' union representative
issue: the crisis in the hospitals
unit: patients
headline: Hospital crisis: {orgname} shuts emergency department in {city} at night
headline: Patients wait up to {n3} hours as staff shortages hit hospitals in {region}
headline: {orgname} under pressure as {p1n} orders review of emergency care
lead: The hospital group {orgname} said {day} it would close the emergency department at its
  hospital in {city} overnight from next month, citing a shortage of doctors and nurses.
lead: Patients in {region} are waiting up to {n3} hours for emergency treatment, according to
  figures published {day} by the hospital group {orgname}, which runs most of the region's
  hospitals.
lead: The regional government in {region} ordered a review of emergency care {day} after the
  hospital group {orgname} admitted that {n1} operations had been cancelled in a single month.
== housing
names: Urbana Homes | Greenway Housing | Castlegate Properties
roles: Housing Minister | {orgname} managing director | tenants' association chair
issue: the housing shortage
unit: tenants
headline: {orgname} to raise rents by {pct} for thousands of tenants in {city}
headline: Housing shortage: {region} unveils {money} plan as waiting lists grow
headline: Tenants in {city} protest as {orgname} announces sale of {n1} flats
lead: The housing company {orgname}, the largest landlord in {city}, told tenants {day} that
  rents would rise by {pct} from next spring, the steepest increase in more than a decade.
lead: The government in {region} unveiled a plan worth {money} {day} to build affordable homes,
  as the housing company {orgname} warned that its waiting list had grown to {n2} households.
lead: Hundreds of tenants marched through {city} {day} after the housing company {orgname}
  announced plans to sell {n1} flats to a private investor.
== energy
names: Enerva | Voltaris Energy | Lumen Power
roles: Energy Minister | {orgname} chief executive | consumer advocate
issue: the price rise
unit: households
headline: {orgname} raises electricity prices by {pct}, hitting households in {region}
headline: Energy bills: {orgname} defends price rise as {p1n} calls for restraint
headline: Households in {city} face higher bills after {orgname} announces new tariffs
lead: The energy supplier {orgname} said {day} it would raise electricity and gas prices by
  {pct} from next month, affecting about {n2} {unit} across {region}.
lead: Consumer groups in {region} criticised the energy supplier {orgname} {day} after it
  announced a second price rise in less than a year, despite profits of {money}.
lead: The regional government in {region} said {day} it would examine whether the energy
  supplier {orgname} had passed on lower wholesale costs to customers.
== wildfire
names: Southgrid | Ridgeway Networks | Linewell Power
roles: Interior Minister | {orgname} spokesperson | forestry expert
issue: the fire
unit: residents
headline: Wildfire near {city} forces evacuation of {n1} homes
headline: {region} wildfire: investigators examine power line run by {orgname}
headline: Firefighters battle blaze outside {city} for {n3} hours as winds pick up
lead: Firefighters battled a large wildfire on the outskirts of {city} {day}, and {n1} homes
  were evacuated as strong winds pushed the flames towards residential areas, while the power
  network operator {orgname} switched off several lines.
lead: Investigators in {region} are examining whether a damaged power line operated by the
  power network operator {orgname} started the wildfire that has burned through {n2} hectares
  of forest, officials said {day}.
lead: The wildfire near {city} was brought under control {day} after burning for several days,
  but the power network operator {orgname} said supplies to about {n2} homes would remain cut.
== football
names: Castleford Rovers | Northam United | Redbridge Athletic
roles: Mayor | {orgname} chairman | supporters' trust spokesperson
issue: the crisis at the club
unit: fans
headline: {orgname} sack manager after {n3} games without a win
headline: Crisis at {orgname}: club seeks {money} from {city} council to stay afloat
headline: {orgname} fans protest outside stadium as debts mount
lead: The football club {orgname} sacked its manager {day} after a run of {n3} games without a
  win left the club close to the bottom of the table.
lead: The football club {orgname} has asked the council in {city} for a loan of {money} to pay
  its players, the club's chairman confirmed {day}.
lead: About {n2} {unit} marched to the stadium of the football club {orgname} in {city} {day} to
  protest against the club's owners, as debts mounted.
== airport
names: Skyport | Aerolink | Northfield Airports
roles: Transport Minister | {orgname} chief executive | residents' campaign leader
issue: the expansion
unit: residents
headline: Airport expansion: {orgname} wins approval for new runway near {city}
headline: {city} residents vow to fight {money} airport expansion plan
headline: {orgname} expansion: {p1n} backs plan despite noise concerns
lead: The airport operator {orgname} won approval {day} to build a second runway at its airport
  near {city}, a project worth {money} that it says will create {n2} jobs in {region}.
lead: Residents living near the airport in {city} vowed {day} to challenge plans by the airport
  operator {orgname} to expand the site in court.
lead: The airport operator {orgname} said {day} that passenger numbers had risen by {pct} this
  year, strengthening its case for a new terminal near {city}.
== teachers
names: NTA | Teachers United | Educators First
roles: Education Minister | {orgname} general secretary | parents' association chair
issue: the dispute over pay
unit: pupils
headline: Schools close across {region} as teachers strike over pay
headline: Teachers' strike: {orgname} rejects {pct} pay offer
headline: {p1n} under pressure as {orgname} announces further strike days
lead: Hundreds of schools across {region} were closed {day} as members of the teachers' union
  {orgname} walked out in a dispute over pay, affecting about {n2} {unit}.
lead: The teachers' union {orgname} rejected a pay offer of {pct} {day}, saying it did not
  make up for years of rising living costs.
lead: Parents in {city} scrambled to find childcare {day} after the teachers' union {orgname}
  announced {n3} further days of strikes.
== cyber
names: Datacom | Civitas IT | Netcore Systems
roles: Digital Affairs Minister | {orgname} chief technology officer | cybersecurity researcher
issue: the cyberattack
unit: citizens
headline: Cyberattack paralyses council services in {city}
headline: Hackers demand {money} ransom after attack on {orgname} systems
headline: {city} cyberattack: personal data of {n2} residents may have been stolen
lead: A cyberattack on the IT services company {orgname}, which runs the computer systems of
  the council in {city}, has paralysed public services since {weekday}, officials said.
lead: Hackers who broke into the systems of the IT services company {orgname} have demanded a
  ransom of {money}, the company confirmed {day}.
lead: The personal data of up to {n2} {unit} in {region} may have been stolen in the attack on
  the IT services company {orgname}, investigators said {day}.
"""
    ),
)

GERMAN = Language(
    code="de",
    agencies=("dpa", "AFP", "Reuters"),
    outlets=split_words(
        """
        nordkurier-online.example tagesanzeiger-mitte.example rundschau24.example
        stadtblatt.example landeszeitung-online.example morgenpost-regional.example
        kurier-aktuell.example heimatnachrichten.example
        """
    ),
    sections=("politik", "wirtschaft", "region", "panorama"),
    dateline="{city} ({agency}) - ",
    months=tuple(
        "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()
    ),
    weekdays=split_words("Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag"),
    on_days=tuple(
        f"am {day}" for day in "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag".split()
    ),
    number=lambda n: f"{n:,}".replace(",", "."),
    percent="{} Prozent",
    money="{} Millionen Euro",
    male=tuple("Thomas Michael Andreas Stefan Jürgen Frank Matthias Christian Markus Jens".split()),
    female=tuple("Anna Katrin Sabine Claudia Julia Petra Susanne Monika Stefanie Birgit".split()),
    surnames=tuple(
        "Weber Hoffmann Schröder Neumann Zimmermann Krüger Hartmann Lange Brandt Vogel Seidel "
        "Lorenz Kühn Albrecht Winkler".split()
    ),
    places=records(
        """
Leipzig | Sachsen
Dresden | Sachsen
Chemnitz | Sachsen
Magdeburg | Sachsen-Anhalt
Erfurt | Thüringen
Jena | Thüringen
Hannover | Niedersachsen
Osnabrück | Niedersachsen
Kassel | Hessen
Mainz | Rheinland-Pfalz
Kiel | Schleswig-Holstein
Rostock | Mecklenburg-Vorpommern
Freiburg | Baden-Württemberg
Augsburg | Bayern
Bielefeld | Nordrhein-Westfalen
""",
        ("city", "region"),
    ),
    statements=entries(
        """
{org} erklärte in einer Mitteilung, man stehe seit Tagen in engem Kontakt mit den Behörden in
  {city}.
Nach Angaben von {org} sind bislang rund {n2} {unit} betroffen.
Die Kosten dürften inzwischen bei {money} liegen, rund {pct} mehr als im vergangenen Jahr
  veranschlagt.
{p1} will sich {day2} in {city} mit Vertretern von {org} treffen.
Die Opposition in {region} fordert einen Untersuchungsausschuss zum Umgang der Behörden mit der
  Lage.
Ein Sprecher von {org} wollte sich zu Einzelheiten nicht äußern und verwies auf laufende
  Gespräche.
Lokale Medien in {city} berichteten von langen Schlangen und großer Verunsicherung in den
  ersten Stunden.
Der letzte vergleichbare Fall in {region} liegt mehr als zehn Jahre zurück, damals waren etwa
  {n1} {unit} betroffen.
Nach einem {day} vorgestellten Plan soll {org} in den kommenden {n3} Jahren {money} erhalten,
  sofern bestimmte Auflagen erfüllt werden.
Die Rettungsdienste in {city} seien jederzeit erreichbar gewesen, betonten die Behörden.
Die Landesregierung in {region} hat eine Telefon-Hotline für {unit} eingerichtet, die
  Informationen suchen.
Die Gespräche zwischen {org} und der Landesregierung sollen {day2} fortgesetzt werden.
Unabhängige Fachleute warnten, die tatsächliche Zahl der betroffenen {unit} könne deutlich
  höher liegen.
In einem Brief, der Lokalreportern vorliegt, bat {p2} die Landesregierung in {region} um
  zusätzliche Unterstützung.
Der Stadtrat von {city} soll noch in diesem Monat über ein Maßnahmenpaket im Umfang von {money}
  abstimmen.
Die Polizei meldete eine ruhige Lage in der Innenstadt von {city}, mehrere Straßen wurden
  jedoch vorsorglich gesperrt.
Kritiker sagen, {issue} habe lange bekannte Schwächen der öffentlichen Verwaltung in {region}
  offengelegt.
Bis {weekday} hatten sich nach Angaben einer Verbraucherzentrale bereits rund {n1} {unit}
  beschwert.
Einer Umfrage aus dem vergangenen Monat zufolge halten {pct} der Menschen in {region} das Thema
  für eines der drängendsten.
{p1} räumte Fehler ein, wies Rücktrittsforderungen aber zurück.
Wirtschaftsverbände in {region} beziffern die Verluste der örtlichen Betriebe bislang auf
  {money}.
Mehrere hundert Menschen versammelten sich am {weekday}abend vor dem Rathaus in {city}, um
  Antworten zu fordern.
Anwohner sagten im Regionalfernsehen, sie fühlten sich von den Behörden alleingelassen.
Der Landtag in {region} will sich innerhalb von {n3} Tagen in einer Sondersitzung mit dem Thema
  befassen.
Weder {org} noch die Landesregierung haben gesagt, wie lange die derzeitigen Maßnahmen gelten
  sollen.
Ein interner Bericht, aus dem {day} zitiert wurde, listet {n1} Vorfälle in den vergangenen {n3}
  Monaten auf.
Die Bundesregierung hält sich bislang zurück und verweist auf die Zuständigkeit der Behörden in
  {region}.
{p2} sagte, {org} habe angeboten, einen Teil der Kosten zu übernehmen, die auf {money} geschätzt
  werden.
Nach den jüngsten Zahlen ist die Zahl der betroffenen {unit} seit dem Wochenende um {pct}
  gestiegen.
Über weitere Schritte solle bei einem Treffen {day2} entschieden werden, hieß es aus der
  Stadtverwaltung von {city}.
Anwälte, die einige der betroffenen {unit} vertreten, bereiten nach eigenen Angaben eine
  Sammelklage vor.
In benachbarten Landkreisen gelten ähnliche Einschränkungen bereits seit {n3} Wochen.
Die Entwicklung dürfte die Regierungskoalition vor der Landtagswahl in {region} im kommenden
  Jahr belasten.
Bei den von {org} eingerichteten Hotlines gingen in den ersten {n3} Stunden mehr als {n2}
  Anrufe ein.
{p3}, [p3:der|die] den Fall seit Jahren verfolgt, hält die bisher veröffentlichten Zahlen für
  unvollständig.
Die Landesregierung hat zugesagt, binnen {n3} Wochen eine vollständige Bilanz vorzulegen.
Gewerkschaften und Wirtschaftsverbände in {city} haben ungewöhnlicherweise gemeinsam eine
  rasche Lösung gefordert.
{org} stand schon früher in der Kritik: Eine Prüfung vor {n3} Jahren hatte schwere
  Planungsfehler festgestellt.
Eine endgültige Entscheidung wird nach Angaben der Stadt {city} nicht vor Jahresende erwartet.
Die Ereignisse beherrschten am {weekday} die Titelseiten der Regionalzeitungen.
Beobachter sagen, die kommenden Tage würden zeigen, ob der brüchige Kompromiss hält.
In der Region um {city} leben rund {n2} Menschen, viele von ihnen sind älter als 70 Jahre.
Auf die Frage nach weiteren Maßnahmen sagte {p1}, man schließe nichts aus.
In sozialen Netzwerken verbreitete Bilder zeigten volle Straßen in {city}, einige davon ließen
  sich nicht überprüfen.
Im laufenden Haushalt vorgesehene Mittel in Höhe von {money} sind nach Angaben von {org} noch
  nicht freigegeben.
In einer aktuellen Umfrage gaben {pct} der befragten {unit} an, das Vertrauen in die Behörden
  verloren zu haben.
Vertreter von {org} sollen die Abgeordneten des Landtags {day2} unterrichten.
Die von {org} am {weekday} veröffentlichten Zahlen ließen sich nicht unabhängig überprüfen.
"""
    ),
    official_quotes=entries(
        """
Wir verstehen den Ärger, und wir tun alles, um das so schnell wie möglich zu lösen
Sicherheit hatte und hat für uns oberste Priorität
Niemand sollte sich Illusionen machen: Das wird Zeit brauchen
Wir haben ein faires Angebot auf den Tisch gelegt und erwarten eine ernsthafte Antwort
Die Zahlen sprechen für sich, und sie zeigen, dass unser Weg funktioniert
Ich werde keine Versprechen machen, die wir nicht halten können
Die Menschen in {city} haben klare Antworten verdient, und sie werden sie bekommen
Das ist ein schwieriger Tag, aber es ist nicht das Ende der Geschichte
Wir stehen in ständigem Austausch mit allen Beteiligten
Alle Optionen liegen auf dem Tisch, auch zusätzliche Mittel
Wir haben aus den Fehlern der Vergangenheit gelernt
Ich erwarte von allen, dass sie sich in den kommenden Tagen verantwortungsvoll verhalten
"""
    ),
    critic_quotes=entries(
        """
Das kam nicht aus heiterem Himmel, die Warnungen gab es seit Jahren
Die Menschen zahlen den Preis für Entscheidungen, die hinter verschlossenen Türen getroffen
  wurden
Was wir bisher gehört haben, sind Ausreden und kein Plan
Die Behörden haben das Vertrauen der Menschen verspielt, denen sie dienen sollen
Wir werden nicht zulassen, dass das unter den Teppich gekehrt wird
Die Verantwortlichen müssen benannt und zur Rechenschaft gezogen werden
Es ist jedes Mal dieselbe Geschichte: erst Versprechen, dann Schweigen
Niemand hat die Menschen gefragt, die tatsächlich betroffen sind
Die veröffentlichten Zahlen sind nur die Spitze des Eisbergs
Wir wurden viel zu lange ignoriert
Ein paar kosmetische Korrekturen werden diesmal nicht reichen
Das ist ein Skandal, und niemand kann sagen, er habe nichts gewusst
"""
    ),
    attributions=entries(
        """
„{quote}“, sagte {p}.
„{quote}“, sagte {p} am {weekday}.
{p} sagte vor Journalisten in {city}: „{quote}.“
„{quote}“, schrieb {p} in den sozialen Netzwerken.
„{quote}“, sagte {p} dem Regionalsender.
{p} betonte: „{quote}.“
"""
    ),
    background=entries(
        """
{city} war schon früher von ähnlichen Problemen betroffen, nach Einschätzung von Historikern
  aber nie in diesem Ausmaß.
In {region} gibt es rund {n2} Betriebe, viele davon kleine Familienunternehmen.
Hinweis der Redaktion: Dieser Artikel wurde um weitere Informationen aus {city} ergänzt.
Die aktuellen Entwicklungen in {region} verfolgen wir in unserem Liveblog.
Das Thema beschäftigt die Landespolitik seit mehr als einem Jahrzehnt.
Nach Beobachtungen unseres Korrespondenten in {city} blieb die Stimmung in der Innenstadt bis
  in den Abend angespannt.
Anfang des Jahres war ein ähnlicher Streit in einem Nachbarland nach {n3} Wochen Verhandlungen
  beigelegt worden.
Örtliche Geschäftsleute berichteten, seit Wochenbeginn kämen deutlich weniger Kunden.
"""
    ),
    copyright=entries(
        """
Dieser Artikel erschien zuerst bei {agency}. Alle Rechte vorbehalten.
© {year} {agency}. Alle Rechte vorbehalten. Weiterverbreitung nur mit Genehmigung.
Dieser Beitrag wurde im Rahmen einer Kooperation von {agency} übernommen.
"""
    ),
    substitutions=substitutions(
        """
sagte -> erklärte
rund -> etwa
bislang -> bisher
bisher -> bislang
Menschen -> Personen
zusätzliche -> weitere
Lage -> Situation
Zahlen -> Daten
Maßnahmen -> Schritte
Treffen -> Termin
Kosten -> Ausgaben
jüngsten -> neuesten
mehrere -> einige
gefordert -> verlangt
warnten -> mahnten
betonten -> unterstrichen
schnell -> rasch
deutlich -> erheblich
Verluste -> Einbußen
Fachleute -> Experten
Mitteilung -> Erklärung
derzeitigen -> aktuellen
vergangenen -> letzten
kommenden -> nächsten
"""
    ),
    topics=topics(
        """
== strike
names: Nordlink | Regiotakt | Elbtal-Express
roles: Landesverkehrsminister // Landesverkehrsministerin | {orgname}-Chef // {orgname}-Chefin
  | Gewerkschaftssprecher // Gewerkschaftssprecherin
issue: der Streik
unit: Fahrgäste
headline: Bahnstreik: Lokführer bei {orgname} legen Verkehr in {region} lahm
headline: Tausende Pendler in {city} gestrandet – {orgname} streicht fast alle Züge
headline: Streik bei {orgname}: {p1n} fordert Rückkehr an den Verhandlungstisch
lead: Die Lokführer der Bahngesellschaft {orgname}, die den Großteil des Regionalverkehrs in
  {region} betreibt, haben {day} nach gescheiterten Tarifverhandlungen die Arbeit
  niedergelegt; rund {n2} {unit} sind betroffen.
lead: Pendler in {city} mussten sich {day} den zweiten Tag in Folge auf Ausfälle einstellen:
  Wegen des Streiks bei der Bahngesellschaft {orgname} fuhren nur {pct} der geplanten Züge.
lead: Der Ausstand bei der Bahngesellschaft {orgname} hat die Wirtschaft in {region} nach
  Schätzung der Industrie- und Handelskammer bereits {money} gekostet; {day2} sollen die
  Gespräche wieder aufgenommen werden.
== factory
names: Kessler Automotive | Wendt Technik | Falkner Komponenten
roles: Landeswirtschaftsminister // Landeswirtschaftsministerin | {orgname}-Vorstandschef //
  {orgname}-Vorstandschefin | Betriebsratschef // Betriebsratschefin
issue: die Werksschließung
unit: Mitarbeiter
headline: {orgname} schließt Werk in {city} – {n1} Arbeitsplätze in Gefahr
headline: Werksschließung: Wut in {region} über Verlagerung ins Ausland
headline: „Schwarzer Tag für {city}“: {orgname} gibt Standort nach mehr als {n3} Jahren auf
lead: Der Autozulieferer {orgname} will sein Werk in {city} bis Ende kommenden Jahres
  schließen, wie das Unternehmen {day} mitteilte; {n1} Arbeitsplätze stehen auf dem Spiel.
lead: Mitarbeiter des Autozulieferers {orgname} haben {day} in {city} gegen die geplante
  Verlagerung der Produktion ins Ausland protestiert, obwohl das Werk Fördermittel in Höhe von
  {money} erhalten hatte.
lead: Die geplante Schließung des Werks des Autozulieferers {orgname} in {city} würde die
  Wirtschaftsleistung in {region} um rund {pct} verringern, schätzten Ökonomen {day}.
== flood
names: Aquaris | Elbwasser | Hydronord
roles: Landesumweltminister // Landesumweltministerin | {orgname}-Geschäftsführer //
  {orgname}-Geschäftsführerin | Hydrologe // Hydrologin
issue: das Hochwasser
unit: Anwohner
headline: Hochwasser: Hunderte Menschen in {city} in Sicherheit gebracht
headline: Hochwasser in {region}: Kritik an {orgname} wächst
headline: „So schlimm war es noch nie“ – Aufräumarbeiten in {city} beginnen
lead: In {city} sind {day} Hunderte Menschen aus ihren Häusern in Sicherheit gebracht worden,
  nachdem der Fluss nach tagelangem Regen über die Ufer getreten war; der Wasserversorger
  {orgname} warnte vor weiter steigenden Pegeln.
lead: Einsatzkräfte in {region} haben in der Nacht zum {weekday} die Deiche verstärkt, während
  der Wasserversorger {orgname} mitteilte, rund {n2} {unit} seien weiterhin ohne sauberes
  Trinkwasser.
lead: Das Hochwasser in {city} hat nach Angaben der Behörden Schäden in Höhe von {money}
  verursacht; {day} wurden Fragen nach dem Zustand der Anlagen des Wasserversorgers {orgname}
  laut.
== trial
names: Hellmann Bau | Bautec | Krüger Hochbau
roles: Oberstaatsanwalt // Oberstaatsanwältin | {orgname}-Chef // {orgname}-Chefin |
  Korruptionsexperte // Korruptionsexpertin
issue: der Prozess
unit: Steuerzahler
headline: Korruptionsprozess in {city}: {orgname} soll öffentliche Aufträge manipuliert haben
headline: Prozess um {orgname}: Beamte in {region} sollen {money} Schmiergeld kassiert haben
headline: Bestechungsaffäre: {p2n} weist Vorwürfe vor Gericht zurück
lead: Vor dem Landgericht {city} hat {day} der Prozess gegen {n3} Angeklagte begonnen, die
  öffentliche Bauaufträge zugunsten der Baufirma {orgname} manipuliert haben sollen.
lead: Manager der Baufirma {orgname} sollen nach Darstellung der Staatsanwaltschaft
  Schmiergelder in Höhe von {money} gezahlt haben, um Aufträge für Schulen und Straßen in
  {region} zu erhalten, hieß es {day} vor dem Landgericht {city}.
lead: Ein früherer Beamter hat {day} ausgesagt, Mitarbeiter der Baufirma {orgname} hätten ihm
  Geld und Urlaubsreisen angeboten, um an Informationen über Ausschreibungen im Wert von
  {money} zu gelangen.
== hospital
names: Medica Nord | Asklepion | Vitalis
roles: Landesgesundheitsminister // Landesgesundheitsministerin | {orgname}-Geschäftsführer //
  {orgname}-Geschäftsführerin | Ärztevertreter // Ärztevertreterin
issue: die Krise in den Kliniken
unit: Patienten
headline: Klinikkrise: {orgname} schließt Notaufnahme in {city} nachts
headline: Personalmangel: Patienten in {region} warten bis zu {n3} Stunden
headline: {orgname} unter Druck – {p1n} ordnet Überprüfung der Notfallversorgung an
lead: Der Klinikbetreiber {orgname} will die Notaufnahme seines Krankenhauses in {city} ab
  kommendem Monat nachts schließen, wie er {day} mitteilte; als Grund nannte er den Mangel an
  Ärzten und Pflegekräften.
lead: Patienten in {region} müssen bis zu {n3} Stunden auf eine Notfallbehandlung warten, wie
  aus Zahlen hervorgeht, die der Klinikbetreiber {orgname} {day} veröffentlichte.
lead: Die Landesregierung in {region} hat {day} eine Überprüfung der Notfallversorgung
  angeordnet, nachdem der Klinikbetreiber {orgname} eingeräumt hatte, dass in einem einzigen
  Monat {n1} Operationen abgesagt wurden.
== housing
names: Wohnbau Nord | Heimstatt | Urbana
roles: Landesbauminister // Landesbauministerin | {orgname}-Geschäftsführer //
  {orgname}-Geschäftsführerin | Mietervereinschef // Mietervereinschefin
issue: die Wohnungsnot
unit: Mieter
headline: {orgname} erhöht Mieten für Tausende Haushalte in {city} um {pct}
headline: Wohnungsnot: {region} will {money} in bezahlbaren Wohnraum stecken
headline: Protest in {city}: {orgname} will {n1} Wohnungen verkaufen
lead: Die Wohnungsgesellschaft {orgname}, größter Vermieter in {city}, hat ihren Mietern {day}
  Mieterhöhungen um {pct} zum kommenden Frühjahr angekündigt.
lead: Die Landesregierung in {region} hat {day} ein Programm im Umfang von {money} für
  bezahlbare Wohnungen vorgestellt, während die Wohnungsgesellschaft {orgname} vor einer
  Warteliste von {n2} Haushalten warnte.
lead: Hunderte Mieter sind {day} durch {city} gezogen, nachdem die Wohnungsgesellschaft
  {orgname} angekündigt hatte, {n1} Wohnungen an einen Finanzinvestor zu verkaufen.
== energy
names: Enerva | Voltaris | Lumen Energie
roles: Landesenergieminister // Landesenergieministerin | {orgname}-Vorstandschef //
  {orgname}-Vorstandschefin | Verbraucherschützer // Verbraucherschützerin
issue: die Preiserhöhung
unit: Haushalte
headline: {orgname} erhöht Strompreise um {pct} – Haushalte in {region} betroffen
headline: Energiekosten: {orgname} verteidigt Preiserhöhung, {p1n} mahnt zur Zurückhaltung
headline: Höhere Rechnungen für {city}: {orgname} kündigt neue Tarife an
lead: Der Energieversorger {orgname} hebt die Preise für Strom und Gas zum kommenden Monat um
  {pct} an, wie er {day} mitteilte; betroffen sind rund {n2} {unit} in {region}.
lead: Verbraucherverbände in {region} haben {day} den Energieversorger {orgname} kritisiert, der
  trotz eines Gewinns von {money} die zweite Preiserhöhung binnen eines Jahres angekündigt
  hat.
lead: Die Landesregierung in {region} will prüfen, ob der Energieversorger {orgname} gesunkene
  Einkaufspreise an die Kunden weitergegeben hat, wie sie {day} mitteilte.
== wildfire
names: Südnetz | Ostnetz | Gridwerk
roles: Landesinnenminister // Landesinnenministerin | {orgname}-Sprecher // {orgname}-Sprecherin
  | Forstexperte // Forstexpertin
issue: der Waldbrand
unit: Anwohner
headline: Waldbrand bei {city}: {n1} Häuser evakuiert
headline: Waldbrand in {region}: Ermittler prüfen Stromleitung von {orgname}
headline: Feuerwehr kämpft seit {n3} Stunden gegen Flammen vor {city}
lead: Die Feuerwehr hat {day} am Stadtrand von {city} gegen einen großen Waldbrand gekämpft;
  {n1} Häuser wurden evakuiert, weil starker Wind die Flammen auf Wohngebiete zutrieb, und der
  Netzbetreiber {orgname} schaltete vorsorglich mehrere Leitungen ab.
lead: Ermittler in {region} prüfen, ob eine beschädigte Stromleitung des Netzbetreibers
  {orgname} den Waldbrand ausgelöst hat, der bereits {n2} Hektar Wald zerstört hat, wie die
  Behörden {day} mitteilten.
lead: Der Waldbrand bei {city} ist {day} nach mehreren Tagen unter Kontrolle gebracht worden,
  doch der Netzbetreiber {orgname} erklärte, rund {n2} Haushalte blieben vorerst ohne Strom.
== football
names: SV Nordheim | FC Lindenau | Borussia Kettwig
roles: Oberbürgermeister // Oberbürgermeisterin | {orgname}-Präsident // {orgname}-Präsidentin
  | Fansprecher // Fansprecherin
issue: die Krise beim Verein
unit: Fans
headline: {orgname} trennt sich nach {n3} sieglosen Spielen vom Trainer
headline: Krise bei {orgname}: Klub bittet Stadt {city} um {money}
headline: Fans von {orgname} protestieren vor dem Stadion – Schulden wachsen
lead: Der Fußballverein {orgname} hat sich {day} von seinem Trainer getrennt, nachdem die
  Mannschaft {n3} Spiele in Folge nicht gewonnen hatte und auf einen Abstiegsplatz gerutscht
  war.
lead: Der Fußballverein {orgname} hat die Stadt {city} um ein Darlehen in Höhe von {money}
  gebeten, um die Gehälter der Spieler zahlen zu können, wie der Präsident des Vereins {day}
  bestätigte.
lead: Rund {n2} {unit} sind {day} in {city} zum Stadion des Fußballvereins {orgname} gezogen,
  um gegen die Eigentümer des Klubs zu protestieren.
== airport
names: Skyport | Aerolink | Fluxair
roles: Landesverkehrsminister // Landesverkehrsministerin | {orgname}-Chef // {orgname}-Chefin
  | Sprecher der Bürgerinitiative // Sprecherin der Bürgerinitiative
issue: der Ausbau
unit: Anwohner
headline: Flughafenausbau: {orgname} erhält Genehmigung für neue Startbahn bei {city}
headline: Anwohner in {city} kündigen Klage gegen Flughafenausbau an
headline: Ausbau von {orgname}: {p1n} stellt sich trotz Lärmsorgen hinter die Pläne
lead: Die Flughafengesellschaft {orgname} hat {day} die Genehmigung für eine zweite Start- und
  Landebahn bei {city} erhalten; das Projekt kostet {money} und soll nach Angaben des
  Betreibers {n2} Arbeitsplätze in {region} schaffen.
lead: Anwohner des Flughafens in {city} haben {day} angekündigt, gegen die Ausbaupläne der
  Flughafengesellschaft {orgname} vor Gericht zu ziehen.
lead: Die Flughafengesellschaft {orgname} hat {day} mitgeteilt, die Zahl der Passagiere sei in
  diesem Jahr um {pct} gestiegen, und sieht damit ihre Pläne für ein neues Terminal bei {city}
  bestätigt.
== teachers
names: GBW | Lehrerbund Nord | Bildung und Zukunft
roles: Kultusminister // Kultusministerin | {orgname}-Vorsitzender // {orgname}-Vorsitzende |
  Landeselternsprecher // Landeselternsprecherin
issue: der Tarifstreit
unit: Schüler
headline: Lehrerstreik: Schulen in ganz {region} bleiben geschlossen
headline: Tarifstreit: {orgname} lehnt Angebot von {pct} ab
headline: {p1n} unter Druck – {orgname} kündigt weitere Streiktage an
lead: Hunderte Schulen in {region} sind {day} geschlossen geblieben, weil Mitglieder der
  Lehrergewerkschaft {orgname} im Tarifstreit die Arbeit niederlegten; betroffen waren rund
  {n2} {unit}.
lead: Die Lehrergewerkschaft {orgname} hat {day} ein Gehaltsangebot von {pct} abgelehnt, weil
  es die gestiegenen Lebenshaltungskosten der vergangenen Jahre nicht ausgleiche.
lead: Eltern in {city} mussten sich {day} kurzfristig um eine Betreuung ihrer Kinder kümmern,
  nachdem die Lehrergewerkschaft {orgname} {n3} weitere Streiktage angekündigt hatte.
== cyber
names: Datacom | Kommunit | Netzkraft
roles: Landesdigitalminister // Landesdigitalministerin | {orgname}-Technikchef //
  {orgname}-Technikchefin | IT-Sicherheitsforscher // IT-Sicherheitsforscherin
issue: der Hackerangriff
unit: Bürger
headline: Hackerangriff legt Stadtverwaltung in {city} lahm
headline: Erpresser fordern {money} nach Angriff auf {orgname}
headline: Cyberangriff in {city}: Daten von {n2} Bürgern womöglich gestohlen
lead: Ein Hackerangriff auf den IT-Dienstleister {orgname}, der die Computersysteme der
  Stadtverwaltung von {city} betreibt, legt seit {weekday} zahlreiche Bürgerdienste lahm, wie
  die Stadt mitteilte.
lead: Die Angreifer, die in die Systeme des IT-Dienstleisters {orgname} eingedrungen sind,
  fordern ein Lösegeld in Höhe von {money}, wie das Unternehmen {day} bestätigte.
lead: Bei dem Angriff auf den IT-Dienstleister {orgname} sind möglicherweise persönliche Daten
  von bis zu {n2} Bürgern in {region} gestohlen worden, teilten die Ermittler {day} mit.
"""
    ),
)

FRENCH = Language(
    code="fr",
    agencies=("AFP", "Reuters"),
    outlets=split_words(
        """
        courrier-regional.example depeche-sud.example ouest-actu.example progres-info.example
        journal-du-centre.example info-regions.example echo-regional.example
        gazette-des-regions.example
        """
    ),
    sections=("politique", "economie", "societe", "regions"),
    dateline="{city} ({agency}) - ",
    months=tuple(
        "janvier février mars avril mai juin juillet août septembre octobre novembre "
        "décembre".split()
    ),
    weekdays=split_words("lundi mardi mercredi jeudi vendredi samedi dimanche"),
    on_days=split_words("lundi mardi mercredi jeudi vendredi samedi dimanche"),
    number=lambda n: f"{n:,}".replace(",", " "),
    percent="{} %",
    money="{} millions d'euros",
    male=tuple("Jean Pierre Nicolas Philippe Laurent Olivier Christophe Stéphane Julien".split()),
    female=tuple("Claire Sophie Isabelle Nathalie Catherine Valérie Sandrine Camille".split()),
    surnames=tuple(
        "Dubois Lefèvre Moreau Garnier Rousseau Fontaine Chevalier Mercier Girard Bonnet "
        "Lambert Faure Renaud Perrin Marchand".split()
    ),
    places=records(
        """
Toulouse | l'Occitanie | en Occitanie | de l'Occitanie
Montpellier | l'Occitanie | en Occitanie | de l'Occitanie
Lyon | Auvergne-Rhône-Alpes | en Auvergne-Rhône-Alpes | d'Auvergne-Rhône-Alpes
Grenoble | Auvergne-Rhône-Alpes | en Auvergne-Rhône-Alpes | d'Auvergne-Rhône-Alpes
Bordeaux | la Nouvelle-Aquitaine | en Nouvelle-Aquitaine | de la Nouvelle-Aquitaine
Nantes | les Pays de la Loire | dans les Pays de la Loire | des Pays de la Loire
Rennes | la Bretagne | en Bretagne | de la Bretagne
Strasbourg | le Grand Est | dans le Grand Est | du Grand Est
Lille | les Hauts-de-France | dans les Hauts-de-France | des Hauts-de-France
Dijon | la Bourgogne-Franche-Comté | en Bourgogne-Franche-Comté
  | de la Bourgogne-Franche-Comté
Rouen | la Normandie | en Normandie | de la Normandie
Tours | le Centre-Val de Loire | dans le Centre-Val de Loire | du Centre-Val de Loire
""",
        ("city", "region", "in_region", "of_region"),
    ),
    statements=entries(
        """
{org} a indiqué dans un communiqué être en contact étroit avec les autorités {of_city} depuis le
  début de la semaine.
Selon les chiffres communiqués par {org}, environ {n2} {unit} sont concernés à ce stade.
Le coût devrait désormais atteindre {money}, soit environ {pct} de plus que l'estimation publiée
  l'an dernier.
{p1} doit rencontrer des représentants {org_de} {day2} à {city}.
L'opposition au conseil régional réclame une commission d'enquête sur la gestion de la situation
  {in_region}.
Un porte-parole {org_de} s'est refusé à tout commentaire sur les détails, invoquant des
  discussions en cours.
La presse locale a fait état de longues files d'attente et d'une grande confusion à {city}
  pendant les premières heures.
Le dernier cas comparable {in_region} remonte à plus de dix ans : environ {n1} {unit} avaient
  alors été touchés.
Selon un plan présenté {day}, {org} recevrait {money} au cours des {n3} prochaines années, sous
  certaines conditions.
Les autorités ont souligné que les services d'urgence {of_city} étaient restés joignables à tout
  moment.
La région a mis en place une ligne téléphonique pour les {unit} en quête d'informations.
Les discussions entre {org} et la région doivent reprendre {day2}.
Des experts indépendants estiment que le nombre réel {de_unit} concernés pourrait être nettement
  plus élevé.
Dans une lettre consultée par la presse locale, {p2} a demandé un soutien supplémentaire à la
  région.
Le conseil municipal {of_city} doit voter avant la fin du mois un ensemble de mesures d'un
  montant de {money}.
La police a fait état d'une situation calme dans le centre {of_city}, même si plusieurs rues ont
  été fermées par précaution.
Pour les critiques, {issue} a mis au jour des faiblesses anciennes dans la gestion des services
  publics {in_region}.
Dès {weekday}, quelque {n1} {unit} avaient déjà déposé une réclamation, selon une association de
  consommateurs.
Selon un sondage publié le mois dernier, {pct} des habitants {of_region} considèrent ce sujet
  comme l'une de leurs principales préoccupations.
{p1} a reconnu des erreurs mais a rejeté les appels à la démission.
Les organisations professionnelles {of_region} évaluent déjà les pertes des entreprises locales
  à {money}.
Plusieurs centaines de personnes se sont rassemblées {weekday} soir devant la mairie {of_city}
  pour réclamer des réponses.
Des habitants interrogés par la télévision locale ont dit se sentir abandonnés par les
  autorités.
Le conseil régional tiendra une session extraordinaire sur le sujet d'ici {n3} jours.
Ni {org} ni la région n'ont précisé combien de temps les mesures actuelles resteraient en
  vigueur.
Un rapport interne, dont des extraits ont été publiés {day}, recense {n1} incidents au cours des
  {n3} derniers mois.
Le gouvernement s'est jusqu'ici tenu à distance, estimant que le dossier relevait des autorités
  {of_region}.
{p2} a indiqué que {org} avait proposé de prendre en charge une partie des coûts, estimés à
  {money}.
Selon les derniers chiffres, le nombre {de_unit} concernés a augmenté de {pct} depuis le
  week-end.
Une décision sur la suite sera prise lors d'une réunion {day2}, a-t-on appris auprès de la
  mairie {of_city}.
Des avocats représentant plusieurs {unit} ont annoncé préparer une action collective.
Dans les départements voisins, des restrictions similaires sont en vigueur depuis {n3} semaines.
L'affaire risque de peser sur la majorité régionale à l'approche des élections de l'an
  prochain.
Les lignes d'assistance ouvertes par {org} ont reçu plus de {n2} appels au cours des {n3}
  premières heures.
{p3}, qui suit le dossier depuis des années, juge incomplets les chiffres publiés jusqu'à
  présent.
La région a promis de publier un bilan complet d'ici {n3} semaines.
Fait rare, syndicats et organisations patronales {of_city} ont lancé un appel commun à une
  solution rapide.
{org} n'en est pas à sa première polémique : un audit réalisé il y a {n3} ans avait relevé de
  graves défaillances dans sa planification.
Aucune décision définitive n'est attendue avant la fin de l'année, selon la mairie {of_city}.
Les événements ont fait {weekday} la une de la presse régionale.
Selon les observateurs, les prochains jours diront si ce fragile compromis peut tenir.
L'agglomération {of_city} compte environ {n2} habitants, dont beaucoup de personnes âgées.
Interrogé[p1:|e] sur d'éventuelles mesures supplémentaires, {p1} a assuré que rien n'était
  exclu.
Des images partagées sur les réseaux sociaux montraient des rues bondées à {city}, mais
  certaines n'ont pas pu être vérifiées.
Une enveloppe de {money} prévue dans le budget actuel n'a pas encore été débloquée, selon {org}.
Environ {pct} des {unit} interrogés lors d'un récent sondage disent avoir perdu confiance dans
  les autorités.
Des représentants {org_de} doivent informer les élus régionaux {day2}.
Les chiffres publiés {weekday} par {org} n'ont pas pu être vérifiés de manière indépendante.
"""
    ),
    official_quotes=entries(
        """
Nous comprenons la colère, et nous faisons tout notre possible pour régler la situation au plus
  vite
La sécurité a toujours été et reste notre priorité absolue
Personne ne doit se faire d'illusions : cela prendra du temps
Nous avons mis sur la table une offre équitable et nous attendons une réponse sérieuse
Les chiffres parlent d'eux-mêmes, et ils montrent que notre approche fonctionne
Je ne ferai pas de promesses que nous ne pourrons pas tenir
Les habitants {of_city} méritent des réponses claires, et ils les auront
C'est une journée difficile, mais ce n'est pas la fin de l'histoire
Nous sommes en contact permanent avec toutes les parties concernées
Toutes les options sont sur la table, y compris des moyens supplémentaires
Nous avons tiré les leçons des erreurs du passé
J'attends de chacun qu'il agisse de manière responsable dans les prochains jours
"""
    ),
    critic_quotes=entries(
        """
Cela ne vient pas de nulle part : les alertes existaient depuis des années
Les gens paient le prix de décisions prises à huis clos
Ce que nous avons entendu jusqu'ici, ce sont des excuses, pas un plan
Les autorités ont perdu la confiance de ceux qu'elles sont censées servir
Nous ne laisserons pas cette affaire être étouffée
Les responsables doivent être nommés et rendre des comptes
C'est toujours la même histoire : d'abord des promesses, ensuite le silence
Personne n'a demandé leur avis aux personnes réellement concernées
Les chiffres publiés ne sont que la partie émergée de l'iceberg
On nous ignore depuis bien trop longtemps
Quelques retouches cosmétiques ne suffiront pas cette fois
C'est un scandale, et personne ne pourra dire qu'il ne savait pas
"""
    ),
    attributions=entries(
        """
« {quote} », a déclaré {p}.
« {quote} », a affirmé {p} {weekday}.
{p} a déclaré devant la presse à {city} : « {quote}. »
« {quote} », a écrit {p} sur les réseaux sociaux.
« {quote} », a expliqué {p} sur une radio locale.
{p} a insisté : « {quote}. »
"""
    ),
    background=entries(
        """
{city} a déjà connu des difficultés similaires, mais jamais de cette ampleur, selon des
  historiens locaux.
La région compte environ {n2} entreprises, dont beaucoup de petites entreprises familiales.
Note de la rédaction : cet article a été complété par des informations recueillies à {city}.
Suivez l'évolution de la situation {in_region} sur notre direct.
Le sujet revient régulièrement dans le débat politique régional depuis plus de dix ans.
Selon notre correspondant à {city}, la tension restait palpable dans le centre-ville en fin de
  journée.
En début d'année, un conflit similaire dans une région voisine avait été réglé après {n3}
  semaines de négociations.
Des commerçants ont confié à nos journalistes avoir vu moins de clients depuis le début de la
  semaine.
"""
    ),
    copyright=entries(
        """
Cet article a été initialement publié par notre partenaire {agency}. Tous droits réservés.
© {agency} {year}. Toute reproduction, même partielle, est interdite sans autorisation.
Source : {agency}. Tous droits de reproduction et de représentation réservés.
"""
    ),
    substitutions=substitutions(
        """
environ -> quelque
indiqué -> précisé
déclaré -> affirmé
affirmé -> assuré
autorités -> pouvoirs publics
mesures -> dispositions
discussions -> négociations
réunion -> rencontre
chiffres -> nombres
décision -> résolution
nettement -> sensiblement
actuelles -> en cours
habitants -> résidents
réclamer -> exiger
réclame -> exige
coûts -> frais
selon -> d'après
publiés -> diffusés
situation -> crise
difficile -> pénible
élevé -> important
sujet -> dossier
rapide -> urgente
expliqué -> précisé
insisté -> martelé
région -> collectivité
réponses -> explications
experts -> spécialistes
entreprises -> sociétés
soutien -> appui
"""
    ),
    derived=lambda slots: {
        "of_city": french_of(slots["city"]),
        "de_unit": french_of(slots["unit"]),
        "org_de": french_of(slots["orgname"]),
    },
    topics=topics(
        """
== strike
names: Nordrail | Régiorail | TransAlpes
roles: le ministre des Transports // la ministre des Transports | le PDG de {orgname} // la PDG
  de {orgname} | le syndicaliste // la syndicaliste
issue: la grève
unit: voyageurs
headline: Grève des conducteurs : {orgname} supprime la plupart des trains {in_region}
headline: Des milliers de voyageurs bloqués à {city} après l'annulation des trains de {orgname}
headline: Grève chez {orgname} : {p1n} appelle à la reprise du dialogue
lead: Les conducteurs de la compagnie ferroviaire {orgname}, qui exploite l'essentiel des
  lignes régionales {in_region}, ont cessé le travail {day} après l'échec des négociations
  salariales, privant de train environ {n2} {unit}.
lead: Les usagers de {city} ont vécu {day} une deuxième journée de perturbations, la grève des
  conducteurs de la compagnie ferroviaire {orgname} ne laissant circuler que {pct} des trains
  prévus.
lead: La grève à la compagnie ferroviaire {orgname} a déjà coûté {money} aux entreprises
  {of_region}, selon la chambre de commerce, alors que les négociations doivent reprendre
  {day2}.
== factory
names: Ferrand Industries | Valmet Composants | Corvel
roles: le ministre de l'Industrie // la ministre de l'Industrie | le directeur général de
  {orgname} // la directrice générale de {orgname} | le délégué syndical // la déléguée
  syndicale
issue: la fermeture du site
unit: salariés
headline: {orgname} va fermer son usine de {city}, {n1} emplois menacés
headline: Fermeture d'usine : colère {in_region} après l'annonce d'une délocalisation
headline: « Un jour noir pour {city} » : {orgname} ferme son site après plus de {n3} ans
lead: L'équipementier automobile {orgname} a annoncé {day} la fermeture de son usine de {city}
  d'ici à la fin de l'année prochaine, menaçant {n1} emplois.
lead: Les salariés de l'équipementier automobile {orgname} ont manifesté {day} à {city} contre
  la délocalisation de la production, alors que le site a reçu {money} d'aides publiques.
lead: La fermeture de l'usine de l'équipementier automobile {orgname} à {city} amputerait
  l'activité économique {of_region} d'environ {pct}, ont estimé {day} des économistes.
== flood
names: Aqualis | Hydrosud | Eauvive
roles: le préfet // la préfète | le directeur {org_de} // la directrice {org_de} | l'hydrologue
issue: la crue
unit: habitants
headline: Crue : des centaines d'habitants évacués à {city}
headline: Inondations {in_region} : les critiques visent {orgname}
headline: « Du jamais vu » : {city} commence à nettoyer après la crue
lead: Des centaines de personnes ont été évacuées {day} à {city} après le débordement de la
  rivière à la suite de plusieurs jours de fortes pluies, et la société des eaux {orgname} a
  averti que le niveau pourrait encore monter.
lead: Les secours ont travaillé toute la nuit pour renforcer les digues {in_region}, tandis que
  la société des eaux {orgname} indiquait {day} qu'environ {n2} {unit} restaient privés d'eau
  potable.
lead: La crue qui a frappé {city} en début de semaine a causé des dégâts estimés à {money}, ont
  indiqué {day} les autorités, qui s'interrogent sur l'état des ouvrages gérés par la société
  des eaux {orgname}.
== trial
names: Castel BTP | Morin Construction | Duval Bâtiment
roles: le procureur de la République // la procureure de la République | le PDG de {orgname} //
  la PDG de {orgname} | le militant anticorruption // la militante anticorruption
issue: le procès
unit: contribuables
headline: Procès pour corruption à {city} : {orgname} accusé d'avoir truqué des marchés publics
headline: Affaire {orgname} : des élus {of_region} soupçonnés d'avoir touché {money}
headline: Corruption : {p2n} nie toute irrégularité devant le tribunal
lead: Le procès de {n3} personnes accusées d'avoir truqué des marchés publics au profit du
  groupe de BTP {orgname} s'est ouvert {day} devant le tribunal correctionnel de {city}.
lead: Des dirigeants du groupe de BTP {orgname} ont versé {money} de pots-de-vin pour obtenir
  des chantiers d'écoles et de routes {in_region}, a soutenu {day} le parquet devant le
  tribunal de {city}.
lead: Un ancien fonctionnaire a affirmé {day} que des cadres du groupe de BTP {orgname} lui
  avaient proposé de l'argent et des voyages en échange d'informations sur des appels d'offres
  d'un montant de {money}.
== hospital
names: Santé Plus | Hospitalia | Médicis
roles: le ministre de la Santé // la ministre de la Santé | le directeur {org_de} // la
  directrice {org_de} | le médecin urgentiste // la médecin urgentiste
issue: la crise des urgences
unit: patients
headline: Crise à l'hôpital : {orgname} ferme ses urgences la nuit à {city}
headline: Jusqu'à {n3} heures d'attente aux urgences {in_region}
headline: {orgname} sous pression, {p1n} ordonne un audit des urgences
lead: Le groupe hospitalier {orgname} a annoncé {day} qu'il fermerait la nuit, à partir du mois
  prochain, le service des urgences de son hôpital de {city}, faute de médecins et
  d'infirmiers.
lead: Les patients {of_region} attendent jusqu'à {n3} heures pour être pris en charge aux
  urgences, selon des chiffres publiés {day} par le groupe hospitalier {orgname}.
lead: La région a ordonné {day} un audit des urgences après que le groupe hospitalier {orgname}
  a reconnu que {n1} opérations avaient été annulées en un seul mois.
== housing
names: Habitat Plus | Logéa | Habitalis
roles: le ministre du Logement // la ministre du Logement | le directeur général {org_de} // la
  directrice générale {org_de} | le président de l'association de locataires // la présidente
  de l'association de locataires
issue: la crise du logement
unit: locataires
headline: {orgname} va augmenter les loyers de {pct} pour des milliers de locataires à {city}
headline: Crise du logement : un plan de {money} pour loger les familles {in_region}
headline: Colère à {city} après l'annonce de la vente de {n1} logements par {orgname}
lead: Le bailleur social {orgname}, premier propriétaire de logements à {city}, a annoncé {day}
  à ses locataires une hausse des loyers de {pct} à partir du printemps prochain.
lead: La région a présenté {day} un plan de {money} pour construire des logements abordables,
  alors que le bailleur social {orgname} alerte sur une liste d'attente de {n2} ménages.
lead: Des centaines de locataires ont défilé {day} à {city} après l'annonce par le bailleur
  social {orgname} de la vente de {n1} logements à un fonds d'investissement.
== energy
names: Énerva | Voltaris | Lumina
roles: le ministre de l'Énergie // la ministre de l'Énergie | le PDG de {orgname} // la PDG de
  {orgname} | le représentant des consommateurs // la représentante des consommateurs
issue: la hausse des tarifs
unit: ménages
headline: {orgname} augmente ses tarifs de {pct}, les ménages {of_region} touchés
headline: Factures d'énergie : {orgname} défend sa hausse, {p1n} appelle à la retenue
headline: Des factures plus lourdes à {city} après les nouveaux tarifs de {orgname}
lead: Le fournisseur d'énergie {orgname} a annoncé {day} une hausse de {pct} de ses prix de
  l'électricité et du gaz dès le mois prochain, qui touchera environ {n2} {unit} {in_region}.
lead: Les associations de consommateurs {of_region} ont critiqué {day} le fournisseur d'énergie
  {orgname}, qui annonce une deuxième hausse en moins d'un an malgré un bénéfice de {money}.
lead: La région va vérifier si le fournisseur d'énergie {orgname} a répercuté la baisse des prix
  de gros sur ses clients, a-t-elle annoncé {day}.
== wildfire
names: Résélec | Sudgrid | Ligne Est
roles: le ministre de l'Intérieur // la ministre de l'Intérieur | le porte-parole {org_de} // la
  porte-parole {org_de} | l'expert forestier // l'experte forestière
issue: l'incendie
unit: habitants
headline: Incendie près de {city} : {n1} maisons évacuées
headline: Incendie {in_region} : les enquêteurs examinent une ligne électrique de {orgname}
headline: Les pompiers luttent depuis {n3} heures contre les flammes aux portes de {city}
lead: Les pompiers luttaient {day} contre un important feu de forêt aux portes de {city}, où
  {n1} maisons ont été évacuées, tandis que le gestionnaire de réseau {orgname} coupait
  plusieurs lignes par précaution.
lead: Les enquêteurs cherchent à savoir si une ligne endommagée du gestionnaire de réseau
  {orgname} est à l'origine de l'incendie qui a parcouru {n2} hectares de forêt {in_region},
  ont indiqué {day} les autorités.
lead: L'incendie près de {city} a été maîtrisé {day} après plusieurs jours, mais le gestionnaire
  de réseau {orgname} a prévenu qu'environ {n2} foyers resteraient privés d'électricité.
== football
names: Olympique de Vernay | AS Montvert | Racing Club de Sablé
roles: le maire // la maire | le président {org_de} // la présidente {org_de} | le porte-parole
  des supporters // la porte-parole des supporters
issue: la crise au club
unit: supporters
headline: {orgname} limoge son entraîneur après {n3} matches sans victoire
headline: Crise à {orgname} : le club demande {money} à la ville de {city}
headline: Les supporters {org_de} manifestent devant le stade, les dettes s'accumulent
lead: Le club {orgname} a limogé {day} son entraîneur après une série de {n3} matches sans
  victoire qui l'a plongé dans la zone de relégation.
lead: Le club {orgname} a demandé à la ville de {city} un prêt de {money} pour payer ses
  joueurs, a confirmé {day} son président.
lead: Environ {n2} {unit} ont défilé {day} jusqu'au stade du club {orgname} à {city} pour
  protester contre les propriétaires.
== airport
names: Aéroval | Skyport | Aérolia
roles: le ministre des Transports // la ministre des Transports | le président du directoire
  {org_de} // la présidente du directoire {org_de} | le président du collectif de riverains //
  la présidente du collectif de riverains
issue: l'extension de l'aéroport
unit: riverains
headline: Aéroport : {orgname} obtient le feu vert pour une nouvelle piste près de {city}
headline: Les riverains de {city} promettent de combattre l'extension de l'aéroport
headline: Extension {org_de} : {p1n} soutient le projet malgré le bruit
lead: La société aéroportuaire {orgname} a obtenu {day} l'autorisation de construire une
  deuxième piste près de {city}, un projet de {money} qui doit créer {n2} emplois
  {in_region}, selon l'exploitant.
lead: Les riverains de l'aéroport de {city} ont annoncé {day} qu'ils contesteraient en justice
  le projet d'extension de la société aéroportuaire {orgname}.
lead: La société aéroportuaire {orgname} a annoncé {day} que le nombre de passagers avait
  augmenté de {pct} cette année, un argument en faveur d'un nouveau terminal près de {city}.
== teachers
names: SNEF | Éducation Solidaire | UNSE
roles: le ministre de l'Éducation // la ministre de l'Éducation | le secrétaire général {org_de}
  // la secrétaire générale {org_de} | le représentant des parents d'élèves // la
  représentante des parents d'élèves
issue: le conflit salarial
unit: élèves
headline: Grève des enseignants : des écoles fermées {in_region}
headline: Conflit salarial : {orgname} rejette une hausse de {pct}
headline: {orgname} annonce de nouvelles journées de grève, {p1n} sous pression
lead: Des centaines d'écoles {of_region} sont restées fermées {day} en raison de la grève lancée
  par le syndicat d'enseignants {orgname} dans le conflit salarial, touchant environ {n2}
  {unit}.
lead: Le syndicat d'enseignants {orgname} a rejeté {day} une proposition de revalorisation de
  {pct}, jugeant qu'elle ne compensait pas la hausse du coût de la vie.
lead: Les parents de {city} ont dû trouver en urgence une solution de garde {day} après
  l'annonce par le syndicat d'enseignants {orgname} de {n3} nouvelles journées de grève.
== cyber
names: Datacom | Numéris | Cybelis
roles: le ministre du Numérique // la ministre du Numérique | le directeur technique {org_de} //
  la directrice technique {org_de} | le chercheur en cybersécurité // la chercheuse en
  cybersécurité
issue: la cyberattaque
unit: usagers
headline: Une cyberattaque paralyse les services municipaux de {city}
headline: Les pirates réclament {money} après l'attaque contre {orgname}
headline: Cyberattaque à {city} : les données de {n2} habitants ont pu être volées
lead: Une cyberattaque contre le prestataire informatique {orgname}, qui gère les systèmes de la
  mairie de {city}, paralyse les services municipaux depuis {weekday}, a indiqué la ville.
lead: Les pirates qui se sont introduits dans les systèmes du prestataire informatique
  {orgname} réclament une rançon de {money}, a confirmé {day} l'entreprise.
lead: Les données personnelles de jusqu'à {n2} {unit} {of_region} ont pu être dérobées lors de
  l'attaque contre le prestataire informatique {orgname}, ont indiqué {day} les enquêteurs.
"""
    ),
)

SPANISH = Language(
    code="es",
    agencies=("EFE", "Europa Press"),
    outlets=split_words(
        """
        diariodelnorte.example correo-regional.example noticiasdelsur.example
        vozdigital-news.example heraldo-hoy.example periodicodelaciudad.example
        cronica-regional.example actualidad24.example
        """
    ),
    sections=("politica", "economia", "sociedad", "comunidades"),
    dateline="{city}, {d} {month} ({agency}).- ",
    months=tuple("ene feb mar abr may jun jul ago sep oct nov dic".split()),
    weekdays=split_words("lunes martes miércoles jueves viernes sábado domingo"),
    on_days=tuple(
        f"el {day}" for day in "lunes martes miércoles jueves viernes sábado domingo".split()
    ),
    number=lambda n: f"{n:,}".replace(",", "."),
    percent="{}%",
    money="{} millones de euros",
    male=tuple("Javier Carlos Miguel Antonio Francisco Alberto Jorge Raúl Fernando".split()),
    female=tuple("Lucía María Carmen Ana Isabel Elena Pilar Marta Cristina Beatriz".split()),
    surnames=tuple(
        "Martín Ruiz Navarro Gil Serrano Molina Ortega Castro Delgado Romero Herrera Vidal "
        "Iglesias Medina Cabrera".split()
    ),
    places=records(
        """
Zaragoza | Aragón | en Aragón | de Aragón
Huesca | Aragón | en Aragón | de Aragón
Valencia | la Comunidad Valenciana | en la Comunidad Valenciana
  | de la Comunidad Valenciana
Alicante | la Comunidad Valenciana | en la Comunidad Valenciana
  | de la Comunidad Valenciana
Sevilla | Andalucía | en Andalucía | de Andalucía
Málaga | Andalucía | en Andalucía | de Andalucía
Bilbao | el País Vasco | en el País Vasco | del País Vasco
Valladolid | Castilla y León | en Castilla y León | de Castilla y León
Oviedo | Asturias | en Asturias | de Asturias
Murcia | la Región de Murcia | en la Región de Murcia | de la Región de Murcia
Santander | Cantabria | en Cantabria | de Cantabria
Vigo | Galicia | en Galicia | de Galicia
""",
        ("city", "region", "in_region", "of_region"),
    ),
    statements=entries(
        """
{org} aseguró en un comunicado que mantiene un contacto estrecho con las autoridades de {city}
  desde principios de semana.
Según las cifras facilitadas por {org}, unos {n2} {unit} se han visto afectados hasta ahora.
El coste podría alcanzar ya los {money}, alrededor de un {pct} más de lo estimado el año pasado.
{p1} tiene previsto reunirse {day2} en {city} con representantes de {org}.
La oposición en el parlamento autonómico ha exigido una comisión de investigación sobre la
  gestión de la situación {in_region}.
Un portavoz de {org} declinó hacer comentarios sobre los detalles y alegó que las
  conversaciones siguen abiertas.
Los medios locales de {city} informaron de largas colas y una gran confusión durante las
  primeras horas.
El último caso comparable {in_region} se remonta a hace más de una década, cuando resultaron
  afectados unos {n1} {unit}.
Según un plan presentado {day}, {org} recibiría {money} en los próximos {n3} años, siempre que
  cumpla una serie de condiciones.
Las autoridades subrayaron que los servicios de emergencia de {city} estuvieron disponibles en
  todo momento.
El gobierno autonómico ha habilitado un teléfono de información para los {unit} afectados.
Las conversaciones entre {org} y el gobierno regional continuarán previsiblemente {day2}.
Expertos independientes advirtieron de que el número real de {unit} afectados podría ser
  considerablemente mayor.
En una carta a la que han tenido acceso medios locales, {p2} pidió al gobierno autonómico más
  apoyo.
El pleno del ayuntamiento de {city} votará antes de final de mes un paquete de medidas por valor
  de {money}.
La policía informó de que la situación en el centro de {city} era tranquila, aunque varias
  calles fueron cortadas por precaución.
Los críticos sostienen que {issue} ha puesto de manifiesto debilidades arraigadas en la gestión
  de los servicios públicos {in_region}.
Hasta el {weekday}, unos {n1} {unit} habían presentado ya una reclamación, según una asociación
  de consumidores.
Una encuesta publicada el mes pasado reveló que el {pct} de los habitantes {of_region} considera
  este asunto una de sus principales preocupaciones.
{p1} admitió que se cometieron errores, pero rechazó las peticiones de dimisión.
Las asociaciones empresariales {of_region} cifran ya las pérdidas del comercio local en {money}.
Varios cientos de personas se concentraron el {weekday} por la tarde frente al ayuntamiento de
  {city} para exigir respuestas.
Vecinos entrevistados por la televisión local aseguraron sentirse abandonados a su suerte.
El parlamento autonómico celebrará un pleno extraordinario sobre el asunto en un plazo de {n3}
  días.
Ni {org} ni el gobierno regional han precisado cuánto tiempo seguirán en vigor las medidas
  actuales.
Un informe interno, del que se publicaron extractos {day}, recoge {n1} incidencias en los
  últimos {n3} meses.
El Gobierno central se ha mantenido hasta ahora al margen, al considerar que el asunto
  corresponde a las autoridades {of_region}.
{p2} explicó que {org} se había ofrecido a asumir parte de los costes, estimados en {money}.
Según los últimos datos, el número de {unit} afectados ha aumentado un {pct} desde el fin de
  semana.
Fuentes municipales de {city} indicaron que los próximos pasos se decidirán en una reunión
  {day2}.
Abogados que representan a varios de los {unit} afectados anunciaron que preparan una demanda
  colectiva.
En las comarcas vecinas rigen restricciones similares desde hace {n3} semanas.
El episodio podría pasar factura al gobierno regional de cara a las elecciones autonómicas del
  próximo año.
Las líneas de atención habilitadas por {org} recibieron más de {n2} llamadas en las primeras
  {n3} horas.
{p3}, que sigue el caso desde hace años, consideró incompletas las cifras publicadas hasta
  ahora.
El gobierno autonómico se ha comprometido a publicar un balance completo en un plazo de {n3}
  semanas.
Sindicatos y patronal de {city} han lanzado, algo poco habitual, un llamamiento conjunto a una
  solución rápida.
No es la primera polémica de {org}: una auditoría realizada hace {n3} años detectó graves
  deficiencias en su planificación.
No se espera una decisión definitiva antes de final de año, según fuentes del ayuntamiento de
  {city}.
Los hechos ocuparon el {weekday} las portadas de la prensa regional.
Los observadores creen que los próximos días mostrarán si el frágil acuerdo se mantiene.
El área metropolitana de {city} cuenta con unos {n2} habitantes, muchos de ellos de edad
  avanzada.
Preguntad[p1:o|a] por posibles nuevas medidas, {p1} aseguró que no se descarta nada.
Imágenes compartidas en redes sociales mostraban calles abarrotadas en {city}, aunque algunas no
  han podido ser verificadas.
Una partida de {money} prevista en los presupuestos actuales aún no ha sido liberada, según
  {org}.
Alrededor del {pct} de los {unit} consultados en un sondeo reciente afirma haber perdido la
  confianza en las autoridades.
Representantes de {org} informarán {day2} a los diputados autonómicos.
Las cifras publicadas el {weekday} por {org} no han podido ser verificadas de forma
  independiente.
"""
    ),
    official_quotes=entries(
        """
Entendemos el malestar y estamos haciendo todo lo posible para resolverlo cuanto antes
La seguridad ha sido y sigue siendo nuestra prioridad absoluta
Nadie debe hacerse ilusiones: esto llevará tiempo
Hemos puesto sobre la mesa una oferta justa y esperamos una respuesta seria
Las cifras hablan por sí solas y demuestran que nuestro enfoque funciona
No voy a hacer promesas que no podamos cumplir
Los vecinos de {city} merecen respuestas claras, y las tendrán
Es un día difícil, pero no es el final de la historia
Estamos en contacto permanente con todas las partes implicadas
Todas las opciones están sobre la mesa, incluida la financiación adicional
Hemos aprendido de los errores del pasado
Espero que todo el mundo actúe con responsabilidad en los próximos días
"""
    ),
    critic_quotes=entries(
        """
Esto no ha surgido de la nada: las advertencias estaban ahí desde hace años
La gente está pagando el precio de decisiones tomadas a puerta cerrada
Lo que hemos escuchado hasta ahora son excusas, no un plan
Las autoridades han perdido la confianza de las personas a las que deben servir
No vamos a permitir que esto se tape
Los responsables deben ser señalados y rendir cuentas
Siempre es la misma historia: primero promesas, después silencio
Nadie ha preguntado a quienes de verdad están afectados
Las cifras publicadas son solo la punta del iceberg
Nos han ignorado durante demasiado tiempo
Unos cuantos retoques cosméticos no bastarán esta vez
Es un escándalo, y nadie podrá decir que no lo sabía
"""
    ),
    attributions=entries(
        """
«{quote}», declaró {p}.
«{quote}», afirmó {p} este {weekday}.
{p} dijo ante los periodistas en {city}: «{quote}».
«{quote}», escribió {p} en las redes sociales.
«{quote}», explicó {p} en declaraciones a una emisora local.
{p} insistió: «{quote}».
"""
    ),
    background=entries(
        """
{city} ya había sufrido problemas similares, aunque nunca de esta magnitud, según historiadores
  locales.
La comunidad cuenta con unas {n2} empresas, muchas de ellas pequeños negocios familiares.
Nota de la redacción: esta información ha sido ampliada con datos recogidos en {city}.
Puede seguir la última hora de la situación {in_region} en nuestro directo.
El asunto es un tema recurrente en la política autonómica desde hace más de una década.
Según nuestro corresponsal en {city}, la tensión se mantenía en el centro de la ciudad al caer
  la tarde.
A principios de año, un conflicto similar en una comunidad vecina se resolvió tras {n3} semanas
  de negociaciones.
Comerciantes de la zona contaron a este diario que han notado menos clientes desde principios de
  semana.
"""
    ),
    copyright=entries(
        """
Esta noticia fue publicada originalmente por {agency}. Todos los derechos reservados.
© {agency} {year}. Queda prohibida la reproducción total o parcial sin autorización.
Información elaborada a partir de un teletipo de {agency}. Todos los derechos reservados.
"""
    ),
    substitutions=substitutions(
        """
aseguró -> afirmó
afirmó -> aseguró
declaró -> dijo
explicó -> señaló
autoridades -> instituciones
situación -> crisis
medidas -> acciones
reunión -> cita
costes -> gastos
considerablemente -> notablemente
rápida -> urgente
vecinos -> residentes
habitantes -> residentes
exigir -> reclamar
exigido -> reclamado
apoyo -> respaldo
advirtieron -> alertaron
informaron -> dieron cuenta
según -> de acuerdo con
próximos -> siguientes
admitió -> reconoció
graves -> serias
tranquila -> calmada
"""
    ),
    derived=lambda slots: {},
    topics=topics(
        """
== strike
names: Ferronorte | Regiotren | Vialia
roles: el consejero de Movilidad // la consejera de Movilidad | el presidente de {orgname} // la
  presidenta de {orgname} | el portavoz del sindicato de maquinistas // la portavoz del
  sindicato de maquinistas
issue: la huelga
unit: viajeros
headline: Huelga de maquinistas: {orgname} cancela la mayoría de los trenes {in_region}
headline: Miles de viajeros atrapados en {city} por la huelga en {orgname}
headline: {p1n} pide a {orgname} y a los sindicatos que vuelvan a la mesa de negociación
lead: Los maquinistas de la operadora ferroviaria {orgname}, que gestiona la mayor parte de los
  servicios regionales {in_region}, iniciaron {day} una huelga tras romperse las negociaciones
  salariales, lo que dejó sin tren a unos {n2} {unit}.
lead: Los usuarios del tren en {city} sufrieron {day} la segunda jornada de huelga en la
  operadora ferroviaria {orgname}, que solo pudo garantizar el {pct} de los servicios
  programados.
lead: La huelga en la operadora ferroviaria {orgname} ha costado ya {money} a las empresas
  {of_region}, según la cámara de comercio, mientras las partes se preparan para volver a
  reunirse {day2}.
== factory
names: Industrias Ferrán | Motorpiezas | Talleres Ibarra
roles: el consejero de Industria // la consejera de Industria | el consejero delegado de
  {orgname} // la consejera delegada de {orgname} | el presidente del comité de empresa // la
  presidenta del comité de empresa
issue: el cierre de la planta
unit: trabajadores
headline: {orgname} cerrará su planta de {city} con la pérdida de {n1} empleos
headline: Indignación {in_region} por el traslado de la producción de {orgname} al extranjero
headline: «Un día negro para {city}»: {orgname} echa el cierre tras más de {n3} años
lead: El fabricante de componentes {orgname} anunció {day} que cerrará su planta de {city} a
  finales del próximo año, lo que pone en riesgo {n1} puestos de trabajo.
lead: Los trabajadores del fabricante de componentes {orgname} se concentraron {day} en {city}
  contra el traslado de la producción al extranjero, pese a las ayudas públicas de {money} que
  recibió la planta.
lead: El cierre de la planta del fabricante de componentes {orgname} en {city} reducirá en torno
  a un {pct} la actividad económica {of_region}, según estimaron {day} varios economistas.
== flood
names: Aguas del Levante | Hidronorte | Aquasur
roles: el delegado del Gobierno // la delegada del Gobierno | el director de {orgname} // la
  directora de {orgname} | el hidrólogo // la hidróloga
issue: la riada
unit: vecinos
headline: Riada en {city}: cientos de evacuados tras el desbordamiento del río
headline: Inundaciones {in_region}: crecen las críticas contra {orgname}
headline: «Nunca habíamos visto nada igual»: {city} empieza a limpiar tras la riada
lead: Cientos de personas fueron evacuadas {day} de sus casas en {city} después de que el río
  se desbordara tras varios días de lluvias intensas, y la empresa de aguas {orgname} advirtió
  de que el nivel podría seguir subiendo.
lead: Los equipos de emergencia trabajaron durante toda la noche para reforzar los diques
  {in_region}, mientras la empresa de aguas {orgname} informaba {day} de que unos {n2} {unit}
  seguían sin agua potable.
lead: La riada que golpeó {city} a principios de semana causó daños por valor de {money}, según
  informaron {day} las autoridades, que cuestionan el estado de las infraestructuras de la
  empresa de aguas {orgname}.
== trial
names: Construcciones Ortega | Obras Levante | Grupo Berrocal
roles: el fiscal anticorrupción // la fiscal anticorrupción | el presidente de {orgname} // la
  presidenta de {orgname} | el activista anticorrupción // la activista anticorrupción
issue: el juicio
unit: contribuyentes
headline: Arranca en {city} el juicio por el amaño de contratos públicos a favor de {orgname}
headline: Juicio a {orgname}: la Fiscalía acusa a cargos públicos de cobrar {money} en sobornos
headline: {p2n} niega ante el tribunal cualquier irregularidad
lead: La Audiencia de {city} juzga desde {day} a {n3} personas acusadas de amañar contratos
  públicos de obra a favor de la constructora {orgname}, en uno de los mayores casos de
  corrupción {of_region}.
lead: La Fiscalía sostuvo {day} ante la Audiencia de {city} que directivos de la constructora
  {orgname} pagaron sobornos por valor de {money} para hacerse con contratos de colegios y
  carreteras.
lead: Un antiguo funcionario declaró {day} que empleados de la constructora {orgname} le
  ofrecieron dinero y viajes a cambio de información privilegiada sobre licitaciones por valor
  de {money}.
== hospital
names: Salud Integral | Hospitalia | Medisur
roles: el consejero de Sanidad // la consejera de Sanidad | el gerente de {orgname} // la gerente
  de {orgname} | el portavoz del sindicato médico // la portavoz del sindicato médico
issue: la crisis de las urgencias
unit: pacientes
headline: {orgname} cerrará por las noches las urgencias de su hospital en {city}
headline: Los pacientes esperan hasta {n3} horas en las urgencias {of_region}
headline: {p1n} ordena revisar la atención de urgencias tras los retrasos en {orgname}
lead: El grupo hospitalario {orgname} anunció {day} que cerrará por las noches el servicio de
  urgencias de su hospital de {city} a partir del próximo mes por la falta de médicos y
  enfermeras.
lead: Los pacientes {of_region} esperan hasta {n3} horas para ser atendidos en urgencias, según
  los datos publicados {day} por el grupo hospitalario {orgname}.
lead: El gobierno autonómico ordenó {day} una revisión de la atención de urgencias después de
  que el grupo hospitalario {orgname} reconociera que en un solo mes se cancelaron {n1}
  operaciones.
== housing
names: Viviendas Alameda | Urbania | Residencial Ébano
roles: el consejero de Vivienda // la consejera de Vivienda | el director general de {orgname} //
  la directora general de {orgname} | el portavoz del Sindicato de Inquilinos // la portavoz
  del Sindicato de Inquilinos
issue: la crisis de la vivienda
unit: inquilinos
headline: {orgname} subirá un {pct} el alquiler a miles de inquilinos en {city}
headline: Crisis de la vivienda: el gobierno autonómico anuncia un plan de {money}
headline: Protesta en {city} contra la venta de {n1} pisos de {orgname}
lead: La promotora {orgname}, el mayor arrendador de {city}, comunicó {day} a sus inquilinos que
  el alquiler subirá un {pct} a partir de la próxima primavera.
lead: El gobierno autonómico presentó {day} un plan de {money} para construir vivienda
  asequible, mientras la promotora {orgname} alertaba de que su lista de espera alcanza ya a
  {n2} familias.
lead: Cientos de inquilinos se manifestaron {day} en {city} después de que la promotora
  {orgname} anunciara la venta de {n1} pisos a un fondo de inversión.
== energy
names: Energía Ibérica | Voltaris | Lumisol
roles: el ministro de Energía // la ministra de Energía | el consejero delegado de {orgname} //
  la consejera delegada de {orgname} | el portavoz de la asociación de consumidores // la
  portavoz de la asociación de consumidores
issue: la subida de tarifas
unit: hogares
headline: {orgname} sube un {pct} la luz y golpea a los hogares {of_region}
headline: {orgname} defiende la subida de tarifas mientras {p1n} pide contención
headline: Las familias de {city} pagarán más tras las nuevas tarifas de {orgname}
lead: La eléctrica {orgname} anunció {day} que subirá un {pct} los precios de la luz y el gas a
  partir del próximo mes, una medida que afectará a unos {n2} {unit} {in_region}.
lead: Las asociaciones de consumidores {of_region} criticaron {day} a la eléctrica {orgname},
  que ha anunciado la segunda subida en menos de un año pese a haber ganado {money}.
lead: El gobierno autonómico examinará si la eléctrica {orgname} ha trasladado a sus clientes
  la bajada de los precios mayoristas, según anunció {day}.
== wildfire
names: Redsur | Eléctrica del Norte | Distrivolt
roles: el consejero de Medio Ambiente // la consejera de Medio Ambiente | el portavoz de
  {orgname} // la portavoz de {orgname} | el ingeniero forestal // la ingeniera forestal
issue: el incendio
unit: vecinos
headline: Un incendio forestal cerca de {city} obliga a desalojar {n1} viviendas
headline: Incendio {in_region}: los investigadores examinan una línea eléctrica de {orgname}
headline: Los bomberos luchan desde hace {n3} horas contra las llamas a las afueras de {city}
lead: Los bomberos combatían {day} un gran incendio forestal a las afueras de {city}, donde
  fueron desalojadas {n1} viviendas, mientras la distribuidora eléctrica {orgname} cortaba el
  suministro en varias líneas por precaución.
lead: Los investigadores tratan de determinar si una línea dañada de la distribuidora eléctrica
  {orgname} originó el incendio que ha arrasado {n2} hectáreas de monte {in_region},
  informaron {day} las autoridades.
lead: El incendio cercano a {city} quedó controlado {day} tras varios días activo, pero la
  distribuidora eléctrica {orgname} advirtió de que unas {n2} viviendas seguirán sin luz por
  ahora.
== football
names: CD Alcázar | Atlético Riberal | UD Montealto
roles: el alcalde // la alcaldesa | el presidente de {orgname} // la presidenta de {orgname} |
  el portavoz de la federación de peñas // la portavoz de la federación de peñas
issue: la crisis del club
unit: aficionados
headline: {orgname} destituye a su entrenador tras {n3} partidos sin ganar
headline: Crisis en {orgname}: el club pide {money} al ayuntamiento de {city}
headline: Los aficionados de {orgname} protestan ante el estadio mientras crecen las deudas
lead: El club {orgname} destituyó {day} a su entrenador después de encadenar {n3} partidos sin
  ganar que lo han dejado en puestos de descenso.
lead: El club {orgname} ha pedido al ayuntamiento de {city} un préstamo de {money} para poder
  pagar a sus jugadores, según confirmó {day} su presidente.
lead: Unos {n2} {unit} marcharon {day} hasta el estadio del club {orgname} en {city} para
  protestar contra los propietarios de la entidad.
== airport
names: Aeroval | Skyport | Aeropuertos del Sur
roles: el ministro de Transportes // la ministra de Transportes | el director de {orgname} // la
  directora de {orgname} | el portavoz de la plataforma vecinal // la portavoz de la
  plataforma vecinal
issue: la ampliación del aeropuerto
unit: vecinos
headline: Luz verde a la nueva pista de {orgname} junto a {city}
headline: Los vecinos de {city} recurrirán en los tribunales la ampliación del aeropuerto
headline: {p1n} respalda la ampliación de {orgname} pese a las quejas por el ruido
lead: La gestora aeroportuaria {orgname} obtuvo {day} la autorización para construir una
  segunda pista junto a {city}, un proyecto de {money} que, según la empresa, creará {n2}
  empleos {in_region}.
lead: Los vecinos del aeropuerto de {city} anunciaron {day} que recurrirán en los tribunales los
  planes de ampliación de la gestora aeroportuaria {orgname}.
lead: La gestora aeroportuaria {orgname} informó {day} de que el número de pasajeros ha crecido
  un {pct} este año, lo que a su juicio refuerza la necesidad de una nueva terminal en {city}.
== teachers
names: STEC | Docentes Unidos | USE
roles: el consejero de Educación // la consejera de Educación | el secretario general de
  {orgname} // la secretaria general de {orgname} | el presidente de la asociación de padres //
  la presidenta de la asociación de padres
issue: el conflicto salarial
unit: alumnos
headline: Colegios cerrados {in_region} por la huelga de docentes
headline: Conflicto salarial: {orgname} rechaza una subida del {pct}
headline: {orgname} anuncia nuevas jornadas de huelga y pone en aprietos a {p1n}
lead: Cientos de colegios {of_region} permanecieron cerrados {day} por la huelga convocada por
  el sindicato docente {orgname} en el conflicto salarial, que afectó a unos {n2} {unit}.
lead: El sindicato docente {orgname} rechazó {day} una oferta de subida salarial del {pct} al
  considerar que no compensa el encarecimiento del coste de la vida de los últimos años.
lead: Los padres de {city} tuvieron que buscar {day} a toda prisa quien cuidara de sus hijos
  después de que el sindicato docente {orgname} anunciara {n3} nuevas jornadas de huelga.
== cyber
names: Datacom | Cibernova | Infolink
roles: el consejero de Transformación Digital // la consejera de Transformación Digital | el
  director técnico de {orgname} // la directora técnica de {orgname} | el investigador en
  ciberseguridad // la investigadora en ciberseguridad
issue: el ciberataque
unit: usuarios
headline: Un ciberataque paraliza los servicios municipales de {city}
headline: Los piratas informáticos exigen {money} tras el ataque a {orgname}
headline: Ciberataque en {city}: los datos de {n2} vecinos podrían haber sido robados
lead: Un ciberataque contra la empresa informática {orgname}, que gestiona los sistemas del
  ayuntamiento de {city}, mantiene paralizados los servicios municipales desde el {weekday},
  según informó el consistorio.
lead: Los atacantes que accedieron a los sistemas de la empresa informática {orgname} exigen un
  rescate de {money}, según confirmó {day} la compañía.
lead: Los datos personales de hasta {n2} {unit} {of_region} podrían haber sido robados en el
  ataque contra la empresa informática {orgname}, informaron {day} los investigadores.
"""
    ),
)

RUSSIAN = Language(
    code="ru",
    agencies=("ТАСС", "РИА Новости", "Интерфакс"),
    outlets=split_words(
        """
        novosti-regiona.example gorodskie-vesti.example vecherniy-kurier.example
        oblastnaya-gazeta.example delovoy-vestnik.example nashgorod24.example
        volga-novosti.example sibir-inform.example
        """
    ),
    sections=("news", "society", "economy", "incidents"),
    dateline="{CITY}, {d} {month} — {agency}. ",
    months=tuple(
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
    ),
    weekdays=split_words("понедельник вторник среда четверг пятница суббота воскресенье"),
    on_days=tuple(
        "в понедельник|во вторник|в среду|в четверг|в пятницу|в субботу|в воскресенье".split("|")
    ),
    number=lambda n: f"{n:,}".replace(",", " "),
    percent="{}%",
    money="{} млн рублей",
    male=tuple("Алексей Дмитрий Сергей Андрей Михаил Игорь Николай Павел Олег Виктор".split()),
    female=tuple("Елена Ольга Наталья Татьяна Ирина Марина Анна Светлана Юлия Екатерина".split()),
    surnames=tuple(
        "Соколов Кузнецов Морозов Волков Лебедев Новиков Фёдоров Орлов Макаров Захаров Белов "
        "Гусев Карпов Тихонов Жуков".split()
    ),
    feminine=lambda surname: surname + "а",
    places=records(
        """
Екатеринбург | в Екатеринбурге | Екатеринбурга | Свердловская область
  | в Свердловской области | Свердловской области
Казань | в Казани | Казани | Татарстан | в Татарстане | Татарстана
Нижний Новгород | в Нижнем Новгороде | Нижнего Новгорода | Нижегородская область
  | в Нижегородской области | Нижегородской области
Самара | в Самаре | Самары | Самарская область | в Самарской области | Самарской области
Новосибирск | в Новосибирске | Новосибирска | Новосибирская область
  | в Новосибирской области | Новосибирской области
Краснодар | в Краснодаре | Краснодара | Краснодарский край | в Краснодарском крае
  | Краснодарского края
Пермь | в Перми | Перми | Пермский край | в Пермском крае | Пермского края
Воронеж | в Воронеже | Воронежа | Воронежская область | в Воронежской области
  | Воронежской области
Ярославль | в Ярославле | Ярославля | Ярославская область | в Ярославской области
  | Ярославской области
Омск | в Омске | Омска | Омская область | в Омской области | Омской области
Иркутск | в Иркутске | Иркутска | Иркутская область | в Иркутской области
  | Иркутской области
Тула | в Туле | Тулы | Тульская область | в Тульской области | Тульской области
""",
        ("city", "in_city", "city_gen", "region", "in_region", "region_gen"),
    ),
    statements=entries(
        """
{org_in} сообщили, что с начала недели находятся в постоянном контакте с властями {city_gen}.
По данным {org_gen}, ситуация затронула уже около {n2} {unit}.
Расходы теперь оцениваются в {money}, что примерно на {pct} больше прошлогодней оценки.
{p1} проведёт встречу с представителями {org_gen} {day2} {in_city}.
Оппозиция в региональном парламенте потребовала создать комиссию для расследования действий
  властей.
{org_in} отказались от подробных комментариев, сославшись на продолжающиеся переговоры.
Местные СМИ сообщали о длинных очередях и неразберихе {in_city} в первые часы.
Последний сопоставимый случай {in_region} произошёл более десяти лет назад, тогда проблема
  коснулась около {n1} {unit}.
Согласно плану, представленному {day}, {org} в течение {n3} лет получит {money} при выполнении
  ряда условий.
В администрации {city_gen} подчеркнули, что экстренные службы всё это время работали в штатном
  режиме.
В регионе открыта горячая линия для {unit}, которым нужна информация.
Переговоры с представителями {org_gen} продолжатся {day2}.
Независимые эксперты предупреждают, что реальное число пострадавших может быть значительно выше.
В письме, с которым ознакомились местные журналисты, {p2} [p2:попросил|попросила] региональное
  правительство о дополнительной поддержке.
Городская дума {city_gen} до конца месяца рассмотрит пакет мер на сумму {money}.
В полиции сообщили, что обстановка в центре {city_gen} остаётся спокойной, однако несколько
  улиц перекрыты в качестве меры предосторожности.
По мнению критиков, ситуация вокруг {issue_gen} обнажила давние проблемы в управлении регионом.
По данным общества защиты прав потребителей, жалобы уже подали около {n1} {unit}.
Согласно опросу, опубликованному в прошлом месяце, {pct} жителей {region_gen} считают эту
  проблему одной из главных.
{p1} [p1:признал|признала], что были допущены ошибки, но [p1:отверг|отвергла] призывы к
  отставке.
Предпринимательские объединения {region_gen} оценивают потери местного бизнеса в {money}.
{day} вечером несколько сотен человек собрались у здания мэрии {city_gen}, требуя ответов.
Опрошенные местным телевидением жители говорят, что чувствуют себя брошенными.
Региональный парламент в течение {n3} дней проведёт внеочередное заседание по этому вопросу.
Ни {org_in}, ни в правительстве региона не уточнили, как долго будут действовать нынешние
  ограничения.
Во внутреннем отчёте, фрагменты которого были опубликованы {day}, упоминаются {n1} инцидентов
  за последние {n3} месяцев.
Федеральный центр пока держится в стороне, указывая, что решать вопрос должны власти
  {region_gen}.
{p2} [p2:заявил|заявила], что {org_in} готовы взять на себя часть расходов, которые
  оцениваются в {money}.
По последним данным, число пострадавших с выходных выросло на {pct}.
Решение о дальнейших шагах будет принято на совещании {day2}, сообщили в мэрии {city_gen}.
Юристы, представляющие интересы части {unit}, заявили, что готовят коллективный иск.
В соседних районах аналогичные ограничения действуют уже {n3} недель.
Ситуация может ударить по позициям правящей партии накануне региональных выборов в следующем
  году.
За первые {n3} часов на горячую линию поступило более {n2} звонков.
{p3}, [p3:который|которая] уже несколько лет следит за ситуацией, считает опубликованные данные
  неполными.
Правительство региона пообещало представить полный отчёт в течение {n3} недель.
Профсоюзы и деловые объединения {city_gen} выступили с редким совместным призывом быстро найти
  решение.
У {org_gen} и раньше были проблемы: проверка {n3} лет назад выявила серьёзные недостатки в
  планировании.
Окончательного решения не ожидается до конца года, сообщили в мэрии {city_gen}.
События {day} попали на первые полосы региональных газет.
Наблюдатели полагают, что ближайшие дни покажут, устоит ли хрупкий компромисс.
В агломерации {city_gen} проживают около {n2} человек, многие из них — пожилые.
Отвечая на вопрос о дополнительных мерах, {p1} [p1:заявил|заявила], что ничего не исключается.
В соцсетях распространялись снимки заполненных людьми улиц {city_gen}, однако подлинность части
  из них подтвердить не удалось.
Предусмотренные в текущем бюджете {money} до сих пор не выделены, сообщили {org_in}.
Около {pct} опрошенных в ходе недавнего исследования заявили, что утратили доверие к властям.
Представители {org_gen} {day2} проинформируют депутатов регионального парламента.
Опубликованные {day} данные {org_gen} пока не удалось независимо проверить.
"""
    ),
    official_quotes=entries(
        """
Мы понимаем недовольство людей и делаем всё возможное, чтобы как можно скорее решить проблему
Безопасность была и остаётся для нас главным приоритетом
Не стоит питать иллюзий: на это потребуется время
Мы сделали честное предложение и ждём серьёзного ответа
Цифры говорят сами за себя: наш подход работает
Я не буду давать обещаний, которые мы не сможем выполнить
Жители {city_gen} заслуживают ясных ответов, и они их получат
Это тяжёлый день, но это ещё не конец истории
Мы находимся в постоянном контакте со всеми сторонами
Рассматриваются все варианты, включая дополнительное финансирование
Мы извлекли уроки из ошибок прошлого
Я рассчитываю, что в ближайшие дни все будут действовать ответственно
"""
    ),
    critic_quotes=entries(
        """
Это не случилось внезапно: о рисках предупреждали годами
Люди расплачиваются за решения, принятые за закрытыми дверями
Всё, что мы слышим до сих пор, — это оправдания, а не план
Власти потеряли доверие тех, кому должны служить
Мы не позволим замять эту историю
Виновные должны быть названы и понести ответственность
Каждый раз одно и то же: сначала обещания, потом тишина
Никто не спросил мнения тех, кого это действительно касается
Опубликованные цифры — лишь верхушка айсберга
Нас слишком долго не слышали
Косметических изменений на этот раз будет недостаточно
Это скандал, и никто не сможет сказать, что не знал
"""
    ),
    attributions=entries(
        """
«{quote}», — [p:заявил|заявила] {p}.
«{quote}», — [p:сказал|сказала] {p} журналистам {in_city}.
{p} [p:подчеркнул|подчеркнула]: «{quote}».
«{quote}», — [p:написал|написала] {p} в соцсетях.
«{quote}», — [p:отметил|отметила] {p} в эфире местного радио.
Выступая {day}, {p} [p:сказал|сказала]: «{quote}».
"""
    ),
    background=entries(
        """
Подобные проблемы возникали {in_city} и раньше, но, по словам местных историков, никогда в
  таком масштабе.
{in_region} работают около {n2} предприятий, многие из них — небольшие семейные компании.
Примечание редакции: материал дополнен информацией нашего корреспондента {in_city}.
Следите за развитием событий {in_region} в нашей онлайн-трансляции.
Эта тема остаётся одной из самых обсуждаемых в региональной политике уже более десяти лет.
По словам нашего корреспондента, обстановка в центре {city_gen} оставалась напряжённой до
  вечера.
В начале года похожий конфликт в соседнем регионе удалось урегулировать после {n3} недель
  переговоров.
Местные предприниматели рассказали нашим журналистам, что с начала недели клиентов стало
  заметно меньше.
"""
    ),
    copyright=entries(
        """
Материал впервые опубликован агентством {agency}. Все права защищены.
При полном или частичном использовании материалов ссылка на {agency} обязательна.
© {agency}, {year}. Все права защищены. Перепечатка без разрешения запрещена.
"""
    ),
    substitutions=substitutions(
        """
сообщили -> рассказали
заявил -> сказал
заявила -> сказала
около -> порядка
власти -> чиновники
ситуация -> обстановка
проблемы -> трудности
местные -> здешние
значительно -> существенно
быстро -> оперативно
данные -> сведения
данным -> сведениям
дополнительной -> новой
совещании -> заседании
уточнили -> пояснили
подчеркнули -> отметили
расходы -> затраты
расходов -> затрат
ограничения -> меры
рассмотрит -> обсудит
потребовала -> призвала
заявили -> сообщили
отметил -> подчеркнул
отметила -> подчеркнула
предупредили -> сообщили
региона -> области
регионального -> областного
региональном -> областном
более -> свыше
примерно -> приблизительно
ответов -> объяснений
снимки -> фотографии
человек -> жителей
требуя -> добиваясь
журналистам -> репортёрам
"""
    ),
    topics=topics(
        """
== strike
names: Регионтранс | Северный экспресс | Волгатранс
roles: министр транспорта региона | генеральный директор компании «{orgname}» | лидер профсоюза
  машинистов
org: железнодорожная компания «{orgname}»
org_gen: железнодорожной компании «{orgname}»
org_in: в железнодорожной компании «{orgname}»
issue_gen: забастовки
unit: пассажиров
headline: Забастовка машинистов парализовала пригородное сообщение {in_region}
headline: Тысячи пассажиров {in_city} остались без электричек из-за забастовки машинистов
  компании «{orgname}»
headline: {p1n} [p1:призвал|призвала] стороны вернуться за стол переговоров
lead: Машинисты железнодорожной компании «{orgname}», которая обслуживает большую часть
  пригородных маршрутов {in_region}, {day} прекратили работу после срыва переговоров о
  зарплате, без поездов остались около {n2} {unit}.
lead: Жители {city_gen} {day} второй день подряд столкнулись с перебоями в движении поездов:
  из-за забастовки в железнодорожной компании «{orgname}» выполняется лишь {pct} рейсов.
lead: Забастовка в железнодорожной компании «{orgname}» уже обошлась бизнесу {region_gen} в
  {money}, подсчитали в региональной торгово-промышленной палате; {day2} стороны намерены
  возобновить переговоры.
== factory
names: Уралдеталь | Автокомпонент | Металлист
roles: министр промышленности региона | директор завода «{orgname}» | председатель профкома
  завода
org: завод «{orgname}»
org_gen: завода «{orgname}»
org_in: на заводе «{orgname}»
issue_gen: закрытия завода
unit: работников
headline: Завод «{orgname}» {in_city} закроют, без работы останутся {n1} человек
headline: Закрытие завода «{orgname}»: {in_region} возмущены переносом производства за рубеж
headline: «Чёрный день для {city_gen}»: завод «{orgname}» прекращает работу после более чем {n3}
  лет
lead: Руководство завода «{orgname}» {in_city} {day} объявило о закрытии предприятия до конца
  следующего года, под угрозой оказались {n1} рабочих мест.
lead: Работники завода «{orgname}» {day} вышли на акцию протеста {in_city} против переноса
  производства за рубеж, несмотря на то что предприятие получило господдержку в размере
  {money}.
lead: Закрытие завода «{orgname}» {in_city} сократит экономику {region_gen} примерно на {pct},
  подсчитали {day} экономисты.
== flood
names: Водоресурс | Гидроюг | Водсервис
roles: губернатор | директор предприятия «{orgname}» | гидролог
org: предприятие «{orgname}»
org_gen: предприятия «{orgname}»
org_in: на предприятии «{orgname}»
issue_gen: наводнения
unit: жителей
headline: Наводнение {in_city}: сотни человек эвакуированы после разлива реки
headline: Паводок {in_region}: растёт критика в адрес предприятия «{orgname}»
headline: «Такого не помнят даже старожилы»: {in_city} начали устранять последствия наводнения
lead: Сотни человек {day} были эвакуированы из своих домов {in_city} после того, как река вышла
  из берегов в результате продолжительных дождей; на водохозяйственном предприятии «{orgname}»
  предупредили, что уровень воды может подняться ещё выше.
lead: Спасатели {in_region} всю ночь укрепляли дамбы, а на водохозяйственном предприятии
  «{orgname}» {day} сообщили, что около {n2} {unit} по-прежнему остаются без чистой питьевой
  воды.
lead: Ущерб от наводнения {in_city} оценивается в {money}, сообщили {day} власти; при этом всё
  больше вопросов вызывает состояние сооружений, за которые отвечает водохозяйственное
  предприятие «{orgname}».
== trial
names: Стройинвест | Монолит-Групп | СтройАльянс
roles: прокурор региона | глава компании «{orgname}» | эксперт по противодействию коррупции
org: строительная компания «{orgname}»
org_gen: строительной компании «{orgname}»
org_in: в строительной компании «{orgname}»
issue_gen: судебного процесса
unit: налогоплательщиков
headline: {in_city} начался суд по делу о сговоре вокруг госконтрактов строительной компании
  «{orgname}»
headline: Дело «{orgname}»: чиновников {region_gen} обвиняют в получении взяток на {money}
headline: {p2n} в суде [p2:отверг|отвергла] все обвинения
lead: {in_city} {day} начался судебный процесс по делу о сговоре при распределении строительных
  госконтрактов в пользу строительной компании «{orgname}»; на скамье подсудимых {n3} человек.
lead: Руководители строительной компании «{orgname}», по версии обвинения, заплатили взятки на
  общую сумму {money}, чтобы получить контракты на строительство школ и дорог {in_region},
  заявил {day} в суде представитель прокуратуры.
lead: Бывший чиновник {day} дал показания о том, что сотрудники строительной компании
  «{orgname}» предлагали ему деньги и поездки в обмен на сведения о тендерах на сумму {money}.
== hospital
names: Медицина Плюс | МедЛайн | Здоровье
roles: министр здравоохранения региона | главный врач холдинга «{orgname}» | представитель
  профсоюза врачей
org: медицинский холдинг «{orgname}»
org_gen: медицинского холдинга «{orgname}»
org_in: в медицинском холдинге «{orgname}»
issue_gen: кризиса в больницах
unit: пациентов
headline: Приёмное отделение больницы {in_city} будет закрываться на ночь
headline: Пациенты {in_region} ждут помощи в приёмных отделениях до {n3} часов
headline: Минздрав {region_gen} проверит работу экстренной помощи после сбоев в холдинге
  «{orgname}»
lead: Медицинский холдинг «{orgname}» {day} объявил, что со следующего месяца приёмное
  отделение его больницы {in_city} будет закрываться на ночь из-за нехватки врачей и
  медсестёр.
lead: Пациенты {in_region} вынуждены ждать помощи в приёмных отделениях до {n3} часов,
  следует из данных, опубликованных {day} медицинским холдингом «{orgname}».
lead: Правительство региона {day} распорядилось проверить работу экстренной помощи после того,
  как в медицинском холдинге «{orgname}» признали, что только за один месяц были отменены {n1}
  операций.
== housing
names: Жилсервис | Уютный дом | ЖилКомфорт
roles: министр строительства региона | директор управляющей компании «{orgname}» |
  председатель ассоциации жильцов
org: управляющая компания «{orgname}»
org_gen: управляющей компании «{orgname}»
org_in: в управляющей компании «{orgname}»
issue_gen: нехватки жилья
unit: жильцов
headline: Управляющая компания «{orgname}» повысит плату для тысяч жильцов {in_city} на {pct}
headline: Нехватка жилья: власти {region_gen} объявили о программе на {money}
headline: Жильцы {in_city} протестуют против продажи {n1} квартир
lead: Управляющая компания «{orgname}», крупнейший арендодатель {in_city}, {day} сообщила
  жильцам, что со следующей весны плата за жильё вырастет на {pct}.
lead: Власти {region_gen} {day} представили программу строительства доступного жилья стоимостью
  {money}, а в управляющей компании «{orgname}» предупредили, что очередь на жильё выросла до
  {n2} семей.
lead: Сотни жильцов {day} вышли на улицы {city_gen} после того, как управляющая компания
  «{orgname}» объявила о продаже {n1} квартир инвестиционному фонду.
== energy
names: Волгаэнерго | Энергосбыт-Центр | Светоч
roles: министр энергетики региона | генеральный директор компании «{orgname}» | представитель
  общества защиты прав потребителей
org: энергосбытовая компания «{orgname}»
org_gen: энергосбытовой компании «{orgname}»
org_in: в энергосбытовой компании «{orgname}»
issue_gen: повышения тарифов
unit: домохозяйств
headline: Тарифы на электроэнергию {in_region} вырастут на {pct}
headline: Энергосбытовая компания «{orgname}» защищает повышение тарифов, {p1n}
  [p1:призвал|призвала] к сдержанности
headline: Жителям {city_gen} придётся больше платить за свет и газ
lead: Энергосбытовая компания «{orgname}» {day} объявила о повышении цен на электроэнергию и газ
  на {pct} со следующего месяца, решение затронет около {n2} {unit} {in_region}.
lead: Общества потребителей {region_gen} {day} раскритиковали энергосбытовую компанию
  «{orgname}», которая объявила о втором за год повышении цен, несмотря на прибыль в размере
  {money}.
lead: Правительство региона проверит, снизила ли энергосбытовая компания «{orgname}» цены для
  потребителей вслед за падением оптовых цен, сообщили {day} в правительстве.
== wildfire
names: Югсети | Межрегионсеть | Электросеть-Восток
roles: начальник регионального управления МЧС | пресс-секретарь сетевой компании «{orgname}» |
  эксперт по лесному хозяйству
org: сетевая компания «{orgname}»
org_gen: сетевой компании «{orgname}»
org_in: в сетевой компании «{orgname}»
issue_gen: лесного пожара
unit: жителей
headline: Лесной пожар в окрестностях {city_gen}: эвакуированы жители {n1} домов
headline: Пожар {in_region}: следователи проверяют линию электропередачи компании «{orgname}»
headline: Пожарные уже {n3} часов борются с огнём в окрестностях {city_gen}
lead: Пожарные {day} боролись с крупным лесным пожаром на окраине {city_gen}; из-за сильного
  ветра, гнавшего огонь к жилым кварталам, пришлось эвакуировать жителей {n1} домов, а сетевая
  компания «{orgname}» в качестве меры предосторожности отключила несколько линий.
lead: Следователи {in_region} проверяют, не стала ли причиной пожара, уничтожившего уже {n2}
  гектаров леса, повреждённая линия электропередачи сетевой компании «{orgname}», сообщили
  {day} власти.
lead: Лесной пожар в окрестностях {city_gen} {day} удалось локализовать, однако в сетевой
  компании «{orgname}» предупредили, что около {n2} домов пока останутся без электричества.
== football
names: Металлург | Торпедо-Север | Волна
roles: мэр города | президент клуба «{orgname}» | представитель объединения болельщиков
org: футбольный клуб «{orgname}»
org_gen: футбольного клуба «{orgname}»
org_in: в футбольном клубе «{orgname}»
issue_gen: кризиса в клубе
unit: болельщиков
headline: Футбольный клуб «{orgname}» уволил главного тренера после {n3} матчей без побед
headline: Кризис в клубе «{orgname}»: команда просит у мэрии {city_gen} {money}
headline: Болельщики футбольного клуба «{orgname}» вышли к стадиону с протестом
lead: Футбольный клуб «{orgname}» {day} отправил в отставку главного тренера после серии из {n3}
  матчей без побед, из-за которой команда опустилась в зону вылета.
lead: Футбольный клуб «{orgname}» попросил мэрию {city_gen} о займе в размере {money}, чтобы
  выплатить зарплату игрокам, подтвердил {day} президент клуба.
lead: Около {n2} {unit} {day} прошли маршем к стадиону футбольного клуба «{orgname}» {in_city},
  протестуя против владельцев клуба.
== airport
names: Северный | Звёздный | Волга
roles: министр транспорта региона | генеральный директор аэропорта «{orgname}» | лидер
  инициативной группы жителей
org: аэропорт «{orgname}»
org_gen: аэропорта «{orgname}»
org_in: в аэропорту «{orgname}»
issue_gen: расширения аэропорта
unit: жителей
headline: Аэропорт «{orgname}» получил разрешение на строительство второй полосы
headline: Жители {city_gen} намерены оспорить в суде расширение аэропорта
headline: {p1n} [p1:поддержал|поддержала] расширение аэропорта «{orgname}», несмотря на жалобы
  на шум
lead: Аэропорт «{orgname}» {day} получил разрешение на строительство второй взлётно-посадочной
  полосы вблизи {city_gen}; стоимость проекта составит {money}, а число новых рабочих мест, по
  данным аэропорта, достигнет {n2}.
lead: Жители районов, прилегающих к аэропорту «{orgname}», {day} заявили, что оспорят в суде
  планы его расширения.
lead: Пассажиропоток аэропорта «{orgname}» в этом году вырос на {pct}, сообщили {day} в
  аэропорту; по мнению руководства, это подтверждает необходимость строительства нового
  терминала.
== teachers
names: Учитель | Педагог | Образование
roles: министр образования региона | председатель профсоюза «{orgname}» | представитель
  родительского комитета
org: профсоюз «{orgname}»
org_gen: профсоюза «{orgname}»
org_in: в профсоюзе «{orgname}»
issue_gen: спора о зарплатах
unit: школьников
headline: Забастовка учителей: школы {in_region} закрыты
headline: Профсоюз «{orgname}» отверг предложение о повышении зарплат на {pct}
headline: Профсоюз «{orgname}» объявил о новых днях забастовки
lead: Сотни школ {in_region} {day} не работали из-за забастовки, объявленной профсоюзом
  «{orgname}» в споре о зарплатах; без занятий остались около {n2} {unit}.
lead: Профсоюз «{orgname}» {day} отверг предложение повысить зарплаты учителям на {pct},
  заявив, что оно не компенсирует рост стоимости жизни за последние годы.
lead: Родителям {in_city} {day} пришлось срочно искать, с кем оставить детей, после того как
  профсоюз «{orgname}» объявил ещё о {n3} днях забастовки.
== cyber
names: Инфосистемы | Кибертех | ДатаЛинк
roles: министр цифрового развития региона | технический директор компании «{orgname}» |
  исследователь в области кибербезопасности
org: IT-компания «{orgname}»
org_gen: IT-компании «{orgname}»
org_in: в IT-компании «{orgname}»
issue_gen: кибератаки
unit: горожан
headline: Кибератака парализовала работу мэрии {city_gen}
headline: Хакеры требуют {money} после атаки на IT-компанию «{orgname}»
headline: Кибератака {in_city}: данные {n2} горожан могли оказаться у хакеров
lead: Кибератака на IT-компанию «{orgname}», которая обслуживает компьютерные системы мэрии
  {city_gen}, {day} парализовала работу муниципальных служб, сообщили в администрации города.
lead: Злоумышленники, проникшие в системы IT-компании «{orgname}», требуют выкуп в размере
  {money}, подтвердили {day} в компании.
lead: В результате атаки на IT-компанию «{orgname}» могли быть похищены персональные данные до
  {n2} {unit} {region_gen}, сообщили {day} следователи.
"""
    ),
)

LANGUAGES = (ENGLISH, GERMAN, FRENCH, SPANISH, RUSSIAN)


SAMPLE_SLOTS = {"city": "Lyon", "unit": "voyageurs", "orgname": "Nordrail"}


def check_banks(languages: Sequence[Language] = LANGUAGES) -> Iterator[str]:
    """Problems in the banks: a slot that a language does not fill, a lead without the
    organisation, too few templates to give each article of a story its own."""
    for language in languages:
        known = {
            *language.places[0], "CITY", "orgname", "org", "n1", "n2", "n3", "pct", "money", "day",
            "weekday", "day2", "weekday2", "month", "d", "year", "agency", "p1", "p2", "p3",
            "p1n", "p2n", "p3n", "quote", "p",
        }  # fmt: skip
        for topic in language.topics:
            slots = known | set(topic.words) | set(language.derived(SAMPLE_SLOTS))
            templates = [
                *topic.headlines, *topic.leads, *language.statements, *language.attributions,
                *language.official_quotes, *language.critic_quotes, *language.background,
                *language.copyright, language.dateline, *(r for pair in topic.roles for r in pair),
            ]  # fmt: skip
            for template in templates:
                for slot in SLOT.findall(template):
                    if slot not in slots:
                        yield f"{language.code} {topic.key}: {{{slot}}} in {template!r}"
            for lead in topic.leads:
                if "{orgname}" not in lead:
                    yield f"{language.code} {topic.key}: no organisation in {lead!r}"
            if len(topic.leads) < 3 or len(topic.headlines) < 3 or len(topic.roles) != 3:
                yield f"{language.code} {topic.key}: too few leads, headlines or roles"


if __name__ == "__main__":
    main()
