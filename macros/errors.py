"""The one error type the build reports for bad data or a bad macro call."""


class DataError(Exception):
    """Bad content: the message names the file (or page) and the field."""
