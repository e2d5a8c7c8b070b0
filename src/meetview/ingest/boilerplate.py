"""Web boilerplate in scraped text: one table of line patterns (data/boilerplate.patterns) and the filter.

Every rule is generic (no per-site hacks). A rule matches a whole line, after leading bullets and
trailing separators are stripped, case-insensitively, anywhere ("any") or only among the lines after
the last paragraph ("tail", e.g. a lone "Source"). Run rules (language switchers, tag lists,
navigation menus) look at neighbouring lines; see scan_lines.
"""

from __future__ import annotations

import re
from pathlib import Path

# Lines longer than this are article text for every rule except the long-line ones (cookie notices).
MAX_BOILER_LINE = 160
MAX_LONG_BOILER_LINE = 700

PATTERNS_FILE = Path(__file__).with_name("data") / "boilerplate.patterns"


GATE_LENGTH = 40  # longer lines are tested only when the gate words say they may be boilerplate


def load_rules(
    path: Path = PATTERNS_FILE,
) -> tuple[list[tuple[str, str, str]], frozenset[str], tuple[str, ...]]:
    """(rules as (name, where, pattern), gate first words, gate phrases) from the patterns file."""
    rules = []
    first: set[str] = set()
    phrases: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("@first"):
            first.update(line.split()[1:])
        elif line.startswith("@phrase"):
            phrases.extend(p.strip() for p in line.split(None, 1)[1].split("|"))
        else:
            name, where, pattern = line.split(None, 2)
            if where not in ("any", "tail"):
                raise ValueError(f"{path.name}: unknown place {where!r} in rule {name!r}")
            rules.append((name, where, pattern.strip()))
    return rules, frozenset(first), tuple(phrases)


RULES, GATE_FIRST_WORDS, GATE_PHRASES = load_rules()

# Cookie and consent banners are sometimes long: a line naming cookies and a consent verb.
COOKIE_LINE = re.compile(
    r"(?=.*\bcookies?\b)"
    r"(?=.*\b(?:we use|uses|use of|accept|consent|cookie policy|by continuing|by using|you agree|agree to)\b)"
    r".*",
    re.I | re.S,
)

# Removed inside lines, wherever they occur.
INLINE = (
    (re.compile(r"\[/?ad_?\d*\]", re.I), ""),  # WordPress ad-inserter markers: [ad_1], [ad_2]
)
# Removed from the end of the last line: "(End)", "(ENDS)", "-- END --".
TRAILING_END = re.compile(r"\s*(?:\(\s*ends?\s*\)|\[\s*ends?\s*\]|-+\s*ends?\s*-+|\bENDS)\s*$", re.I)

# Social buttons, as written and as run together ("FacebookTwitterLinkendIn"); misspellings of
# LinkedIn included. A line made only of these is a share or follow bar.
SOCIAL_TOKENS = (
    r"facebook|fb|twitter|x|l[il]nk\w{0,4}in|instagram|insta|youtube|telegram|whatsapp|viber|reddit"
    r"|pinterest|tumblr|vkontakte|vk|odnoklassniki|ok|e-?mail|mail|print|messenger|tiktok|threads|bluesky"
    r"|mastodon|flipboard|pocket|koo(?:app)?|rss|googlenews|google\+?|copylink|copy|link|share|tweet|skype"
    r"|wechat|weibo|snapchat|sms|gettr|truthsocial|digg|xing|hackernews|line|more|follow(?:us)?|on"
)
_SOCIAL_RUN = re.compile(rf"(?:{SOCIAL_TOKENS})+", re.I)
_SOCIAL_SEPARATORS = re.compile(r"[\s,;|•·/:()\[\]+-]+")
_SOCIAL_ANCHOR = re.compile(
    r"facebook|twitter|l[il]nk\w{0,4}in|instagram|youtube|telegram|whatsapp|viber|reddit|pinterest|"
    r"vkontakte|tiktok|e-?mail|print|share|tweet",
    re.I,
)

