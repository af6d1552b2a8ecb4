"""printed sheets: what each verification code was printed with

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('printed_sheets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('sheet_id', sa.Integer(), nullable=False),
    sa.Column('form_id', sa.String(length=8), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('printed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['sheet_id'], ['sheets.id'], name=op.f('fk_printed_sheets_sheet_id_sheets'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_printed_sheets')),
    sa.UniqueConstraint('code', name=op.f('uq_printed_sheets_code'))
    )
    with op.batch_alter_table('printed_sheets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_printed_sheets_sheet_id'), ['sheet_id'], unique=False)


def downgrade() -> None:
    op.drop_table('printed_sheets')
