"""Hard-wrapped Markdown (as exported from web pages): paragraphs, links and lists that span line breaks."""

from __future__ import annotations

from ingest_helpers import lines_of, parse_one

FRONT = "---\ntitle: Readout\ndate: '2023-01-05'\n---\n\n"


def test_link_and_emphasis_across_line_breaks():
    body = (
        "The Administration announced today a new set of measures to help\n"
        "borrowers, and officials pointed to the [Presidential\n"
        "Memorandum](https://example.gov/briefing-room/presidential-actions/2021/01/26/a-very-long-url-that-overflows-the-line/)\n"
        "on combating racism, which the agencies will implement together over\n"
        "the next months. **Secretary of Education Miguel\n"
        "Cardona** also discussed new actions the department will take.\n"
    )
    a = parse_one(FRONT + body, "readout.md")
    assert lines_of(a.text) == [
        "The Administration announced today a new set of measures to help borrowers, and officials "
        "pointed to the Presidential Memorandum on combating racism, which the agencies will implement "
        "together over the next months. Secretary of Education Miguel Cardona also discussed new actions "
        "the department will take."
    ]


def test_list_items_with_indented_continuations():
    body = (
        "The meeting was attended by senior officials from across the federal\n"
        "government, who discussed the response to the storm:\n\n"
        "-   Assistant to the President for Homeland Security and\n"
        "    Counterterrorism\n"
        "-   Secretary of Agriculture\n"
        "-   **Council on Environmental Quality Chair Brenda\n"
        "    Mallory **noted the importance of restoring wetlands.\n"
    )
    a = parse_one(FRONT + body, "readout.md")
    assert lines_of(a.text) == [
        "The meeting was attended by senior officials from across the federal government, who discussed the "
        "response to the storm:",
        "- Assistant to the President for Homeland Security and Counterterrorism",
        "- Secretary of Agriculture",
        "- Council on Environmental Quality Chair Brenda Mallory noted the importance of restoring wetlands.",
    ]


def test_short_link_line_and_inline_html_and_comments():
    body = (
        "During the meeting, the agencies committed to amplifying the department's “[Do’s\n"
        "and\n"
        "Don’ts](https://blog.example.gov/2022/10/student-loan-debt-relief-dos-and-donts/)” across\n"
        "communication channels to help borrowers protect themselves against fraud\n"
        "and scammers in every state.<!-- -->\n\n"
        '<figure class="wp-block-image"><img src="https://example.gov/a.jpg" class="wp-image-1"\n'
        'loading="lazy" width="3000" height="2000" /></figure>\n\n'
        "The Southw<s>e</s>st border visit followed.\n\n"
        "\\###\n\n# # #\n"
    )
    a = parse_one(FRONT + body, "readout.md")
    assert lines_of(a.text) == [
        "During the meeting, the agencies committed to amplifying the department's “Do’s and Don’ts” "
        "across communication channels to help borrowers protect themselves against fraud and scammers "
        "in every state.",
        "The Southwest border visit followed.",
    ]


def test_headings_are_not_joined_to_paragraphs():
    body = (
        "## A fairly long section heading about the meeting of the ministers\n"
        "The ministers met in the morning and discussed energy security, trade and\n"
        "the war in Ukraine, and they agreed to meet again in the spring in Rome.\n"
        "Their deputies will prepare a joint statement on energy and trade links.\n"
    )
    a = parse_one(FRONT + body, "readout.md")
    lines = lines_of(a.text)
    assert lines[0] == "A fairly long section heading about the meeting of the ministers"
    assert lines[1].startswith(
        "The ministers met in the morning and discussed energy security, trade and the war"
    )
