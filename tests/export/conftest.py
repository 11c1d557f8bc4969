from export_fixtures import filled, filled_documents, filled_file, filled_plan_odt  # noqa: F401  (the fixtures)
from followup_fixtures import followed  # noqa: F401  (the fixture)
