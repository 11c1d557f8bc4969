"""Prompt files: the model, the loader and checks, the parse cache, field kinds."""
