from export_fixtures import filled  # noqa: F401  (the fixture)
