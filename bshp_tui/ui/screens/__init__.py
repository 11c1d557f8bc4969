"""The app's screens: start, the guided chat and the views opened from it."""
