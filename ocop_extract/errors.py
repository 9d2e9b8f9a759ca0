"""Errors of ocop_extract: one root class and a few kinds a caller can tell apart."""


class OcopExtractError(Exception):
    """Root of every error this package raises on purpose."""

    kind = "error"


class UnreadableInput(OcopExtractError):
    """The file could not be opened or read (permissions, a folder, a vanished file)."""

    kind = "unreadable"


class EmptyInput(OcopExtractError):
    """The file holds no text at all, or only white space."""

    kind = "empty"


class BinaryInput(OcopExtractError):
    """The file looks like binary data, not text."""

    kind = "binary"


class UndecodableInput(OcopExtractError):
    """The bytes are not text in any encoding this reader supports."""

    kind = "undecodable"


class UsageError(OcopExtractError):
    """The command line asks for something that cannot be done (exit status 2)."""

    kind = "usage"


class TooLarge(OcopExtractError):
    """The file is bigger than the run allows (--max-bytes), or unpacks to more than that."""

    kind = "too_large"


class CorruptInput(OcopExtractError):
    """A PDF, DOCX or DOC whose structure is broken (truncated, not what its header says)."""

    kind = "corrupt"


class EncryptedInput(OcopExtractError):
    """A password-protected or encrypted document."""

    kind = "encrypted"


class UnsupportedFormat(OcopExtractError):
    """A file in a format no reader handles."""

    kind = "unsupported"


class MissingTool(OcopExtractError):
    """A program or library this format needs is not installed; the message names the package."""

    kind = "missing_dependency"


class TimeLimit(OcopExtractError):
    """Reading the document took longer than the per-document time limit."""

    kind = "timeout"
