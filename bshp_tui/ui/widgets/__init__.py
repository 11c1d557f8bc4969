"""Widgets of the guided chat, each with its own CSS; they talk to the screen through messages."""
