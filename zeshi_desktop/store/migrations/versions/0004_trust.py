"""trust: an append-only, hash-chained audit log; sheets sealed by a content hash; rules the database keeps

Revision ID: 0004
Revises: 0003

The audit table is rebuilt without its foreign key (its rows outlive the
sheet) and with the chain's columns; existing rows are sealed in id order.
The rules are triggers, not CHECK constraints, because adding a CHECK to an
SQLite table means rebuilding it, and rebuilding ``sheets`` with foreign keys
on would cascade into its scores. Each trigger is written for SQLite and for
PostgreSQL. On PostgreSQL a rule's trigger fires on an UPDATE only of the
columns it reads and has a WHEN clause, so the server calls no function for
a row that keeps the rule (sealing a sheet touches none), and a statement's changed
rows mark their sheets in one INSERT (a statement trigger over its
transition tables), not one per row: loading a city's 34,000 scores costs
no more there than on SQLite.
"""
import re

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# rule name -> (table, events, SQL condition on NEW that makes the row wrong, message)
RULES = {
    "scores_tenths": ("scores", "INSERT OR UPDATE", "NEW.tenths < 0", "a score is never negative"),
    "sheets_status": ("sheets", "INSERT OR UPDATE", "NEW.status NOT IN ('draft', 'final')",
                      "a sheet is draft or final"),
    "reviewers_level": ("reviewers", "INSERT OR UPDATE", "NEW.level NOT IN ('district', 'city')",
                        "a reviewer is district or city"),
    "sheets_scope_32": ("sheets", "INSERT OR UPDATE",
                        "NEW.form_id = '3-2' AND NOT EXISTS (SELECT 1 FROM reviewers r "
                        "JOIN appointments a ON a.id = NEW.appointment_id JOIN units u ON u.id = a.unit_id "
                        "WHERE r.id = NEW.reviewer_id AND r.level = 'district' AND r.district_id = u.district_id "
                        "AND r.year = NEW.year)",
                        "a 3-2 sheet only by a district reviewer of the unit's district and year"),
    "sheets_scope_43": ("sheets", "INSERT OR UPDATE",
                        "NEW.form_id = '4-3' AND NOT EXISTS (SELECT 1 FROM reviewers r "
                        "WHERE r.id = NEW.reviewer_id AND r.level = 'city' AND r.year = NEW.year)",
                        "a 4-3 sheet only by a city reviewer of its year"),
}
SEALED = "OLD.row_hash IS NOT NULL"
CONTENT = ("id", "sheet_id", "at", "actor", "action", "item_id", "old", "new", "reason", "package_id", "signer",
           "role")
# An unsealed row may only receive its seal (and the role the action ran as): every other column unchanged.
RESEAL_ONLY = " AND ".join(f"NEW.{c} IS NOT DISTINCT FROM OLD.{c}" for c in CONTENT if c != "role")


