"""The API's error: what it reports to its client, with an HTTP status and a code."""

from __future__ import annotations

from yearbook.errors import UserError

__all__ = ["ApiError"]


class ApiError(UserError):
    """An error the API reports to its client, with an HTTP status and a code."""

    def __init__(self, status: int, code: str, message: str, hint: str | None = None) -> None:
        super().__init__(message, hint)
        self.status = status
        self.code = code
