"""Qt widgets, models and dialogs. Only app.main imports this package."""
