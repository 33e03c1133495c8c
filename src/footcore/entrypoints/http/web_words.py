"""The services speak to the command line ("give its start time (--time HH:MM)"); on a web page
or in an API answer the same sentence names the field or the page instead. One place rewrites
them, so every message, decision reason and pause shown on the web speaks in web words."""

from __future__ import annotations

import re

# Whole CLI phrases first (a command to run becomes the page that does it), then single options.
_PHRASES: tuple[tuple[str, str], ...] = (
    (
        " When a clinician has cleared you: footcore clear --confirm.",
        " When a clinician has cleared you, say so on the Today page to resume.",
    ),
    (" (--time HH:MM)", ""),
    ("(--rpe 0-10)", "(effort 0-10)"),
    ("(footcore retest --results FILE)", "(a retest on the Assess page)"),
    ("`footcore week --date DATE` shows the planned days", "the Plan page shows the planned days"),
    ("`footcore shoes` shows where it stands", "the Shoes page shows where it stands"),
    ("`footcore exercises` lists the ids", "the Exercises page lists them"),
    ("`footcore load` says why", "the Running load page says why"),
    ("run footcore retest --results FILE", "record it on the Assess page"),
)
_OPTION_WORDS = {
    "--pain-area": "where it hurt",
    "--morning-pain": "morning pain",
    "--hold-s": "seconds held",
    "--rpe": "effort",
    "--date": "the date",
}
_OPTION = re.compile(r"--([a-z][a-z-]*)")
_COMMAND = re.compile(r"`footcore ([^`]*)`")


def web_words(text: str) -> str:
    """`text` with its command-line phrases and options in the words of the web app."""
    for cli, web in _PHRASES:
        text = text.replace(cli, web)
    text = re.sub(
        r"add it with `footcore shoes add \"([^\"]*)\"`", r"add it on the Shoes page", text
    )
    text = _COMMAND.sub(lambda m: f"the {m.group(1).split()[0]} page", text)
    return _OPTION.sub(lambda m: _OPTION_WORDS.get(m.group(0), m.group(1).replace("-", " ")), text)
