"""How the command line names what the services say in domain words: a field becomes the option
that sets it, an action the command that does it. One table each, so a new option or command
changes one line here and no service learns about flags."""

from __future__ import annotations

from footcore.errors import FootcoreError

# Fields whose option is not simply "--" + the field with dashes, and fields with no option at
# all (a positional argument or a file's key), which keep their own name.
FLAGS: dict[str, str] = {
    "athlete": "--athlete",
}
# Fields that have an option named after them ("hold_s" -> "--hold-s").
OPTIONS: frozenset[str] = frozenset(
    {
        "area",
        "by",
        "date",
        "hold_s",
        "morning_pain",
        "pain",
        "pain_area",
        "paper",
        "reps",
        "rpe",
        "sets",
        "side",
        "stiffness",
        "symptom",
        "time",
        "tz",
        "weeks",
    }
)
ACTIONS: dict[str, str] = {
    "init": ": run `footcore init --profile PROFILE.toml` first",
    "init_athlete": ": run `footcore init --profile PROFILE.toml --athlete NAME` first",
    "profile_set": (
        "change the profile with `footcore profile set KEY VALUE`, or use another --athlete"
    ),
    "confirm_clearance": "add --confirm to confirm that a clinician has cleared you to train",
    "clear": 'when a clinician has cleared you: footcore clear --confirm --by "NAME, ROLE"',
    "retest": "record a retest with `footcore retest --results FILE`",
    "accounts": "see `footcore accounts list`",
    "exercises": "`footcore exercises` lists the ids",
    "import_as": "import into an empty database or give another name with --athlete",
    "week": "`footcore week --date DATE` shows the planned days",
    "start_time": "give its start time (--time HH:MM) to add another",
    "add_shoe": "add it with `footcore shoes add NAME`",
    "see_shoes": "`footcore shoes` shows where it stands",
}


def flag(field: str) -> str:
    """The option that sets `field`, or the field's own name when no option does."""
    if field.startswith("--") or field in FLAGS:
        return FLAGS.get(field, field)
    return "--" + field.replace("_", "-") if field in OPTIONS else field


def action(verb: str) -> str | None:
    return ACTIONS.get(verb)


def cli_message(exc: FootcoreError) -> str:
    """The error's one line as the command line says it. A detail that starts with a number or a
    double-quoted text follows its option as it is typed (`--pain 11 is out of range`,
    `--by "NAME, ROLE": ...`), not after a colon; a field with no option of its own keeps the
    colon (`reminder_km: 100 km is outside ...`)."""
    text = exc.render_with(flag, action)
    named = flag(exc.field) if exc.field else ""
    if named.startswith("--") and (exc.detail[:1].isdigit() or exc.detail.startswith('"')):
        text = text.replace(f"{named}: ", f"{named} ", 1)
    return text
