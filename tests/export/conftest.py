from export_fixtures import filled  # noqa: F401  (the fixture)
from followup_fixtures import followed  # noqa: F401  (the fixture)