def _rebuild_audit_log() -> None:
    op.create_table(
        'audit_log_new',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('sheet_id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('actor', sa.String(length=64), nullable=False),
        sa.Column('action', sa.String(length=16), nullable=False),
        sa.Column('item_id', sa.String(length=64), nullable=True),
        sa.Column('old', sa.Text(), nullable=True),
        sa.Column('new', sa.Text(), nullable=True),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('package_id', sa.String(length=36), nullable=True),
        sa.Column('signer', sa.String(length=96), nullable=True),
        sa.Column('role', sa.String(length=64), nullable=True),
        sa.Column('prev_hash', sa.String(length=64), nullable=True),
        sa.Column('row_hash', sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint('id', name='pk_audit_log_new'),
    )
    op.execute("INSERT INTO audit_log_new (id, sheet_id, at, actor, action, item_id, old, new, reason) "
               "SELECT id, sheet_id, at, actor, action, item_id, old, new, reason FROM audit_log")
    op.drop_table('audit_log')
    op.rename_table('audit_log_new', 'audit_log')
    op.create_index('ix_audit_log_sheet_id', 'audit_log', ['sheet_id'], unique=False)
    if op.get_bind().dialect.name == "postgresql":   # the rows came with their ids: the next id follows them
        op.execute("SELECT setval(pg_get_serial_sequence('audit_log', 'id'), COALESCE(MAX(id), 0) + 1, false) "
                   "FROM audit_log")


def _sqlite_triggers() -> None:
    for name, (table, events, wrong, message) in RULES.items():
        for event in events.split(" OR "):
            op.execute(f"CREATE TRIGGER zeshi_{name}_{event.lower()} BEFORE {event} ON {table} "
                       f"WHEN {wrong} BEGIN SELECT RAISE(ABORT, 'zeshi: {message.replace(chr(39), chr(39) * 2)}'); END")
    op.execute("CREATE TRIGGER zeshi_audit_no_delete BEFORE DELETE ON audit_log "
               "BEGIN SELECT RAISE(ABORT, 'zeshi: the audit log is append-only'); END")
    reseal = RESEAL_ONLY.replace("IS NOT DISTINCT FROM", "IS")
    op.execute("CREATE TRIGGER zeshi_audit_no_update BEFORE UPDATE ON audit_log "
               f"WHEN {SEALED} OR NOT ({reseal}) "
               "BEGIN SELECT RAISE(ABORT, 'zeshi: the audit log is append-only'); END")


def _postgresql_triggers() -> None:
    for name, (table, events, wrong, message) in RULES.items():
        op.execute(f"""CREATE FUNCTION zeshi_{name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF {wrong} THEN RAISE EXCEPTION 'zeshi: {message.replace(chr(39), chr(39) * 2)}'; END IF;
  RETURN NEW;
END $$""")
        when = wrong.split(" AND NOT EXISTS")[0]   # a WHEN clause takes no subquery: the function asks it
        columns = ", ".join(sorted(set(re.findall(r"NEW\.(\w+)", wrong))))
        op.execute(f"CREATE TRIGGER zeshi_{name} BEFORE {events.replace('UPDATE', f'UPDATE OF {columns}')} "
                   f"ON {table} FOR EACH ROW WHEN ({when}) EXECUTE FUNCTION zeshi_{name}()")
    op.execute(f"""CREATE FUNCTION zeshi_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR {SEALED} OR NOT ({RESEAL_ONLY}) THEN
    RAISE EXCEPTION 'zeshi: the audit log is append-only';
  END IF;
  RETURN NEW;
END $$""")
    op.execute("CREATE TRIGGER zeshi_audit_append_only BEFORE UPDATE OR DELETE ON audit_log "
               "FOR EACH ROW EXECUTE FUNCTION zeshi_audit_append_only()")
    # TRUNCATE fires no row trigger: refused by a statement trigger of its own (SQLite has no TRUNCATE).
    op.execute("""CREATE FUNCTION zeshi_audit_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'zeshi: the audit log is append-only';
END $$""")
    op.execute("CREATE TRIGGER zeshi_audit_no_truncate BEFORE TRUNCATE ON audit_log "
               "FOR EACH STATEMENT EXECUTE FUNCTION zeshi_audit_no_truncate()")


# What marks a sheet for rehashing (store/sheet_seal.py): (table, event, the sheet id expressions)
DIRTY = (("scores", "INSERT", ("NEW.sheet_id",)), ("scores", "UPDATE", ("NEW.sheet_id", "OLD.sheet_id")),
         ("scores", "DELETE", ("OLD.sheet_id",)), ("answers", "INSERT", ("NEW.sheet_id",)),
         ("answers", "UPDATE", ("NEW.sheet_id", "OLD.sheet_id")), ("answers", "DELETE", ("OLD.sheet_id",)),
         ("sheets", "INSERT", ("NEW.id",)),
         ("sheets", "UPDATE OF status, remarks, reopened_reason, form_id, year, appointment_id, district_id, "
                    "reviewer_id", ("NEW.id",)))


def _dirty_triggers(postgresql: bool) -> None:
    op.add_column('sheets', sa.Column('content_hash', sa.String(length=64), nullable=True))
    op.create_table('dirty_sheets', sa.Column('sheet_id', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('sheet_id', name='pk_dirty_sheets'))
    for n, (table, event, ids) in enumerate(DIRTY):
        if postgresql and " OF " not in event:   # the statement's rows at once (no transition table with OF)
            rows = " UNION ".join(f"SELECT {i.split('.')[1]} FROM {i.split('.')[0].lower()}_rows" for i in ids)
            tables = " ".join(f"{side} TABLE AS {side.lower()}_rows" for side in ("OLD", "NEW")
                              if any(i.startswith(f"{side}.") for i in ids))
            op.execute(f"""CREATE FUNCTION zeshi_dirty_{n}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dirty_sheets (sheet_id) {rows} ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$""")
            op.execute(f"CREATE TRIGGER zeshi_dirty_{n} AFTER {event} ON {table} REFERENCING {tables} "
                       f"FOR EACH STATEMENT EXECUTE FUNCTION zeshi_dirty_{n}()")
        elif postgresql:
            values = ", ".join(f"({i})" for i in ids)
            op.execute(f"""CREATE FUNCTION zeshi_dirty_{n}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dirty_sheets (sheet_id) VALUES {values} ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$""")
            op.execute(f"CREATE TRIGGER zeshi_dirty_{n} AFTER {event} ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION zeshi_dirty_{n}()")
        else:
            inserts = " ".join(f"INSERT OR IGNORE INTO dirty_sheets (sheet_id) VALUES ({i});" for i in ids)
            op.execute(f"CREATE TRIGGER zeshi_dirty_{n} AFTER {event} ON {table} BEGIN {inserts} END")


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    _rebuild_audit_log()
    _dirty_triggers(postgresql)
    from zeshi_desktop.store import audit, sheet_seal

    audit.seal(op.get_bind())
    op.execute("INSERT INTO dirty_sheets (sheet_id) SELECT id FROM sheets")
    sheet_seal.seal(op.get_bind())
    if postgresql:
        _postgresql_triggers()
    else:
        _sqlite_triggers()


def downgrade() -> None:
    raise NotImplementedError("the audit chain is not taken back")
