from export_fixtures import (  # noqa: F401  (the fixtures)
    filled,
    filled_documents,
    filled_file,
    filled_plan_odt,
    walked_file,
)
from followup_fixtures import followed  # noqa: F401  (the fixture)
