"""One article carrying every kind of hostile text: markup, ANSI/OSC sequences, C1 controls, bidi, NUL."""

from __future__ import annotations

from pathlib import Path

OSC52 = "\x1b]52;c;ZXZpbA==\x07"  # write "evil" to the clipboard
OSC8 = "\x1b]8;;https://evil.example/\x1b\\here\x1b]8;;\x1b\\"  # a hidden hyperlink
OSC0 = "\x1b]0;pwned\x07"  # set the window title
CSI = "\x1b[2J\x1b[31m"  # clear the screen, red
C1 = "\x9b31m"  # an 8-bit CSI
BIDI = "\u202egnp.exe\u202c"
QUIT = "[@click=app.quit]"

TITLE = f"Talks {QUIT}quit [bold]loud[/bold] {OSC0}in Oslo [/"
OUTLET = f"[link=https://evil.example]Daily{OSC52}[/link]"
BODY = (
    f"The foreign ministers of Norway and Ukraine met in Oslo on 3 March 2025 {CSI}to discuss "
    f"air defense{C1} and energy {OSC8}.\0 Foreign Minister Espen Barth Eide said {BIDI} the "
    f"talks {QUIT}were [bold]useful[/bold] and [link=https://evil.example]open[/link] {OSC52}.\n"
)
# Never in anything shown or exported: the raw sequences and the clipboard payload's base64
RAW = ("\x1b", "\x07", "\x9b", "\x9c", "\x9d", "\u202e", "\u202c", "\x00")


def write_hostile_article(folder: Path) -> Path:
    """An HTML page whose title, outlet and text hold the hostile strings (escaped as HTML would)."""
    import html

    path = folder / "hostile.html"
    path.write_text(
        "<!doctype html><html><head>"
        f"<title>{html.escape(TITLE)}</title>"
        f'<meta property="og:site_name" content="{html.escape(OUTLET)}">'
        f"</head><body><article><h1>{html.escape(TITLE)}</h1><p>{html.escape(BODY)}</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    return path
