"""results: nominations received, the city's selection, its limits, renewal notes

Revision ID: 0009
Revises: 0008

``excellent_nominations``: a district's nomination as the city received it,
with the district's 3-3 figures and 4-2 contract answer; ``excellent_selections``:
the city's decision on each nominee (at a district, as the city sent it back);
``excellent_limits``: at most how many 市级优秀 per district (a warning);
``renewal_notes``: the hiring body's note beside the renewal figures. A store
made before this revision has none: nobody nominated to the city, nothing
decided, no notes.
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def _appointment(table: str) -> list[sa.schema.SchemaItem]:
    return [sa.Column('appointment_id', sa.Integer(), autoincrement=False, nullable=False),
            sa.ForeignKeyConstraint(['appointment_id'], ['appointments.id'],
                                    name=op.f(f'fk_{table}_appointment_id_appointments'), ondelete='CASCADE'),
            sa.PrimaryKeyConstraint('appointment_id', name=op.f(f'pk_{table}'))]


def upgrade() -> None:
    op.create_table(
        'excellent_nominations', *_appointment('excellent_nominations'),
        sa.Column('rank', sa.Integer(), nullable=True),
        sa.Column('ranked', sa.Integer(), nullable=True),
        sa.Column('total', sa.String(length=40), nullable=False),
        sa.Column('band', sa.String(length=16), nullable=False),
        sa.Column('contracts_signed', sa.Boolean(), nullable=True),
        sa.Column('package_id', sa.String(length=36), nullable=False),
        sa.Column('received_at', sa.DateTime(), nullable=False),
    )
    op.create_table(
        'excellent_selections', *_appointment('excellent_selections'),
        sa.Column('selected', sa.Boolean(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('decided_by', sa.String(length=64), nullable=False),
        sa.Column('decided_at', sa.DateTime(), nullable=False),
        sa.Column('package_id', sa.String(length=36), nullable=True),
    )
    op.create_table(
        'excellent_limits',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('district_id', sa.Integer(), nullable=True),
        sa.Column('most', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['year'], ['years.year'], name=op.f('fk_excellent_limits_year_years')),
        sa.ForeignKeyConstraint(['district_id'], ['districts.id'],
                                name=op.f('fk_excellent_limits_district_id_districts'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_excellent_limits')),
        sa.UniqueConstraint('year', 'district_id', name=op.f('uq_excellent_limits_year')),
    )
    op.create_index(op.f('ix_excellent_limits_year'), 'excellent_limits', ['year'], unique=False)
    op.create_table(
        'renewal_notes', *_appointment('renewal_notes'),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('updated_by', sa.String(length=64), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table('renewal_notes')
    op.drop_index(op.f('ix_excellent_limits_year'), table_name='excellent_limits')
    op.drop_table('excellent_limits')
    op.drop_table('excellent_selections')
    op.drop_table('excellent_nominations')
