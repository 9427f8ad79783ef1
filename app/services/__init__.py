"""Application services the windows use: workspace, phone, messaging, stats, presence."""
