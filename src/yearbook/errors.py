"""One exception root for the project.

`UserError` subclasses describe a problem the user can fix and say what to do
next; they are caught at the CLI and HTTP edges and printed as one line.
`InternalError` marks a bug in yearbook itself.
"""

from __future__ import annotations

__all__ = [
    "DeclarationError",
    "InternalError",
    "LimitError",
    "TemplateError",
    "UserError",
    "WarehouseError",
    "YearbookError",
]


class YearbookError(Exception):
    """Root of every error yearbook raises on purpose."""


class UserError(YearbookError):
    """A problem with the user's input, with a hint on what to do next."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message}\n  hint: {self.hint}"
        return self.message


class DeclarationError(UserError):
    """A metric or report declaration is invalid."""


class TemplateError(UserError):
    """A prose template cannot be rendered (unknown or suppressed figure, bad syntax)."""


class WarehouseError(UserError):
    """The warehouse is missing, incomplete or unreadable."""


class LimitError(UserError):
    """An input goes past a documented limit (size, count or time); the message names it."""


class InternalError(YearbookError):
    """Something inside yearbook went wrong; this is a bug."""
