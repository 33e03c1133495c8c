"""The one error tree of footcore. Every error a user can see is one of these.

    FootcoreError                  exit 1  (unexpected: a bug; the CLI says so in one line)
    ├── InputError                 exit 2  bad user input: names the field and what is accepted
    │   ├── FileInputError         exit 2  a missing or unreadable file
    │   │   └── TooLargeError      exit 2  an upload or zip over an unpacking limit (HTTP 413)
    │   └── NotFoundError          exit 2  an id, date or record that does not exist (HTTP 404)
    ├── ConflictError              exit 2  the write would contradict what is stored (HTTP 409)
    ├── AuthError                  exit 2  team mode: not logged in, or bad credentials (HTTP 401)
    │   └── ThrottledError         exit 2  too many failed log-ins for an address (HTTP 429)
    ├── ForbiddenError             exit 2  team mode: the account may see this but not do it (403)
    ├── RedFlagError               exit 3  a red-flag symptom: no program, see a clinician
    ├── DataFileError              exit 4  a bundled knowledge file is invalid (a packaging bug)
    └── StorageError               exit 5  the database cannot be reached or migrated

Messages are one line and say what to fix. The domain raises these too (the module imports only
the standard library), so the core can reject bad input without knowing about any entrypoint.

Errors speak domain words, never an entrypoint's: `field` is the name of the value at fault as the
domain and the API call it ("reps", "hold_s", "pain_area"), `detail` says what is wrong with it, and
`action` names what the user can do next as a domain verb ("init", "clear", "retest"). Each
entrypoint renders them in its own words: the CLI turns a field into its option ("--hold-s") and an
action into a command line, the web into a field name and a page (see `render_with`).
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = [
    "AuthError",
    "ConflictError",
    "DataFileError",
    "FileInputError",
    "FootcoreError",
    "ForbiddenError",
    "InputError",
    "NotFoundError",
    "RedFlagError",
    "StorageError",
    "ThrottledError",
    "TooLargeError",
]


class FootcoreError(Exception):
    """Base of every footcore error; `exit_code` is what the CLI returns."""

    exit_code = 1
    http_status = 500

    field: str | None = None

    def __init__(self, message: str, *, action: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = message
        self.action = action

    def __str__(self) -> str:
        return self.message

    def render_with(
        self, field_words: Callable[[str], str], action_words: Callable[[str], str | None]
    ) -> str:
        """The one-line message in an entrypoint's words: `field_words("hold_s")` is how it names
        a field ("--hold-s" on the command line), `action_words("clear")` how it says the next
        step (a sentence, or None to say nothing; one that starts with ":" joins the message
        with it)."""
        text = f"{field_words(self.field)}: {self.detail}" if self.field else self.detail
        step = action_words(self.action) if self.action else None
        if not step:
            return text
        # An entrypoint's words may bring their own joint (": run ..."); otherwise a semicolon.
        return text + step if step[0] in ":;,." else f"{text}; {step}"


class InputError(FootcoreError):
    exit_code = 2
    http_status = 422

    def __init__(
        self, message: str, field: str | None = None, *, action: str | None = None
    ) -> None:
        super().__init__(f"{field}: {message}" if field else message, action=action)
        self.detail = message
        self.field = field


class FileInputError(InputError):
    pass


class TooLargeError(FileInputError):
    """What a request would unpack is over a limit of import_limits.toml; nothing more is read."""

    http_status = 413


class NotFoundError(InputError):
    http_status = 404


class ConflictError(FootcoreError):
    exit_code = 2
    http_status = 409


class RedFlagError(FootcoreError):
    """A positive red-flag answer. `symptoms` are vocabulary words; `referral` is the advice."""

    exit_code = 3
    http_status = 409

    def __init__(
        self, message: str, symptoms: tuple[str, ...] = (), *, action: str | None = None
    ) -> None:
        super().__init__(message, action=action)
        self.symptoms = symptoms


class DataFileError(FootcoreError):
    exit_code = 4


class StorageError(FootcoreError):
    exit_code = 5
    http_status = 503


class AuthError(FootcoreError):
    exit_code = 2
    http_status = 401


class ThrottledError(AuthError):
    http_status = 429


class ForbiddenError(FootcoreError):
    exit_code = 2
    http_status = 403
