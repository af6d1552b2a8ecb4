"""picture captions: the caption typed for a 4-1 picture, printed "图N caption"

Revision ID: 0005
Revises: 0004

Pictures attached before this revision have no caption (an empty text); the
print falls back to the file name for them, as it did before.
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('attachments', sa.Column('caption', sa.String(length=255), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.drop_column('caption')
