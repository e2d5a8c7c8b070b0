"""The boilerplate line filter: what it drops, and article lines it must keep."""

from __future__ import annotations

import pytest

from meetview.ingest.boilerplate import RULES, filter_lines, is_boilerplate, load_rules


@pytest.mark.parametrize(
    "line",
    [
        "Skip to main content",
        "Share this article",
        "Share on Facebook",
        "Facebook Twitter LinkendIn",
        "Facebook | Twitter | LinkedIn | Telegram | Email",
        "FacebookTwitterInstagramKOO APPYOUTUBE",
        "Follow us on Telegram",
        "FOLLOW US ON SOCIAL MEDIA",
        "Subscribe to our newsletter",
        "jrs-5105",
        "ID: 67756",
        "Article top vertical",
        "Advertisement",
        "Sponsored content",
        "Story continues below advertisement",
        "Photo: Ministry of Defence press service",
        "Photo credit: Reuters",
        "File photo of the Chinese president. (Reuters)",
        "AP Photo/Evan Vucci",
        "© 2024 Example Media. All rights reserved.",
        "Read more: Baltic ministers meet in Riga",
        "Read also: Minister visits Kyiv",
        "Read this story in Bengali",
        "Related articles",
        "LATEST NEWS",
        "Most read",
        "You may also like",
        "We use cookies to improve your experience. By continuing to browse you accept our cookie policy.",
        "Accept all cookies",
        "5 min read",
        "12 Comments",
        "Print this article",
        "###",
        "# # #",
        "-30-",
        "(End)",
        "The post Ministers meet in Oslo appeared first on Nordic News.",
        "Tags: NATO, Ukraine, air defence",
        "Next article »",
        "Please enable JavaScript to view the comments",
        "• Share",
    ],
)
def test_dropped(line):
    assert is_boilerplate(line), line


@pytest.mark.parametrize(
    "line",
    [
        "Share prices in Kyiv rose after the ministers met on Monday.",
        "Photographs of the meeting were published by the ministry.",
        "Follow-up talks are planned for next month in Brussels.",
        "Read the full statement on the ministry's website, officials said on Tuesday.",
        "Chas Pravdy - 05 November 2025 13:08",
        "BRUSSELS, June 4 (KUNA) -- Ukrainian President Volodymyr Zelensky called on allies to act.",
        "(MENAFN- Kuwait News Agency (KUNA)) BRUSSELS, June 4 (KUNA) -- NATO ministers met.",
        "Diplomacy",
        "Promising areas for collaboration include:",
        "Participants included:",
        "- Secretary of Agriculture",
        "Tags were attached to the trucks carrying aid to Kharkiv.",
        "Next week the ministers will meet again in Vilnius.",
        "Source: Reuters",
        "Latest news from the summit suggests the leaders agreed on a communiqué.",
        "The ministers discussed cookies and confectionery exports to Japan.",
        "Copyright law reform was on the agenda of the EU justice ministers.",
        "Home Secretary Priti Patel met her French counterpart in London.",
        "Back in Kyiv, the president met the delegation on Friday.",
        "Print media reported that the talks lasted three hours.",
        "Email exchanges between the two ministries were published.",
    ],
)
def test_kept(line):
    assert not is_boilerplate(line), line
    assert filter_lines(["Ministers meet", "", line, "", "The talks lasted two hours."])[2] == line


def test_language_switcher_runs_and_lines():
    lines = ["• En", "• Es", "• Ук", "", "EN | FR | DE", "Headline", "Body text of the article here."]
    assert filter_lines(lines) == ["", "Headline", "Body text of the article here."]
    # a single two-letter line is not a menu
    assert filter_lines(["It", "was a long meeting."]) == ["It", "was a long meeting."]


def test_tag_list_after_label():
    lines = ["Body of the article, which ends here.", "", "Tags", "", "• International cooperation", "• NATO"]
    assert filter_lines(lines) == ["Body of the article, which ends here.", ""]


def test_menu_run_at_the_top():
    lines = ["Home", "World", "Politics", "Business", "Opinion", "Ministers meet in Rome", "Full story text."]
    assert filter_lines(lines) == ["Ministers meet in Rome", "Full story text."]


def test_trailing_stubs_only_at_the_end():
    lines = [
        "Source",
        "The ministers met in Rome on Tuesday and agreed to meet again.",
        "Watch: ministers arrive in Rome",
        "Source",
    ]
    out = filter_lines(lines)
    assert out == ["Source", "The ministers met in Rome on Tuesday and agreed to meet again."]


def test_end_marker_removed_from_last_line_only():
    out = filter_lines(["The talks (End) were long.", "They agreed to meet again. (End)"])
    assert out == ["The talks (End) were long.", "They agreed to meet again."]


def test_ad_markers_inline():
    out = filter_lines(["[ad_1] Ministers met in Rome.", "[ad_2]"])
    assert [ln for ln in out if ln] == ["Ministers met in Rome."]


def test_patterns_file_is_valid_and_rules_are_named():
    rules, first, phrases = load_rules()
    assert rules == RULES
    assert {name for name, _, _ in rules} >= {"skip-link", "share", "photo-credit", "read-more", "cookie"}
    assert all(where in ("any", "tail") for _, where, _ in rules)
    assert "photo" in first and "rights reserved" in phrases
