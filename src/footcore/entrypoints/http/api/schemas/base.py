"""What every request and response body of the REST API builds on (XCreate = what a client
sends, XPublic = what it gets back): strict input, the 0-10 scales, the log counts, errors and
plain messages. Vocabulary words are plain strings: the data files own the words, and the service
layer rejects an unknown one with a message that lists the accepted words."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from footcore.services.logbook import LOG_RANGES

SideValue = float | bool | str | None


class StrictIn(BaseModel):
    # Strict: `true` is not 1 and `0` is not a date (fields.py); 422 names the field.
    model_config = ConfigDict(extra="forbid", strict=True)


def scale_field(description: str, default: Any = ...) -> Any:
    return Field(default=default, ge=0, le=10, description=description)


def count_field(name: str, description: str) -> Any:
    low, high = LOG_RANGES[name]
    return Field(default=None, ge=low, le=high, description=f"{description} ({low}-{high}).")


class ErrorPublic(BaseModel):
    error: str = Field(description="What went wrong and what to fix, in one line.")
    field: str | None = Field(default=None, description="The field to blame, if one is.")


class HealthPublic(BaseModel):
    status: Literal["ok"]


class CsrfPublic(BaseModel):
    token: str = Field(description="Send it back in the X-CSRF-Token header of unsafe requests.")
    header: str = "X-CSRF-Token"


class MessagePublic(BaseModel):
    message: str
