"""The demo year, and the plain records a whole year is loaded from.

A fictional but realistic review year (``demo_year``, put into a store by
``load_demo``), so that every view, report and print has something to show
the first time the program starts, and the tests have a year to work on. Its
names and texts are data (``data/*.toml``); only how they are drawn is Python,
with a fixed seed, so the year is the same on every machine.

``YearData``, ``SheetRecord`` and ``PictureRecord`` describe any year as plain
records, and ``load_year`` puts one into a store in bulk: the demo, the
benchmarks' city-scale year and whole-year imports all go that way.
"""

from zeshi_desktop.demo.fixture import DEMO_YEAR, demo_year, load_demo
from zeshi_desktop.demo.yeardata import PictureRecord, SheetRecord, YearData, load_year

__all__ = ["DEMO_YEAR", "PictureRecord", "SheetRecord", "YearData", "demo_year", "load_demo", "load_year"]
