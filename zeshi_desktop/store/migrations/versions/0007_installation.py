"""installation: what this installation is (street office, district, city, reviewer's laptop)

Revision ID: 0007
Revises: 0006

A store made before this revision has no row: it has no role yet and takes
packages as before, and the import's preview says so until a role is chosen
(``zeshi init`` or the app's first-run dialog).
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'installation',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('role', sa.String(length=16), nullable=False),
        sa.Column('district', sa.String(length=64), nullable=False),
        sa.Column('units', sa.Text(), nullable=False),
        sa.Column('reviewer', sa.String(length=64), nullable=False),
        sa.Column('set_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_installation')),
    )


def downgrade() -> None:
    op.drop_table('installation')
