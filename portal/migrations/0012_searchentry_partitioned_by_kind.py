"""The search index becomes a table partitioned by kind (one partition per kind of result).

Each kind's search then reads only its own rows: its own GIN index, its own statistics (so the planner knows
that a word is common among news and absent among people), and a scan of its own partition when a word is so
common that reading rows in order finds enough matches sooner than building a bitmap. The columns, constraint
and index names are those Django knows; the primary key becomes ``(kind, id)`` in the database (a partitioned
table's keys must hold the partition key; ``id`` stays unique through its sequence).
"""

from django.db import migrations

KINDS = (
    "organisation",
    "service",
    "person",
    "network",
    "goal",
    "decision",
    "minutes",
    "activity",
    "news",
    "term",
    "resource",
)
COLUMNS = "id, kind, object_id, title, subtitle, summary, link_key, document"
KIND_CHECK = "kind::text = ANY (ARRAY[{}]::text[])".format(", ".join(f"'{kind}'" for kind in KINDS))


def _table(name: str, *, partitioned: bool) -> str:
    key = "(kind, id)" if partitioned else "(id)"
    return f"""
    CREATE TABLE {name} (
        id bigint NOT NULL DEFAULT nextval('portal_searchentry_id_seq'),
        kind varchar(12) NOT NULL,
        object_id bigint NOT NULL,
        title varchar(300) NOT NULL,
        subtitle varchar(300) NOT NULL,
        summary varchar(300) NOT NULL,
        link_key varchar(100) NOT NULL,
        document tsvector NULL,
        CONSTRAINT portal_searchentry_pkey PRIMARY KEY {key},
        CONSTRAINT portal_searchentry_one_per_object UNIQUE (kind, object_id),
        CONSTRAINT portal_searchentry_kind_valid CHECK ({KIND_CHECK})
    ){" PARTITION BY LIST (kind)" if partitioned else ""};
    """


def _rename_old() -> str:
    return """
    ALTER TABLE portal_searchentry RENAME TO portal_searchentry_previous;
    ALTER TABLE portal_searchentry_previous RENAME CONSTRAINT portal_searchentry_pkey TO portal_searchentry_previous_pkey;
    ALTER TABLE portal_searchentry_previous
        RENAME CONSTRAINT portal_searchentry_one_per_object TO portal_searchentry_previous_one;
    ALTER TABLE portal_searchentry_previous RENAME CONSTRAINT portal_searchentry_kind_valid TO portal_searchentry_previous_kind;
    ALTER INDEX portal_search_document_gin RENAME TO portal_searchentry_previous_gin;
    ALTER INDEX portal_search_title_trgm RENAME TO portal_searchentry_previous_trgm;
    """


def _fill_and_drop_old() -> str:
    copy = f"INSERT INTO portal_searchentry ({COLUMNS}) SELECT {COLUMNS} FROM portal_searchentry_previous;"  # noqa: S608 - constants
    return (
        "CREATE INDEX portal_search_document_gin ON portal_searchentry USING gin (document);"  # noqa: S608 - constants
        "CREATE INDEX portal_search_title_trgm ON portal_searchentry USING gin (lower(title::text) gin_trgm_ops);"
        + copy
        + "DROP TABLE portal_searchentry_previous;"
        "SELECT setval('portal_searchentry_id_seq', COALESCE((SELECT max(id) FROM portal_searchentry), 0) + 1, false);"
        "ALTER SEQUENCE portal_searchentry_id_seq OWNED BY portal_searchentry.id;"
    )


PARTITION = (
    _rename_old()
    # the identity column's sequence goes with the old table: a plain sequence the new one owns
    + "ALTER SEQUENCE portal_searchentry_id_seq RENAME TO portal_searchentry_previous_id_seq;"
    + "CREATE SEQUENCE portal_searchentry_id_seq AS bigint;"
    + _table("portal_searchentry", partitioned=True)
    + "".join(
        f"CREATE TABLE portal_searchentry_{kind} PARTITION OF portal_searchentry FOR VALUES IN ('{kind}');"
        for kind in KINDS
    )
    # a kind added later lands here until it gets its own partition
    + "CREATE TABLE portal_searchentry_other PARTITION OF portal_searchentry DEFAULT;"
    + _fill_and_drop_old()
    # finer statistics of the words: a word absent from a kind is estimated as rare, and read from the index
    + "ALTER TABLE portal_searchentry ALTER COLUMN document SET STATISTICS 1000;"
    # the partitions' statistics now (autovacuum would take a while; it never analyses the parent)
    + "ANALYZE portal_searchentry;"
)

UNPARTITION = (
    _rename_old()
    + "ALTER SEQUENCE portal_searchentry_id_seq OWNED BY NONE;"
    + _table("portal_searchentry", partitioned=False)
    + _fill_and_drop_old()
)


class Migration(migrations.Migration):
    dependencies = [("portal", "0011_notifications")]

    operations = [migrations.RunSQL(PARTITION, UNPARTITION)]
