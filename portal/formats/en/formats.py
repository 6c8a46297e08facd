"""English as people in Finland read it: day before month, a 24-hour clock, weeks from Monday.

Django's own English formats are American (``Dec. 22, 2026``, ``12/22/2026``, ``3 p.m.``); these replace them
(``FORMAT_MODULE_PATH``). Finnish and Swedish keep Django's formats, which already are what Finns and
Finland-Swedes write.
"""

DATE_FORMAT = "j M Y"  # 22 Dec 2026
TIME_FORMAT = "H:i"  # 14:30
DATETIME_FORMAT = "j M Y H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j.n.Y"  # 22.12.2026
SHORT_DATETIME_FORMAT = "j.n.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d %b %Y", "%d %B %Y"]
TIME_INPUT_FORMATS = ["%H:%M:%S", "%H:%M:%S.%f", "%H:%M", "%H.%M"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H.%M",
]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = "\xa0"  # 12 345.5: a space groups thousands, as in Finnish, so 12,345 is never misread
NUMBER_GROUPING = 3
