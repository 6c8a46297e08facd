"""The database connection's libpq options: JIT off unless told otherwise, nothing when set empty (PgBouncer
refuses startup options), and never dropping options given in DATABASE_URL."""

from portal.lib.env import connect_options


def test_unset_gives_the_default():
    assert connect_options(None, None, "-c jit=off") == "-c jit=off"


def test_empty_or_none_sends_nothing():
    assert connect_options("", None, "-c jit=off") is None
    assert connect_options(" none ", None, "-c jit=off") is None


def test_options_of_the_database_url_are_kept():
    assert connect_options(None, "-c search_path=portal", "-c jit=off") == "-c search_path=portal -c jit=off"
    assert connect_options("", "-c search_path=portal", "-c jit=off") == "-c search_path=portal"
    assert connect_options("-c work_mem=8MB", None, "-c jit=off") == "-c work_mem=8MB"
