"""package bookkeeping: known signers and imported packages

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('known_signers',
    sa.Column('fingerprint', sa.String(length=96), nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('origin', sa.String(length=128), nullable=False),
    sa.Column('first_seen', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('fingerprint', name=op.f('pk_known_signers'))
    )
    op.create_table('imported_packages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('package_id', sa.String(length=36), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_imported_packages'))
    )
    with op.batch_alter_table('imported_packages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_imported_packages_package_id'), ['package_id'], unique=False)

def downgrade() -> None:
    op.drop_table('imported_packages')
    op.drop_table('known_signers')
