"""signers: how a sender's key came to be trusted; what the last import wrote into each sheet

Revision ID: 0006
Revises: 0005

``known_signers`` gains who accepted a key by hand and why (both empty for a
key trusted on first use, like every key remembered before this revision).
``imported_sheets`` keeps, per sheet, the content hash the sheet had right
after an import last wrote it: a draft whose hash differs now was edited here
since, and a later import that would change it is a conflict. Sheets imported
before this revision have no record: they are treated as before (a draft is
simply updated, listed in the preview and the audit).
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('known_signers', sa.Column('accepted_by', sa.String(length=64), nullable=False,
                                             server_default=''))
    op.add_column('known_signers', sa.Column('reason', sa.Text(), nullable=False, server_default=''))
    op.create_table(
        'imported_sheets',
        sa.Column('sheet_id', sa.Integer(), nullable=False),
        sa.Column('content_hash', sa.String(length=64), nullable=False),
        sa.Column('package_id', sa.String(length=36), nullable=False),
        sa.Column('imported_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['sheet_id'], ['sheets.id'], name=op.f('fk_imported_sheets_sheet_id_sheets'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('sheet_id', name=op.f('pk_imported_sheets')),
    )


def downgrade() -> None:
    op.drop_table('imported_sheets')
    with op.batch_alter_table('known_signers', schema=None) as batch_op:
        batch_op.drop_column('reason')
        batch_op.drop_column('accepted_by')