# Language switchers: codes and names as site menus write them.
_LANGUAGES = """
    en eng english es esp espanol español de deu ger deutsch fr fra fre français francais it ita italiano
    uk ua ukr укр ук українська ru rus рус ру русский pl pol polski pt por português portugues nl dutch
    nederlands tr türkçe turkce ar عربي العربية zh 中文 cn ja jp 日本語 ko kr 한국어 he עברית fa فارسی
    ro română hu magyar cs čeština sk bg български sr српски hr hrvatski ka ქართული az kk қазақша be
    беларуская lt lietuvių lv latviešu et eesti fi suomi sv svenska no norsk da dansk el ελληνικά hi
    हिन्दी id ms vi
"""
LANGUAGE_TOKENS = frozenset(_LANGUAGES.split())
_MENU_SEPARATORS = str.maketrans(dict.fromkeys("|/,•·", " "))

_LEAD = " \t\u00a0•·▪‣◦●○■□►▶»›>*+|–—-"
_TRAIL = " \t\u00a0:|»›>•·–—"
_SPACES = re.compile(r"\s+")
_TAGS_LABEL = re.compile(r"(?:tags?|keywords|related (?:tags|topics)|filed under|categories)\s*:?", re.I)
_CLOSERS = "'\"”’)]»"


def ends_sentence(line: str) -> bool:
    """True when the line ends with a full stop, question or exclamation mark (closing quotes allowed)."""
    return line.rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…")


_ANY = re.compile("|".join(f"(?:{p})" for _, w, p in RULES if w == "any"), re.I)
_TAIL = re.compile("|".join(f"(?:{p})" for _, w, p in RULES if w == "tail"), re.I)


def line_key(line: str) -> str:
    """A line as the rules see it: no leading bullets or trailing separators, spaces collapsed."""
    key = line.lstrip(_LEAD).rstrip(_TRAIL)
    return _SPACES.sub(" ", key) if "  " in key or "\t" in key else key


def is_social_bar(key: str) -> bool:
    if not key or len(key) > 120 or not _SOCIAL_ANCHOR.search(key):
        return False
    squeezed = _SOCIAL_SEPARATORS.sub("", key)
    return bool(squeezed) and _SOCIAL_RUN.fullmatch(squeezed) is not None


def _without_end_mark(line: str) -> str:
    """The line without a trailing "(End)" mark; only its last characters are searched (linear time)."""
    m = TRAILING_END.search(line, max(0, len(line) - 80))
    return line[: m.start()] if m else line


def _gate(key: str) -> bool:
    """Cheap test: could this line be boilerplate at all? (Short lines always could.)"""
    if len(key) <= GATE_LENGTH:
        return True
    low = key[:GATE_LENGTH].lower()
    first = low.split(None, 1)[0].rstrip(":|,.-")
    if first in GATE_FIRST_WORDS or first.split("/", 1)[0] in GATE_FIRST_WORDS:
        return True
    low = key.lower()
    return any(phrase in low for phrase in GATE_PHRASES)


def is_boilerplate(line: str, *, tail: bool = False, key: str | None = None) -> bool:
    """True when this line (alone) is web boilerplate. `tail`: the line is among the last ones."""
    if len(line) > MAX_LONG_BOILER_LINE:
        return False
    key = line_key(line) if key is None else key
    if not key:
        return bool(line.strip())  # a line of bullets or separators only
    if len(key) > MAX_BOILER_LINE:
        return "ookie" in key and COOKIE_LINE.match(key) is not None
    if tail and _TAIL.fullmatch(key):
        return True
    if not _gate(key):
        return False
    if _ANY.fullmatch(key) or is_social_bar(key):
        return True
    return "ookie" in key and COOKIE_LINE.match(key) is not None


def _language_tokens(key: str) -> int:
    """How many language codes/names the line holds, or 0 if it holds anything else."""
    if len(key) > 100:
        return 0
    first = key[:12].split(None, 1)[0].lower().strip("|/,•·") if key.strip() else ""
    if first not in LANGUAGE_TOKENS:
        return 0
    tokens = key.lower().translate(_MENU_SEPARATORS).split()
    return len(tokens) if all(t in LANGUAGE_TOKENS for t in tokens) else 0


