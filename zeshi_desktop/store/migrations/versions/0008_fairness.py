"""fairness: recusals (回避) and the double entry of paper sheets

Revision ID: 0008
Revises: 0007

``recusals``: a reviewer's conflict for a subject (a unit's appointment on
3-2, a district on 4-3), keyed by the slot the reviewer's sheet has or would
have; a withdrawn one keeps its row. ``sheet_entries`` names who typed each
entry of a paper sheet, ``entry_scores`` holds the second entry's items (the
first entry is the sheet's own scores), ``entry_resolutions`` a third
person's decision on each item where the two differed. ``members`` gains the
member's own 单位 (empty when not given), which the conflict suggestions
compare with a reviewer's. A store made before this revision has none of
them: every sheet is typed once, nobody recused.
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('members', sa.Column('organisation', sa.String(length=128), nullable=False, server_default=''))
    op.create_table(
        'recusals',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('slot', sa.String(length=96), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('form_id', sa.String(length=8), nullable=False),
        sa.Column('reviewer_id', sa.Integer(), nullable=False),
        sa.Column('appointment_id', sa.Integer(), nullable=True),
        sa.Column('district_id', sa.Integer(), nullable=True),
        sa.Column('reason', sa.String(length=24), nullable=False),
        sa.Column('detail', sa.Text(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('declared_by', sa.String(length=64), nullable=False),
        sa.Column('declared_at', sa.DateTime(), nullable=False),
        sa.Column('withdrawn_by', sa.String(length=64), nullable=True),
        sa.Column('withdrawn_at', sa.DateTime(), nullable=True),
        sa.Column('withdrawn_reason', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['year'], ['years.year'], name=op.f('fk_recusals_year_years')),
        sa.ForeignKeyConstraint(['reviewer_id'], ['reviewers.id'], name=op.f('fk_recusals_reviewer_id_reviewers'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['appointment_id'], ['appointments.id'],
                                name=op.f('fk_recusals_appointment_id_appointments'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['district_id'], ['districts.id'], name=op.f('fk_recusals_district_id_districts'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_recusals')),
        sa.UniqueConstraint('slot', name=op.f('uq_recusals_slot')),
    )
    op.create_index(op.f('ix_recusals_year'), 'recusals', ['year'], unique=False)
    op.create_index(op.f('ix_recusals_reviewer_id'), 'recusals', ['reviewer_id'], unique=False)
    op.create_index(op.f('ix_recusals_appointment_id'), 'recusals', ['appointment_id'], unique=False)
    op.create_index(op.f('ix_recusals_district_id'), 'recusals', ['district_id'], unique=False)
    op.create_table(
        'sheet_entries',
        sa.Column('sheet_id', sa.Integer(), nullable=False),
        sa.Column('entry', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('typist', sa.String(length=64), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['sheet_id'], ['sheets.id'], name=op.f('fk_sheet_entries_sheet_id_sheets'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('sheet_id', 'entry', name=op.f('pk_sheet_entries')),
    )
    op.create_table(
        'entry_scores',
        sa.Column('sheet_id', sa.Integer(), nullable=False),
        sa.Column('entry', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('item_id', sa.String(length=48), nullable=False),
        sa.Column('tenths', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['sheet_id'], ['sheets.id'], name=op.f('fk_entry_scores_sheet_id_sheets'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('sheet_id', 'entry', 'item_id', name=op.f('pk_entry_scores')),
    )
    op.create_table(
        'entry_resolutions',
        sa.Column('sheet_id', sa.Integer(), nullable=False),
        sa.Column('item_id', sa.String(length=48), nullable=False),
        sa.Column('tenths', sa.Integer(), nullable=True),
        sa.Column('first_tenths', sa.Integer(), nullable=True),
        sa.Column('second_tenths', sa.Integer(), nullable=True),
        sa.Column('resolver', sa.String(length=64), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('resolved_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['sheet_id'], ['sheets.id'], name=op.f('fk_entry_resolutions_sheet_id_sheets'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('sheet_id', 'item_id', name=op.f('pk_entry_resolutions')),
    )


def downgrade() -> None:
    op.drop_table('entry_resolutions')
    op.drop_table('entry_scores')
    op.drop_table('sheet_entries')
    op.drop_index(op.f('ix_recusals_district_id'), table_name='recusals')
    op.drop_index(op.f('ix_recusals_appointment_id'), table_name='recusals')
    op.drop_index(op.f('ix_recusals_reviewer_id'), table_name='recusals')
    op.drop_index(op.f('ix_recusals_year'), table_name='recusals')
    op.drop_table('recusals')
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.drop_column('organisation')
