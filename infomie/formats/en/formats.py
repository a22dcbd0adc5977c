"""What forms read in the English admin: the same day-first dates as in French (the admin's
date pickers write them so), never month first. Everything else comes from Django's."""

from infomie.formats.fr.formats import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS

__all__ = ["DATE_INPUT_FORMATS", "DATETIME_INPUT_FORMATS"]
