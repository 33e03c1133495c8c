"""What is left of the services speaking to the command line ("give its start time (--time
HH:MM)"): on a web page or in an API answer the same sentence names the field or the page instead.
Errors no longer need this (they carry a field and an action that web/errors.py names); what still
comes here is text that services write into stored reasons, pauses and notes, and the running
import summary. Each rule names where its text comes from, so it goes when that text stops naming
a flag or a command."""

from __future__ import annotations

import re

# Whole CLI phrases first (a command to run becomes the page that does it), then single options.
_PHRASES: tuple[tuple[str, str], ...] = (
    (  # services/logbook.py CLEAR_HINT, in a pause
        ' When a clinician has cleared you: footcore clear --confirm --by "NAME, ROLE".',
        " When a clinician has cleared you, say so on the Today page to resume.",
    ),
    (" (--time HH:MM)", ""),  # services/running.py, a run stored twice
    ("(--rpe 0-10)", "(effort 0-10)"),  # domain/adaptation.py, a stored decision's reason
    ("(footcore retest --results FILE)", "(a retest on the Assess page)"),  # services/weekly.py
    (  # services/logbook.py, a log on a day without the exercise
        "`footcore week --date DATE` shows the planned days",
        "the Plan page shows the planned days",
    ),
    ("`footcore shoes` shows where it stands", "the Shoes page shows where it stands"),  # shoes
    ("`footcore load` says why", "the Running load page says why"),  # running_render.import_text
)
# services/logbook.py names these options in its log and check-in errors.
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
    text = re.sub(  # services/running.py, an unknown shoe
        r"add it with `footcore shoes add \"([^\"]*)\"`", r"add it on the Shoes page", text
    )
    text = _COMMAND.sub(lambda m: f"the {m.group(1).split()[0]} page", text)
    return _OPTION.sub(lambda m: _OPTION_WORDS.get(m.group(0), m.group(1).replace("-", " ")), text)