def _is_tag_item(key: str) -> bool:
    return bool(key) and len(key) <= 60 and len(key.split()) <= 6 and not ends_sentence(key)


def _is_menu_item(key: str) -> bool:
    return (
        bool(key)
        and len(key) <= 30
        and len(key.split()) <= 3
        and not any(c.isdigit() for c in key)
        and not ends_sentence(key)
        and ":" not in key
    )


def _is_paragraph(line: str) -> bool:
    return len(line) > 100 or (ends_sentence(line) and line.count(" ") >= 5)


def filter_lines(lines: list[str]) -> list[str]:
    """Drop boilerplate lines. `lines` are stripped; "" marks a blank line and is kept for layout."""
    edited, kept = scan_lines(lines)
    return [edited[i] for i in kept]


def scan_lines(lines: list[str]) -> tuple[list[str], list[int]]:
    """(lines with inline markers removed, indices of the lines to keep): filter_lines, by index."""
    n = len(lines)
    lines = list(lines)
    for pattern, repl in INLINE:
        lines = [pattern.sub(repl, ln).strip() if "[" in ln else ln for ln in lines]
    drop = [False] * n
    # Each line as the rules see it; long lines are article text for every rule but the cookie one.
    keys = [""] * n
    for i, ln in enumerate(lines):
        if not ln:
            continue
        if len(ln) > MAX_BOILER_LINE:
            if "ookie" in ln and len(ln) <= MAX_LONG_BOILER_LINE and COOKIE_LINE.match(ln):
                drop[i] = True
            continue
        keys[i] = key = line_key(ln)
        if is_boilerplate(ln, key=key):
            drop[i] = True

    # Language switchers: a line of two or more codes ("EN | ES | DE"), or a run of lines with one each.
    i = 0
    while i < n:
        counts = _language_tokens(keys[i]) if keys[i] and len(keys[i]) <= 100 else 0
        if not counts:
            i += 1
            continue
        j, run = i, []
        while j < n and (not lines[j] or _language_tokens(keys[j])):
            if lines[j]:
                run.append(j)
            j += 1
        if len(run) >= 2 or counts >= 2:
            for k in run:
                drop[k] = True
        i = j

    # Tag lists: a "Tags" label and the short items that follow it.
    for i, key in enumerate(keys):
        if key and len(key) <= 20 and _TAGS_LABEL.fullmatch(key):
            drop[i] = True
            j = i + 1
            while j < n and (not lines[j] or _is_tag_item(keys[j])):
                drop[j] = True
                j += 1

    # Navigation menus before the first paragraph: four or more short items in a row.
    first_para = next((i for i, ln in enumerate(lines) if ln and not drop[i] and _is_paragraph(ln)), n)
    first_para = min(first_para, 60)
    run = []
    for i in range(first_para + 1):
        ln = lines[i] if i < n else ""
        if i < first_para and (not ln or drop[i] or _is_menu_item(keys[i])):
            if ln and not drop[i]:
                run.append(i)
            continue
        if len(run) >= 4:
            for k in run:
                drop[k] = True
        run = []

    # Trailing lines: attribution stubs, trailing links; then "(End)" off the last line.
    last_para = next(
        (i for i in range(n - 1, -1, -1) if lines[i] and not drop[i] and _is_paragraph(lines[i])), -1
    )
    for i in range(n - 1, last_para, -1):
        if lines[i] and not drop[i]:
            if is_boilerplate(lines[i], tail=True, key=keys[i] or None):
                drop[i] = True
            else:
                break
    kept = [i for i in range(n) if not drop[i]]
    for pos in range(len(kept) - 1, -1, -1):
        i = kept[pos]
        if lines[i]:
            lines[i] = _without_end_mark(lines[i])
            if not lines[i]:
                kept.pop(pos)
            break
    return lines, kept
