"""Untrusted text made inert: escape sequences, controls and bidi overrides removed, text kept."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from meetview.sanitize import clean_line, clean_text, is_clean

CASES = {
    "OSC 52 clipboard write": ("a\x1b]52;c;SGVsbG8=\x07b", "ab"),
    "OSC 52 with ST": ("a\x1b]52;c;SGVsbG8=\x1b\\b", "ab"),
    "OSC 8 hyperlink": ("\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\", "click"),
    "OSC window title": ("\x1b]0;pwned\x07text", "text"),
    "CSI colour": ("\x1b[31mred\x1b[0m", "red"),
    "CSI cursor move": ("x\x1b[2J\x1b[H y", "x y"),
    "8-bit CSI": ("a\x9b31mb", "ab"),
    "8-bit OSC": ("a\x9d0;title\x9cb", "ab"),
    "DCS": ("a\x1bPq#0;2;0;0;0\x1b\\b", "ab"),
    "lone ESC": ("a\x1bb", "a"),
    "NUL and BEL": ("a\x00b\x07c", "abc"),
    "C1 control": ("a\x85b\x8db", "a\nbb"),
    "bidi override": ("abc\u202edcba\u202c", "abcdcba"),
    "bidi isolate": ("\u2066x\u2069", "x"),
    "CRLF": ("a\r\nb\rc", "a\nb\nc"),
    "tabs and newlines kept": ("a\tb\nc", "a\tb\nc"),
    "Cyrillic and emoji kept": ("Сергій Боєв 🇺🇦", "Сергій Боєв 🇺🇦"),
    "markup kept as text": ("[bold]x[/] [@click=app.quit]", "[bold]x[/] [@click=app.quit]"),
}


def test_cases():
    for name, (dirty, clean) in CASES.items():
        assert clean_text(dirty) == clean, name


def test_clean_line_folds_whitespace():
    assert clean_line(" a\n\tb  \x1b[1mc ") == "a b c"
    assert clean_line(None) == ""


@given(st.text())
def test_result_is_always_clean_and_idempotent(text):
    once = clean_text(text)
    assert is_clean(once)
    assert clean_text(once) == once
    assert "\x1b" not in once and "\x00" not in once


def test_inert_json_escapes_what_json_leaves_raw_and_keeps_the_value():
    import json

    from meetview.sanitize import inert_json

    value = {"t": "a\x9b31m\x85b\u202ec\u2028d\u2029e\ufeff\x7f \u00e9\u4e2d"}
    raw = json.dumps(value, ensure_ascii=False)
    out = inert_json(raw)
    for c in ("\x9b", "\x85", "\u202e", "\u2028", "\u2029", "\ufeff", "\x7f"):
        assert c not in out
    assert "\\u009b" in out and "\\u2028" in out
    assert "\u00e9\u4e2d" in out  # letters stay letters
    assert json.loads(out) == value
    assert inert_json('{"a": "plain"}') == '{"a": "plain"}'
