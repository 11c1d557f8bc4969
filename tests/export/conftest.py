from export_fixtures import filled, filled_file  # noqa: F401  (the fixtures)
from followup_fixtures import followed  # noqa: F401  (the fixture)
