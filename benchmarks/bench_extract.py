"""Extraction speed alone (no ingest, no store): articles/s and words/s on one core.

    python benchmarks/bench_extract.py [--n 400] [--corpus PATH.tar.gz]

Articles come from templates of our own (about 500 words each, readout and wire styles); with the
White House readouts corpus beside the repo (../shared/corpus/wh-readouts.tar.gz) it is timed too.
Prints cold start (imports and first article) separately from the steady rate.
"""

from __future__ import annotations

import argparse
import random
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus" / "wh-readouts.tar.gz"

LEADERS = [
    ("President", "Ghana", "Kofi Mensah"),
    ("Prime Minister", "Norway", "Ola Berg"),
    ("Foreign Minister", "Chile", "Ana Rojas"),
    ("Defence Minister", "Poland", "Adam Nowak"),
    ("Chancellor", "Austria", "Karl Huber"),
    ("President", "Kenya", "Amani Otieno"),
    ("Prime Minister", "Japan", "Kenji Sato"),
    ("Minister of Defence", "Ukraine", "Taras Melnyk"),
]
CITIES = ["Oslo", "Nairobi", "Warsaw", "Vienna", "Tokyo", "Santiago", "Kyiv", "Accra"]
TOPICS = [
    "air defense and interceptors",
    "artillery ammunition",
    "energy security and the power grid",
    "sanctions enforcement",
    "trade and investment",
    "maritime security in the Black Sea",
    "humanitarian aid for refugees",
    "cyber security",
    "climate change",
    "defense industry cooperation",
]
FILLER = (
    "The sides reviewed the state of bilateral relations and agreed to continue close coordination. "
    "Officials noted the importance of regular contacts at all levels and of practical results for citizens. "
    "Both delegations underlined their commitment to international law "
    "and to the principles of the UN Charter. "
)


def template_article(rng: random.Random) -> str:
    (r1, c1, n1), (r2, c2, n2) = rng.sample(LEADERS, 2)
    city = rng.choice(CITIES)
    day = rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
    parts = [
        f"{r1} of {c1} {n1} meets {r2} of {c2} in {city}\n",
        f"{city.upper()}, March {rng.randint(1, 28)} (Wire) -- "
        f"{r1} of {c1} {n1} met with {r2} of {c2} {n2} on "
        f"{day} in {city} to discuss {rng.choice(TOPICS)}.",
    ]
    surname1, surname2 = n1.split()[-1], n2.split()[-1]
    while sum(len(p.split()) for p in parts) < 480:
        parts.append(
            f"{surname1} thanked {surname2} for the support and stressed the need for {rng.choice(TOPICS)}. "
            f'"We will keep working together," {surname2} said. '
            f"The two leaders discussed {rng.choice(TOPICS)}. " + FILLER
        )
    return "\n".join(parts)


def corpus_articles(path: Path, limit: int) -> list[str]:
    out = []
    with tarfile.open(path) as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(".md"):
                fh = tar.extractfile(member)
                if fh is not None:
                    out.append(fh.read().decode("utf-8", "replace"))
            if len(out) >= limit:
                break
    return out


def timed(texts: list[str], label: str) -> None:
    from meetview.extract import extract
    from meetview.records import Article

    arts = [Article(source=f"bench-{i}.txt", text=t, original=t) for i, t in enumerate(texts)]
    for a in arts[:5]:  # warm caches (gazetteers, date parser)
        extract(a)
    words = sum(len(t.split()) for t in texts)
    t0 = time.process_time()
    meetings = sum(len(extract(a).meetings) for a in arts)
    dt = time.process_time() - t0
    print(
        f"{label}: {len(arts)} articles, {words / len(arts):.0f} words each, {meetings} meetings; "
        f"{len(arts) / dt:.0f} articles/s, {words / dt:,.0f} words/s (CPU time, one core)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=400, help="articles per set")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    t0 = time.perf_counter()
    from meetview.extract import extract
    from meetview.records import Article

    t1 = time.perf_counter()
    rng = random.Random(1)
    texts = [template_article(rng) for _ in range(args.n)]
    extract(Article(source="first.txt", text=texts[0], original=texts[0]))
    t2 = time.perf_counter()
    print(
        f"cold start: import {t1 - t0:.2f}s, first article {t2 - t1:.2f}s "
        "(loads gazetteers and the date parser)"
    )
    timed(texts, "templates")
    if args.corpus.exists():
        timed(corpus_articles(args.corpus, args.n), "wh-readouts")
    else:
        print(f"(no corpus at {args.corpus}: skipped)")


if __name__ == "__main__":
    main()
